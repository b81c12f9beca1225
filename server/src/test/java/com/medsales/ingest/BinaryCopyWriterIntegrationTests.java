package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the binary COPY encoding writes is what PostgreSQL's own text input makes of the same values. */
@SpringBootTest
class BinaryCopyWriterIntegrationTests {

  @Autowired BulkConnections connections;

  @Test
  void decimalsArriveExactlyWithTheScalePostgresqlWouldGiveTheirText() throws Exception {
    List<String> values = List.of(
        "0", "-0", "0.000", "-0.00", "7", "12", "1.50", "-0.5", ".5", "+.25", "5.", "+3", "00012.3400", "10000",
        "9999.9999", "99990000", "0.0001", "-0.00010", "123456789012345678901234567890.123456789012345",
        "4917.21", "1e5", "1.5E+3", "1.50E1", "2.5e-3", "-7E-10");
    try (Connection c = connections.open("binary-copy-test")) {
      c.setAutoCommit(false);
      YearlyTables.execute(c, "CREATE TEMP TABLE copy_test (i integer, v numeric)");
      var out = new BinaryCopyWriter(c, "COPY copy_test (i, v) FROM STDIN WITH (FORMAT binary)", 2);
      for (int i = 0; i < values.size(); i++) {
        out.integer(i).numeric(values.get(i)).endRow();
      }
      out.integer(-1).numeric(null).endRow();
      out.finish();
      try (PreparedStatement s = c.prepareStatement("SELECT v::text, CAST(? AS numeric)::text FROM copy_test WHERE i = ?")) {
        for (int i = 0; i < values.size(); i++) {
          s.setString(1, values.get(i));
          s.setInt(2, i);
          try (ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as(values.get(i)).isEqualTo(rs.getString(2));
          }
        }
      }
      assertThat(scalar(c, "SELECT count(*) FROM copy_test WHERE i = -1 AND v IS NULL")).isEqualTo("1");
    }
  }

  @Test
  void integersAtTheirLimitsBooleansTextAndNullsRoundTrip() throws Exception {
    List<String> texts = List.of("plain", "back\\slash", "tab\there", "new\nline", "RIVERA-MONTAÑEZ", "東京都",
        "emoji \uD83D\uDE00 pair", "", "\\N");
    try (Connection c = connections.open("binary-copy-test")) {
      c.setAutoCommit(false);
      YearlyTables.execute(c, "CREATE TEMP TABLE copy_test (s smallint, i integer, b bigint, f boolean, t text)");
      var out = new BinaryCopyWriter(c, "COPY copy_test FROM STDIN WITH (FORMAT binary)", 5);
      out.smallint(Short.MIN_VALUE).integer(Integer.MIN_VALUE).bigint(Long.MIN_VALUE).bool(false).text(null).endRow();
      out.smallint(Short.MAX_VALUE).integer(Integer.MAX_VALUE).bigint(Long.MAX_VALUE).bool(true).text("a\uD800b").endRow();
      for (String t : texts) {
        out.smallint(2021).integer(-42).bigint(1234567890L).nullValue().text(t).endRow();
      }
      assertThat(out.rows()).isEqualTo(2 + texts.size());
      out.finish();
      assertThat(scalar(c, "SELECT concat_ws(',', s, i, b, f, t IS NULL) FROM copy_test WHERE s < 0"))
          .isEqualTo("-32768,-2147483648,-9223372036854775808,f,t");
      assertThat(scalar(c, "SELECT concat_ws(',', s, i, b, f, t) FROM copy_test WHERE s = 32767"))
          .isEqualTo("32767,2147483647,9223372036854775807,t,a?b");
      var back = new ArrayList<String>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT t, f IS NULL, i, b FROM copy_test WHERE s = 2021 ORDER BY ctid")) {
        while (rs.next()) {
          assertThat(rs.getBoolean(2)).isTrue();
          assertThat(rs.getInt(3)).isEqualTo(-42);
          assertThat(rs.getLong(4)).isEqualTo(1234567890L);
          back.add(rs.getString(1));
        }
      }
      assertThat(back).containsExactlyElementsOf(texts);
    }
  }

  @Test
  void rowsLargerThanTheBufferArriveWhole() throws Exception {
    String big = "x".repeat(70_000) + "é".repeat(40_000);
    String digits = "9".repeat(60_000) + "." + "1".repeat(9_000);
    try (Connection c = connections.open("binary-copy-test")) {
      c.setAutoCommit(false);
      YearlyTables.execute(c, "CREATE TEMP TABLE copy_test (t text, v numeric)");
      var out = new BinaryCopyWriter(c, "COPY copy_test FROM STDIN WITH (FORMAT binary)", 2);
      for (int i = 0; i < 3; i++) {
        out.text(big).numeric(digits).endRow();
      }
      out.finish();
      assertThat(scalar(c, "SELECT count(*) FROM copy_test WHERE t = '" + big + "' AND v::text = '" + digits + "'"))
          .isEqualTo("3");
    }
  }

  @Test
  void refusesWhatIsNotADecimalAndRowsOfTheWrongWidth() throws Exception {
    try (Connection c = connections.open("binary-copy-test")) {
      c.setAutoCommit(false);
      YearlyTables.execute(c, "CREATE TEMP TABLE copy_test (a integer, v numeric)");
      try (var out = new BinaryCopyWriter(c, "COPY copy_test FROM STDIN WITH (FORMAT binary)", 2)) {
        out.integer(1);
        assertThatThrownBy(() -> out.numeric("1,234")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> out.numeric("NaN")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(out::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 fields");
        assertThatThrownBy(() -> out.smallint(40_000)).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  private static String scalar(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
