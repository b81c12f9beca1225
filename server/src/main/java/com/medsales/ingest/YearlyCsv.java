package com.medsales.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * What the loaders of yearly CMS files (Part B, Part D, Open Payments) share: the data year of a
 * run, and one pass over the CSV that checksums it, reports progress, and rejects rows of the wrong
 * width or with bytes that are not UTF-8 before a loader sees them.
 */
public final class YearlyCsv {

  private YearlyCsv() {}

  /** Receives the header, then every row of the right width with valid text. */
  public interface Rows {
    void header(CsvHeader header) throws Exception;

    /** Writes the row, or records a reject and returns false. */
    boolean row(CsvRecord row, CsvHeader header) throws IOException;

    /** After the last row, before the COPY streams end: write whatever is still held back. */
    default void end() throws IOException {}
  }

  /**
   * Receives the header, then every row of the right width with valid text, as byte ranges of the
   * input (see {@link ByteCsv}): for the largest files, where a string per field is most of the
   * cost of a row.
   */
  public interface ByteRows {
    void header(CsvHeader header) throws Exception;

    /** Writes the row, or records a reject and returns false. */
    boolean row(ByteCsv row, CsvHeader header) throws IOException;

    /** After the last row, before the COPY streams end: write whatever is still held back. */
    default void end() throws IOException {}
  }

  /** What one pass read. */
  public record Read(long rowsRead, long rowsLoaded, long bytes) {}

  /** The year asked for, or the one in the file's name; refused when neither tells it. */
  public static int year(LoadContext context, String yearName) {
    Integer year =
        context.requestedYear() != null
            ? context.requestedYear()
            : YearlyTables.yearFromName(context.sourceName());
    if (year == null) {
      throw new IllegalArgumentException(
          "Cannot tell the "
              + yearName
              + " of "
              + context.sourceName()
              + ": give it with --year (or \"year\" in the API)");
    }
    return year;
  }

  /** Reads the whole file once; a truncated file is refused before anything is read. */
  public static Read read(LoadContext context, char separator, Rows rows) throws Exception {
    Sources.requireCompleteLastLine(context.file(), context.sourceName());
    MessageDigest sha = sha256();
    long rowsRead = 0;
    long loaded = 0;
    String file = context.sourceName();
    try (var counting =
            new CountingInputStream(
                new DigestInputStream(Files.newInputStream(context.file()), sha));
        var reader =
            CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(
                    new InputStreamReader(
                        counting,
                        StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
      Iterator<CsvRecord> it = reader.iterator();
      if (!it.hasNext()) {
        throw new IOException(file + " is empty: no header row");
      }
      CsvHeader header = new CsvHeader(file, it.next().getFields());
      rows.header(header);
      while (it.hasNext()) {
        CsvRecord row = it.next();
        rowsRead++;
        if (wellFormed(row, header, context) && rows.row(row, header)) {
          loaded++;
        }
        if ((rowsRead & 1023) == 0) {
          context.progress("loading", counting.count(), rowsRead, loaded);
        }
      }
      context.progress("loading", counting.count(), rowsRead, loaded);
      context.sourceDigest(HexFormat.of().formatHex(sha.digest()), counting.count());
      return new Read(rowsRead, loaded, counting.count());
    }
  }

  /**
   * {@link #read} with the rows as byte ranges ({@link ByteCsv}): the same checksum, progress and
   * checks of width and text, record for record and line for line.
   */
  public static Read read(LoadContext context, char separator, ByteRows rows) throws Exception {
    Sources.requireCompleteLastLine(context.file(), context.sourceName());
    MessageDigest sha = sha256();
    long rowsRead = 0;
    long loaded = 0;
    String file = context.sourceName();
    try (var csv =
        new ByteCsv(new DigestInputStream(Files.newInputStream(context.file()), sha), separator)) {
      if (!csv.next()) {
        throw new IOException(file + " is empty: no header row");
      }
      var names = new java.util.ArrayList<String>(csv.size());
      for (int i = 0; i < csv.size(); i++) {
        names.add(csv.text(i));
      }
      CsvHeader header = new CsvHeader(file, names);
      rows.header(header);
      while (csv.next()) {
        rowsRead++;
        if (wellFormed(csv, header, context) && rows.row(csv, header)) {
          loaded++;
        }
        if ((rowsRead & 1023) == 0) {
          context.progress("loading", csv.bytesRead(), rowsRead, loaded);
        }
      }
      context.progress("loading", csv.bytesRead(), rowsRead, loaded);
      context.sourceDigest(HexFormat.of().formatHex(sha.digest()), csv.bytesRead());
      return new Read(rowsRead, loaded, csv.bytesRead());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean wellFormed(ByteCsv row, CsvHeader header, LoadContext context) {
    if (row.size() != header.size()) {
      context.reject(
          new Reject(
              context.sourceName(),
              row.line(),
              null,
              "Expected " + header.size() + " fields, found " + row.size(),
              null));
      return false;
    }
    for (int i = 0; !row.ascii() && i < row.size(); i++) {
      if (!row.validUtf8(i)) {
        context.reject(
            new Reject(
                context.sourceName(),
                row.line(),
                header.name(i),
                "Not valid UTF-8 text",
                row.text(i)));
        return false;
      }
    }
    return true;
  }

  private static boolean wellFormed(CsvRecord row, CsvHeader header, LoadContext context) {
    long line = row.getStartingLineNumber();
    if (row.getFieldCount() != header.size()) {
      context.reject(
          new Reject(
              context.sourceName(),
              line,
              null,
              "Expected " + header.size() + " fields, found " + row.getFieldCount(),
              null));
      return false;
    }
    for (int i = 0; i < row.getFieldCount(); i++) {
      if (row.getField(i).indexOf('\uFFFD') >= 0) {
        context.reject(
            new Reject(
                context.sourceName(),
                line,
                header.name(i),
                "Not valid UTF-8 text",
                row.getField(i)));
        return false;
      }
    }
    return true;
  }

  /**
   * Builds the year's derived tables (indexes, rollups) on its loaded tables, before they are
   * published.
   */
  public interface Prepare {
    void prepare(java.sql.Connection c) throws java.sql.SQLException;
  }

  /**
   * The whole load of a year: reads the file into the COPY streams, ends them, checks the reject
   * share, prepares and publishes the year's tables; on any failure the streams are abandoned and
   * the year's loaded tables dropped, so nothing is published.
   */
  public static Read loadYear(
      LoadContext context,
      char separator,
      YearlyTables tables,
      java.sql.Connection publish,
      java.util.List<CopyWriter> copies,
      Rows rows,
      Prepare prepare)
      throws Exception {
    return loadYear(
        context,
        tables,
        publish,
        copies,
        () -> {
          Read read = read(context, separator, rows);
          rows.end();
          return read;
        },
        prepare);
  }

  /**
   * {@link #loadYear(LoadContext, char, YearlyTables, java.sql.Connection, java.util.List, Rows,
   * Prepare)} over bytes.
   */
  public static Read loadYear(
      LoadContext context,
      char separator,
      YearlyTables tables,
      java.sql.Connection publish,
      java.util.List<CopyWriter> copies,
      ByteRows rows,
      Prepare prepare)
      throws Exception {
    return loadYear(
        context,
        tables,
        publish,
        copies,
        () -> {
          Read read = read(context, separator, rows);
          rows.end();
          return read;
        },
        prepare);
  }

  /** One pass over the file that fills the COPY streams: the rows, then what they held back. */
  private interface Pass {
    Read run() throws Exception;
  }

  private static Read loadYear(
      LoadContext context,
      YearlyTables tables,
      java.sql.Connection publish,
      java.util.List<CopyWriter> copies,
      Pass pass,
      Prepare prepare)
      throws Exception {
    Read read;
    try {
      read = pass.run();
      for (CopyWriter copy : copies) {
        copy.finish();
      }
    } catch (Exception e) {
      copies.forEach(CopyWriter::close);
      tables.discard(publish);
      throw e;
    }
    try {
      context.checkRejectThreshold(read.rowsRead());
      context.progress("indexing", read.bytes(), read.rowsRead(), read.rowsLoaded());
      prepare.prepare(publish);
      context.progress("publishing", read.bytes(), read.rowsRead(), read.rowsLoaded());
      tables.publish(publish);
      return read;
    } catch (Exception e) {
      tables.discard(publish);
      throw e;
    }
  }

  /** Makes the row writer of a year once the COPY stream is open. */
  public interface RowsFactory {
    Rows create(int year, CopyWriter out);
  }

  /** Builds the loaded year's indexes and derived tables. */
  public interface TablePrepare {
    void prepare(java.sql.Connection c, YearlyTables tables) throws java.sql.SQLException;
  }

  /**
   * The load of a comma-separated yearly file that fills one table by COPY ({@code tables.get(0)};
   * further tables are derived by {@code prepare}), counted afterwards by its year column.
   */
  public static DatasetLoader.Outcome loadOneCopy(
      LoadContext context,
      com.medsales.platform.BulkConnections connections,
      String yearName,
      java.util.List<String> tables,
      String yearColumn,
      String columns,
      RowsFactory rows,
      TablePrepare prepare)
      throws Exception {
    int year = year(context, yearName);
    String table = tables.getFirst();
    var yearTables = new YearlyTables(tables, year, yearColumn);
    try (java.sql.Connection copy = connections.open(table + "-copy");
        java.sql.Connection c = connections.open(table + "-publish")) {
      CopyWriter out = yearTables.copyInto(copy, table, columns);
      Read read =
          loadYear(
              context,
              ',',
              yearTables,
              c,
              java.util.List.of(out),
              rows.create(year, out),
              connection -> prepare.prepare(connection, yearTables));
      return new DatasetLoader.Outcome(
          true,
          read.rowsLoaded(),
          YearlyTables.count(
              c, "SELECT count(*) FROM " + table + " WHERE " + yearColumn + " = " + year),
          java.util.Map.of(),
          year);
    }
  }

  /** Records a reject; returns false for use as a row's result. */
  public static boolean reject(
      LoadContext context,
      CsvRecord row,
      @Nullable String column,
      String reason,
      @Nullable String value) {
    context.reject(
        new Reject(context.sourceName(), row.getStartingLineNumber(), column, reason, value));
    return false;
  }

  /** A date as CMS writes it, MM/DD/YYYY; null when it is not one. */
  public static java.time.@Nullable LocalDate usDate(@Nullable String value) {
    if (value == null || !value.matches("[0-9]{2}/[0-9]{2}/[0-9]{4}")) {
      return null;
    }
    try {
      return java.time.LocalDate.of(
          Integer.parseInt(value.substring(6)),
          Integer.parseInt(value.substring(0, 2)),
          Integer.parseInt(value.substring(3, 5)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The stripped value at a position, null when blank or when the column is absent (-1). */
  public static @Nullable String value(CsvRecord row, int position) {
    if (position < 0) {
      return null;
    }
    String value = row.getField(position).strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * Whether PostgreSQL's {@code numeric} will take the value. Plain decimals ({@code 12}, {@code
   * -0.5}, {@code 1,234} is not one) are checked by a scan, since a national Part D year has some
   * 200 million of them; anything else goes through {@link BigDecimal}, with an exponent PostgreSQL
   * can hold.
   */
  public static boolean isDecimal(String value) {
    int n = value.length();
    int i = n > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (i == n) {
      return digits > 0;
    }
    try {
      BigDecimal parsed = new BigDecimal(value);
      return Math.abs((long) parsed.scale()) <= 1000 && parsed.precision() - parsed.scale() <= 1000;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
