package com.medsales.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One {@code COPY ... FROM STDIN} in PostgreSQL's text format on its own connection, fed row by row from the parser.
 * Values are escaped as the text format wants (backslash, tab, newline, carriage return); null is {@code \N}.
 */
public final class CopyWriter implements AutoCloseable {

  private final Connection connection;
  private final PGCopyOutputStream stream;
  private final Writer out;
  private boolean finished;
  private boolean firstField = true;
  private long rows;

  public CopyWriter(Connection connection, String copySql) throws SQLException {
    this.connection = connection;
    this.stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  public CopyWriter field(@Nullable String value) throws IOException {
    separator();
    if (value == null) {
      out.write("\\N");
      return this;
    }
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.write("\\\\");
        case '\t' -> out.write("\\t");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
    return this;
  }

  public CopyWriter field(long value) throws IOException {
    separator();
    out.write(Long.toString(value));
    return this;
  }

  public CopyWriter field(@Nullable Double value) throws IOException {
    separator();
    out.write(value == null ? "\\N" : Double.toString(value));
    return this;
  }

  public CopyWriter field(@Nullable Boolean value) throws IOException {
    separator();
    out.write(value == null ? "\\N" : value ? "t" : "f");
    return this;
  }

  public void endRow() throws IOException {
    out.write('\n');
    firstField = true;
    rows++;
  }

  public long rows() {
    return rows;
  }

  private void separator() throws IOException {
    if (!firstField) {
      out.write('\t');
    }
    firstField = false;
  }

  /** Ends the COPY and commits the connection's transaction. */
  public void finish() throws IOException, SQLException {
    out.close();
    connection.commit();
    finished = true;
  }

  /** Abandons the COPY: nothing it wrote is kept. */
  @Override
  public void close() {
    if (!finished && stream.isActive()) {
      try {
        stream.cancelCopy(); // a rollback would wait for the COPY to end
      } catch (SQLException ignored) {
        // closing the connection below ends it anyway
      }
    }
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection may be broken; closing it discards the transaction anyway
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing more to do
    }
  }
}
