package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte pass of {@link YearlyCsv#read} against the FastCSV pass, on the same file: rows,
 * rejects, checksum.
 */
class YearlyCsvByteReadUnitTests {

  @TempDir Path dir;

  /** What a pass reported. */
  private static final class Context implements LoadContext {
    final Path file;
    final List<String> rejects = new ArrayList<>();
    final List<String> rows = new ArrayList<>();
    @Nullable String digest;
    long size;
    long lastBytes;

    Context(Path file) {
      this.file = file;
    }

    @Override
    public long runId() {
      return 1;
    }

    @Override
    public void recognisedAs(String kind) {
      throw new UnsupportedOperationException(kind);
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public @Nullable Integer requestedYear() {
      return 2021;
    }

    @Override
    public String sourceName() {
      return file.getFileName().toString();
    }

    @Override
    public void reject(Reject r) {
      rejects.add(
          r.fileName()
              + ":"
              + r.lineNumber()
              + " "
              + r.column()
              + " "
              + r.reason()
              + " "
              + r.value());
    }

    @Override
    public long rejectCount() {
      return rejects.size();
    }

    @Override
    public void checkRejectThreshold(long rowsRead) {}

    @Override
    public void progress(String phase, long bytesRead, long rowsRead, long rowsLoaded) {
      lastBytes = bytesRead;
    }

    @Override
    public void sourceDigest(String sha256, long size) {
      this.digest = sha256;
      this.size = size;
    }

    @Override
    public Optional<String> lastPublishedSha256() {
      return Optional.empty();
    }
  }

  private static byte[] file(Object... parts) {
    var out = new ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) part);
    }
    return out.toByteArray();
  }

  private Context readAsBytes(Path file, char separator) throws Exception {
    var context = new Context(file);
    YearlyCsv.read(
        context,
        separator,
        new YearlyCsv.ByteRows() {
          @Override
          public void header(CsvHeader header) {}

          @Override
          public boolean row(ByteCsv row, CsvHeader header) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
              fields.add(row.text(i));
            }
            context.rows.add(row.line() + " " + fields);
            return true;
          }
        });
    return context;
  }

  private Context readWithFastCsv(Path file, char separator) throws Exception {
    var context = new Context(file);
    YearlyCsv.read(
        context,
        separator,
        new YearlyCsv.Rows() {
          @Override
          public void header(CsvHeader header) {}

          @Override
          public boolean row(CsvRecord row, CsvHeader header) {
            context.rows.add(row.getStartingLineNumber() + " " + row.getFields());
            return true;
          }
        });
    return context;
  }

  @Test
  void rejectsWrongWidthsAndInvalidUtf8WithTheirLinesAsTheFastCsvPassDoes() throws Exception {
    byte[] bytes =
        file(
            "A,B,C\r\n",
            "1,\"x, y\",3\r\n",
            "2,bad",
            new byte[] {(byte) 0xFF},
            ",3\r\n",
            "3,4\r\n",
            "\r\n",
            "4,\"multi\nline\",",
            new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD},
            "\r\n",
            "5,é,\"say \"\"hi\"\"\"\r\n");
    Path file = Files.write(dir.resolve("partd_2021.csv"), bytes);

    Context read = readAsBytes(file, ',');

    assertThat(read.rejects)
        .containsExactly(
            "partd_2021.csv:3 B Not valid UTF-8 text bad\uFFFD",
            "partd_2021.csv:4 null Expected 3 fields, found 2 null",
            "partd_2021.csv:6 C Not valid UTF-8 text \uFFFD");
    assertThat(read.rows).containsExactly("2 [1, x, y, 3]", "8 [5, é, say \"hi\"]");
    assertThat(read.digest)
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(read.size).isEqualTo(bytes.length);
    assertThat(read.lastBytes).isEqualTo(bytes.length);

    Context fastCsv = readWithFastCsv(file, ',');
    assertThat(read.rejects).isEqualTo(fastCsv.rejects);
    assertThat(read.rows).isEqualTo(fastCsv.rows);
    assertThat(read.digest).isEqualTo(fastCsv.digest);
  }

  @Test
  void aFileWithoutALastLineBreakIsRefusedAsTruncatedBeforeAnythingIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("partd_2021.tab"), "A\tB\r\n1\t2\r\n3\t");
    assertThatThrownBy(() -> readAsBytes(file, '\t'))
        .hasMessageContaining("does not end with a line break");
  }
}
