package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the hand-written text-format encoding writes is what PostgreSQL reads back, byte for byte.
 */
@SpringBootTest
class CopyWriterIntegrationTests {

  @Autowired BulkConnections connections;

  @Test
  void textWithEscapesNonAsciiAndNullsRoundTrips() throws Exception {
    List<String> values =
        List.of(
            "plain",
            "back\\slash",
            "tab\there",
            "new\nline",
            "carriage\rreturn",
            "RIVERA-MONTAÑEZ",
            "Zürich Straße",
            "東京都",
            "emoji \uD83D\uDE00 pair",
            "€ and ¢",
            "",
            " leading and trailing ",
            "\\N");
    List<String> back = roundTrip(values, List.of());
    assertThat(back).containsExactlyElementsOf(values);
  }

  @Test
  void textWrittenFromBytesRoundTripsAsTheSameTextWrittenAsAString() throws Exception {
    List<String> values =
        new ArrayList<>(
            List.of(
                "plain",
                "back\\slash",
                "\ttab first",
                "new\nline",
                "carriage\rreturn\r\n",
                "RIVERA-MONTAÑEZ",
                "東京都",
                "eight b\\",
                "exactly8",
                "seventeen bytes\t!",
                "",
                " leading and trailing ",
                "\\N",
                "\\\\\t\t\n\n\r\r"));
    values.addFirst(
        "x".repeat(40_000) + "\\" + "é".repeat(10_000)); // more than the buffer once escaped
    // the bytes in the middle of a larger array, as a file's buffer holds them, and at its very end
    byte[] file = String.join("|", values).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<String> back =
        roundTrip(
            out -> {
              int from = 0;
              for (int i = 0; i <= file.length; i++) {
                if (i == file.length || file[i] == '|') {
                  out.field(file, from, i);
                  from = i + 1;
                }
              }
            },
            values.size());
    assertThat(back).containsExactlyElementsOf(values);
  }

  @Test
  void anUnpairedSurrogateBecomesAQuestionMarkAsTheJdkEncoderWouldWriteIt() throws Exception {
    assertThat(roundTrip(List.of("a\uD800b"), List.of())).containsExactly("a?b");
  }

  @Test
  void rowsLongerThanTheBufferAndNumbersAtTheEdgesArriveWhole() throws Exception {
    String big = "x".repeat(70_000) + "é".repeat(40_000) + "\t" + "y".repeat(10);
    List<Long> numbers = List.of(0L, 7L, -42L, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE);
    List<String> back = roundTrip(List.of(big), numbers);
    assertThat(back.getFirst()).isEqualTo(big);
    assertThat(back.subList(1, back.size()))
        .containsExactlyElementsOf(numbers.stream().map(String::valueOf).toList());
  }

  @Test
  void nullsBooleansAndManyRowsAreCounted() throws Exception {
    try (Connection c = connections.open("copy-writer-test")) {
      c.setAutoCommit(false);
      execute(c, "CREATE TEMP TABLE copy_test (n bigint, s text, b boolean)");
      var out = new CopyWriter(c, "COPY copy_test FROM STDIN");
      for (int i = 0; i < 20_000; i++) {
        out.field((long) i)
            .field(i % 3 == 0 ? null : "row " + i)
            .field(i % 5 == 0 ? null : i % 2 == 0)
            .endRow();
      }
      assertThat(out.rows()).isEqualTo(20_000);
      assertThatThrownBy(out::copied).isInstanceOf(IllegalStateException.class);
      out.finish();
      assertThat(out.copied()).isEqualTo(20_000); // as the server reported it
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*), count(s), count(b), count(*) FILTER (WHERE b), sum(n) FROM copy_test")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(20_000);
        assertThat(rs.getLong(2)).isEqualTo(20_000 - 6_667);
        assertThat(rs.getLong(3)).isEqualTo(16_000);
        assertThat(rs.getLong(4)).isEqualTo(8_000);
        assertThat(rs.getLong(5)).isEqualTo(199_990_000L);
      }
    }
  }

  /** Writes one row of the texts then the numbers, reads the row back as text, in column order. */
  private List<String> roundTrip(List<String> texts, List<Long> numbers) throws Exception {
    var columns = new ArrayList<String>();
    for (int i = 0; i < texts.size(); i++) {
      columns.add("t" + i + " text");
    }
    for (int i = 0; i < numbers.size(); i++) {
      columns.add("n" + i + " bigint");
    }
    return roundTrip(
        columns,
        out -> {
          for (String t : texts) {
            out.field(t);
          }
          for (long n : numbers) {
            out.field(n);
          }
        });
  }

  private interface Fields {
    void write(CopyWriter out) throws Exception;
  }

  /** One row of {@code count} text columns written by {@code fields}, read back. */
  private List<String> roundTrip(Fields fields, int count) throws Exception {
    var columns = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      columns.add("t" + i + " text");
    }
    return roundTrip(columns, fields);
  }

  private List<String> roundTrip(List<String> columns, Fields fields) throws Exception {
    try (Connection c = connections.open("copy-writer-test")) {
      c.setAutoCommit(false);
      execute(c, "CREATE TEMP TABLE copy_test (" + String.join(", ", columns) + ")");
      var out = new CopyWriter(c, "COPY copy_test FROM STDIN");
      fields.write(out);
      out.endRow();
      out.finish();
      var back = new ArrayList<String>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM copy_test")) {
        assertThat(rs.next()).isTrue();
        for (int i = 1; i <= columns.size(); i++) {
          back.add(rs.getString(i));
        }
        assertThat(rs.next()).isFalse();
      }
      return back;
    }
  }

  private static void execute(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
