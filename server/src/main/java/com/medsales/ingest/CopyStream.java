package com.medsales.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One {@code COPY ... FROM STDIN} on its own connection, its rows encoded by hand into a byte buffer: the text format
 * ({@link CopyWriter}) or the binary one ({@link BinaryCopyWriter}). Ending it commits the connection's transaction;
 * closing it unfinished abandons everything it wrote.
 */
public abstract sealed class CopyStream implements AutoCloseable permits CopyWriter, BinaryCopyWriter {

  static final int BUFFER = 1 << 16;

  private final Connection connection;
  private final PGCopyOutputStream stream;
  final byte[] buffer = new byte[BUFFER];
  int position;
  long rows;
  private boolean finished;

  CopyStream(Connection connection, String copySql) throws SQLException {
    this.connection = connection;
    this.stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, BUFFER);
  }

  public final long rows() {
    return rows;
  }

  /** Room for {@code bytes} more bytes in the buffer (at most {@link #BUFFER}). */
  final void ensure(int bytes) throws IOException {
    if (position > BUFFER - bytes) {
      flush();
    }
  }

  final void put(byte b) throws IOException {
    if (position == BUFFER) {
      flush();
    }
    buffer[position++] = b;
  }

  final void put(byte[] bytes) throws IOException {
    if (bytes.length > BUFFER) {
      flush();
      stream.write(bytes, 0, bytes.length);
      return;
    }
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  final void flush() throws IOException {
    stream.write(buffer, 0, position);
    position = 0;
  }

  /** What the format writes after the last row. */
  void trailer() throws IOException {}

  /** Ends the COPY and commits the connection's transaction. */
  public final void finish() throws IOException, SQLException {
    trailer();
    flush();
    stream.close();
    connection.commit();
    finished = true;
  }

  /** Abandons the COPY: nothing it wrote is kept. */
  @Override
  public final void close() {
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
