package com.medsales.provider.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an NPPES deactivation report, read one at a time whatever its packaging: the
 * spreadsheet CMS publishes ({@code .xlsx}, its first sheet; streamed from the sheet's XML, so the
 * report's size does not matter), a CSV export of it, or a zip holding either. The header is the
 * first row that names an {@code NPI} column (a title may stand above it). Spreadsheet dates
 * (numbers in a date format) come out as MM/DD/YYYY text, numbers without their {@code .0}; rows
 * keep their line (CSV) or row number (spreadsheet) for rejects.
 *
 * <p>The layout (a first sheet of NPI and NPPES deactivation date) is taken from the published
 * report's description; no sample file is at hand.
 */
abstract sealed class DeactivationReport implements AutoCloseable {

  /** A row: its line or row number and its cells by column, empty cells as "". */
  record Row(long line, List<String> cells) {
    String get(int column) {
      return column < cells.size() ? cells.get(column).strip() : "";
    }
  }

  private static final int HEADER_SEARCH_ROWS = 20;

  /** Opens the report and reads up to its header. */
  static DeactivationReport open(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    DeactivationReport report;
    if (name.endsWith(".zip")) {
      report = fromZip(file);
    } else if (name.endsWith(".xlsx")) {
      report = Spreadsheet.open(OpcOpener.file(file), file.getFileName().toString());
    } else {
      report = new Csv(Files.newInputStream(file), file.getFileName().toString());
    }
    report.findHeader();
    return report;
  }

  private static DeactivationReport fromZip(Path file) throws IOException {
    var zip = new ZipInputStream(Files.newInputStream(file));
    try {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String entryName = entry.getName().toLowerCase(Locale.ROOT);
        if (entry.isDirectory() || entryName.startsWith("__macosx/")) {
          continue;
        }
        if (entryName.endsWith(".xlsx")) {
          // the spreadsheet's own zip cannot be streamed from inside another: it is read into
          // memory (a few MB)
          DeactivationReport report = Spreadsheet.open(OpcOpener.stream(zip), entry.getName());
          zip.close();
          return report;
        }
        if (entryName.endsWith(".csv")) {
          return new Csv(zip, entry.getName());
        }
      }
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
    zip.close();
    throw new IOException(file.getFileName() + " holds no .xlsx or .csv deactivation report");
  }

  private final String fileName;
  private List<String> header = List.of();

  DeactivationReport(String fileName) {
    this.fileName = fileName;
  }

  /** The name of the file the rows come from (the zip's entry when zipped). */
  String fileName() {
    return fileName;
  }

  /** The header row's names. */
  List<String> header() {
    return header;
  }

  /** The next row after the header, or null at the end. */
  abstract @Nullable Row next() throws IOException;

  private void findHeader() throws IOException {
    for (int i = 0; i < HEADER_SEARCH_ROWS; i++) {
      Row row = next();
      if (row == null) {
        break;
      }
      if (row.cells().stream().anyMatch(cell -> cell.strip().equalsIgnoreCase("NPI"))) {
        header = row.cells().stream().map(String::strip).toList();
        return;
      }
    }
    throw new IOException(
        fileName
            + ": no header row naming an NPI column in its first "
            + HEADER_SEARCH_ROWS
            + " rows");
  }

  /** A CSV export of the report. */
  static final class Csv extends DeactivationReport {
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> rows;

    Csv(InputStream in, String fileName) {
      super(fileName);
      reader =
          CsvReader.builder()
              .allowExtraFields(true)
              .allowMissingFields(true)
              .skipEmptyLines(true)
              .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8));
      rows = reader.iterator();
    }

    @Override
    @Nullable Row next() {
      if (!rows.hasNext()) {
        return null;
      }
      CsvRecord row = rows.next();
      return new Row(row.getStartingLineNumber(), row.getFields());
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  /**
   * The spreadsheet: the first sheet's XML read as a stream, shared strings and date styles from
   * the package.
   */
  static final class Spreadsheet extends DeactivationReport {
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final InputStream sheet;
    private final XMLStreamReader xml;

    private Spreadsheet(OPCPackage pkg, String fileName) throws Exception {
      super(fileName);
      this.pkg = pkg;
      XSSFReader reader = new XSSFReader(pkg);
      strings = new ReadOnlySharedStringsTable(pkg);
      styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IOException(fileName + " has no sheet");
      }
      sheet = sheets.next();
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      xml = factory.createXMLStreamReader(sheet);
    }

    static Spreadsheet open(OpcOpener opener, String fileName) throws IOException {
      OPCPackage pkg = null;
      try {
        pkg = opener.open();
        return new Spreadsheet(pkg, fileName);
      } catch (IOException e) {
        revert(pkg);
        throw e;
      } catch (Exception e) {
        revert(pkg);
        throw new IOException(
            fileName + " is not a readable .xlsx spreadsheet: " + e.getMessage(), e);
      }
    }

    private static void revert(@Nullable OPCPackage pkg) {
      if (pkg != null) {
        pkg.revert();
      }
    }

    @Override
    @Nullable Row next() throws IOException {
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
            String number = xml.getAttributeValue(null, "r");
            return readRow(number == null ? -1 : Long.parseLong(number));
          }
        }
        return null;
      } catch (XMLStreamException | RuntimeException e) {
        throw new IOException(fileName() + ": the sheet cannot be read: " + e.getMessage(), e);
      }
    }

    private Row readRow(long number) throws XMLStreamException {
      List<String> cells = new ArrayList<>();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
          break;
        }
        if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
          String ref = xml.getAttributeValue(null, "r");
          int column = ref == null ? cells.size() : new CellReference(ref).getCol();
          while (cells.size() < column) {
            cells.add("");
          }
          cells.add(readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s")));
        }
      }
      return new Row(number, cells);
    }

    /** A cell's text: shared or inline strings as written, numbers plain, dates as MM/DD/YYYY. */
    private String readCell(@Nullable String type, @Nullable String style)
        throws XMLStreamException {
      StringBuilder value = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
          break;
        }
        if (event == XMLStreamConstants.START_ELEMENT
            && (xml.getLocalName().equals("v") || xml.getLocalName().equals("t"))) {
          value.append(xml.getElementText());
        }
      }
      String text = value.toString();
      if (text.isEmpty()) {
        return "";
      }
      if ("s".equals(type)) {
        return strings.getItemAt(Integer.parseInt(text.strip())).getString();
      }
      if (type == null || "n".equals(type)) {
        return number(text, style);
      }
      return text; // inlineStr, str (a formula's text), b, e
    }

    private String number(String text, @Nullable String style) {
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return text;
      }
      if (style != null) {
        var format = styles.getStyleAt(Integer.parseInt(style));
        if (format != null
            && DateUtil.isADateFormat(format.getDataFormat(), format.getDataFormatString())
            && DateUtil.isValidExcelDate(value)) {
          return DateUtil.getLocalDateTime(value).toLocalDate().format(US_DATE);
        }
      }
      return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // the sheet stream is closed below either way
      }
      sheet.close();
      pkg.revert(); // read-only: nothing to save
    }
  }

  /** Opens the spreadsheet's package from a file or from a stream (a zip's entry). */
  @FunctionalInterface
  interface OpcOpener {
    OPCPackage open() throws Exception;

    static OpcOpener file(Path file) {
      return () -> OPCPackage.open(file.toFile(), PackageAccess.READ);
    }

    static OpcOpener stream(InputStream in) {
      return () ->
          OPCPackage.open(
              new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                  // the enclosing zip stays open for its owner to close
                }
              });
    }
  }
}
