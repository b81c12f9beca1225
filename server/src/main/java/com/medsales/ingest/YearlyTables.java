package com.medsales.ingest;

import com.medsales.platform.BulkConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tables of a CMS dataset published by data year (Part B, Part D): each year is a partition; a
 * load fills standalone {@code <table>_y<year>_next} tables and attaches them as the year's
 * partitions in one transaction.
 */
public final class YearlyTables {

  private static final Pattern YEAR_IN_NAME =
      Pattern.compile("(?<![0-9])(20[0-9]{2}|19[0-9]{2})(?![0-9])");

  private final List<String> tables;
  private final int year;
  private final String suffix;
  private final String yearColumn;

  public YearlyTables(List<String> tables, int year) {
    this(tables, year, "data_year");
  }

  public YearlyTables(List<String> tables, int year, String yearColumn) {
    this.tables = tables;
    this.year = year;
    this.suffix = "_y" + year + "_next";
    this.yearColumn = yearColumn;
  }

  /**
   * The year of a CMS file from its name (CMS puts it there: "..._2021_...", "..._NPI_Drug_13" does
   * not count).
   */
  public static @Nullable Integer yearFromName(String name) {
    Matcher m = YEAR_IN_NAME.matcher(name);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  public int year() {
    return year;
  }

  public String next(String table) {
    return table + suffix;
  }

  /**
   * Creates the year's table for {@code table} in the connection's transaction and starts a COPY
   * into it.
   */
  public CopyWriter copyInto(Connection connection, String table, String columns)
      throws SQLException {
    connection.setAutoCommit(false);
    execute(connection, "DROP TABLE IF EXISTS " + next(table));
    execute(
        connection,
        "CREATE TABLE "
            + next(table)
            + " (LIKE "
            + table
            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
    addYearConstraint(connection, table);
    // FREEZE: the table is new in this transaction, so its rows go in frozen and the index builds,
    // ANALYZE and rollups
    // that read them next do not rewrite every page to set hint bits
    return new CopyWriter(
        connection, "COPY " + next(table) + " (" + columns + ") FROM STDIN WITH (FREEZE)");
  }

  /** An empty year table to fill with SQL (a rollup). */
  public void create(Connection c, String table) throws SQLException {
    execute(c, "DROP TABLE IF EXISTS " + next(table));
    execute(
        c,
        "CREATE TABLE "
            + next(table)
            + " (LIKE "
            + table
            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
    addYearConstraint(c, table);
  }

  /**
   * The constraint that lets ATTACH PARTITION skip its scan, added when the table is created:
   * checked as each row arrives rather than by a scan of the whole year afterwards.
   */
  private void addYearConstraint(Connection c, String table) throws SQLException {
    execute(
        c,
        "ALTER TABLE "
            + next(table)
            + " ADD CONSTRAINT "
            + next(table)
            + "_year CHECK ("
            + yearColumn
            + " = "
            + year
            + ")");
  }

  /**
   * Replaces the year's partitions by the loaded tables, all in one transaction, with {@code
   * alsoInTheTransaction} (say, a record of what the year was built from) executed after them
   * before the commit.
   */
  public void publish(Connection c, String... alsoInTheTransaction) throws SQLException {
    BulkConnections.inOneTransaction(
        c,
        t -> {
          execute(t, "SET LOCAL lock_timeout = '60s'");
          for (String table : tables) {
            String partition = table + "_y" + year;
            execute(t, "DROP TABLE IF EXISTS " + partition);
            execute(t, "ALTER TABLE " + next(table) + " RENAME TO " + partition);
            execute(
                t,
                "ALTER TABLE "
                    + table
                    + " ATTACH PARTITION "
                    + partition
                    + " FOR VALUES IN ("
                    + year
                    + ")");
          }
          for (String sql : alsoInTheTransaction) {
            execute(t, sql);
          }
        });
  }

  public void discard(Connection c) throws SQLException {
    c.setAutoCommit(true);
    for (String table : tables) {
      execute(c, "DROP TABLE IF EXISTS " + next(table));
    }
  }

  public static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
