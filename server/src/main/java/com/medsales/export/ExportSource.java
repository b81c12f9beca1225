package com.medsales.export;

import java.util.List;

/**
 * One kind of export ({@code providers}, {@code contacts}, ...): a list of the product, implemented
 * as a bean in the module that owns the list. It reads the list's own query parameters, checks them
 * with the list endpoint's own rules, and writes the rows the list pages through, in its order, as
 * the signed-in user (so row-level security applies as it does to the list).
 */
public interface ExportSource {

  /** The name clients give in {@code POST /api/v1/exports}: lower case and dashes. */
  String kind();

  /** The columns, in order: those the list shows, plus the ids needed to re-import. */
  List<Column> columns();

  /**
   * Refuses parameters the list endpoint would refuse ({@code InvalidFields} naming each), and
   * parameters it does not have.
   */
  void check(ExportParams params);

  /** How many rows the export holds, counting no further than {@code limit + 1}. */
  long count(ExportParams params, long limit);

  /** Hands each row, at most {@code limit}, to {@code rows}, one value per column. */
  void write(ExportParams params, long limit, Rows rows);

  /** Where rows go. */
  @FunctionalInterface
  interface Rows {
    void row(Object... values);
  }

  /** A column: its header and how its values are written. */
  record Column(String header, Type type) {

    public static Column text(String header) {
      return new Column(header, Type.TEXT);
    }

    public static Column id(String header) {
      return new Column(header, Type.ID);
    }
  }

  /**
   * How a column's values are written: {@code TEXT} and {@code ID} as text (lists joined by "; ");
   * {@code INTEGER}, {@code DECIMAL} and {@code MONEY} as numbers; {@code DATE} and {@code
   * TIMESTAMP} in ISO 8601 (UTC); {@code BOOLEAN} as true or false.
   */
  enum Type {
    TEXT,
    ID,
    INTEGER,
    DECIMAL,
    MONEY,
    DATE,
    TIMESTAMP,
    BOOLEAN
  }
}
