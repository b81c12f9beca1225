package com.medsales.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One {@code COPY ... FROM STDIN} in PostgreSQL's text format on its own connection, fed row by row
 * from the parser. Values are escaped as the text format wants (backslash, tab, newline, carriage
 * return); null is {@code \N}.
 *
 * <p>Rows are encoded straight into a byte buffer (UTF-8 by hand, no {@code Writer} and its
 * per-character lock): the national Part D year is 26 million rows of about 130 characters, and
 * this encoding is on the loader's one thread.
 */
public final class CopyWriter implements AutoCloseable {

  private static final int BUFFER = 1 << 16;
  private static final byte[] NULL = {'\\', 'N'};

  /** The letter after the backslash for the bytes the text format escapes, 0 for the others. */
  private static final byte[] ESCAPED = new byte[256];

  private static final long BACKSLASHES = Bytes.repeated((byte) '\\');
  private static final long TABS = Bytes.repeated((byte) '\t');
  private static final long LFS = Bytes.repeated((byte) '\n');
  private static final long CRS = Bytes.repeated((byte) '\r');

  static {
    ESCAPED['\\'] = '\\';
    ESCAPED['\t'] = 't';
    ESCAPED['\n'] = 'n';
    ESCAPED['\r'] = 'r';
  }

  private final Connection connection;
  private final PGCopyOutputStream stream;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private boolean finished;
  private boolean firstField = true;
  private long rows;
  private long copied;

  public CopyWriter(Connection connection, String copySql) throws SQLException {
    this.connection = connection;
    this.stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, BUFFER);
  }

  public CopyWriter field(@Nullable String value) throws IOException {
    separator();
    if (value == null) {
      put(NULL);
      return this;
    }
    int n = value.length();
    if (3 * n > BUFFER - position) {
      flush();
    }
    if (3 * n <= BUFFER - position) {
      // room for the worst case (three bytes a character): printable ASCII, nearly every character
      // of a CMS file,
      // is copied without the per-character checks below
      byte[] bytes = buffer;
      int at = position;
      int i = 0;
      for (; i < n; i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c >= 0x7F || c == '\\') {
          break;
        }
        bytes[at++] = (byte) c;
      }
      position = at;
      if (i == n) {
        return this;
      }
      return rest(value, i);
    }
    return rest(value, 0);
  }

  /**
   * The UTF-8 text {@code bytes[from, to)} as it stands (an empty range is the empty string, not
   * null): straight from a file's buffer into the COPY's, escaped as {@link #field(String)}
   * escapes, without a string between.
   */
  public CopyWriter field(byte[] bytes, int from, int to) throws IOException {
    separator();
    // room for the worst case (every byte escaped) and a word written past the end
    if (2 * (to - from) + 8 > BUFFER - position) {
      flush();
      if (2 * (to - from) + 8 > BUFFER) {
        return escapeOneByOne(bytes, from, to);
      }
    }
    byte[] out = buffer;
    int at = position;
    int i = from;
    while (i < to) {
      if (i > bytes.length - 8) {
        position = at;
        return escapeOneByOne(bytes, i, to);
      }
      // eight bytes at once: copied whole, then the count moves on by those before the first to
      // escape
      long word = (long) Bytes.LONGS.get(bytes, i);
      long matches =
          Bytes.equal(word, BACKSLASHES)
              | Bytes.equal(word, TABS)
              | Bytes.equal(word, LFS)
              | Bytes.equal(word, CRS);
      Bytes.LONGS.set(out, at, word);
      int plain = matches == 0 ? 8 : Bytes.first(matches);
      int left = to - i;
      if (plain >= left) {
        at += left;
        break;
      }
      at += plain;
      i += plain;
      if (plain < 8) {
        out[at++] = '\\';
        out[at++] = ESCAPED[bytes[i++]];
      }
    }
    position = at;
    return this;
  }

  private CopyWriter escapeOneByOne(byte[] bytes, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      if (position > BUFFER - 2) {
        flush();
      }
      byte c = bytes[i];
      if (ESCAPED[c & 0xFF] == 0) {
        buffer[position++] = c;
      } else {
        buffer[position++] = '\\';
        buffer[position++] = ESCAPED[c & 0xFF];
      }
    }
    return this;
  }

  /** The characters of {@code value} from {@code from} on, escaped and encoded one by one. */
  private CopyWriter rest(String value, int from) throws IOException {
    for (int i = from, n = value.length(); i < n; i++) {
      if (position > BUFFER - 4) {
        flush();
      }
      char c = value.charAt(i);
      if (c < 0x80) {
        switch (c) {
          case '\\' -> escape('\\');
          case '\t' -> escape('t');
          case '\n' -> escape('n');
          case '\r' -> escape('r');
          default -> buffer[position++] = (byte) c;
        }
      } else if (c < 0x800) {
        buffer[position++] = (byte) (0xC0 | (c >> 6));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        buffer[position++] = (byte) (0xF0 | (codePoint >> 18));
        buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
      } else if (Character.isSurrogate(c)) {
        buffer[position++] = '?'; // an unpaired surrogate, as the JDK's UTF-8 encoder replaces it
      } else {
        buffer[position++] = (byte) (0xE0 | (c >> 12));
        buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return this;
  }

  public CopyWriter field(long value) throws IOException {
    separator();
    if (position > BUFFER - 20) {
      flush();
    }
    if (value == Long.MIN_VALUE) {
      put(Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return this;
    }
    if (value < 0) {
      buffer[position++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int at = position + digits - 1; at >= position; at--) {
      buffer[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    position += digits;
    return this;
  }

  public CopyWriter field(@Nullable Double value) throws IOException {
    return value == null ? field((String) null) : field(Double.toString(value));
  }

  public CopyWriter field(@Nullable Boolean value) throws IOException {
    separator();
    if (value == null) {
      put(NULL);
    } else {
      put(value ? (byte) 't' : (byte) 'f');
    }
    return this;
  }

  public void endRow() throws IOException {
    put((byte) '\n');
    firstField = true;
    rows++;
  }

  public long rows() {
    return rows;
  }

  private void separator() throws IOException {
    if (!firstField) {
      put((byte) '\t');
    }
    firstField = false;
  }

  private void escape(char c) {
    buffer[position++] = '\\';
    buffer[position++] = (byte) c;
  }

  private void put(byte b) throws IOException {
    if (position == BUFFER) {
      flush();
    }
    buffer[position++] = b;
  }

  private void put(byte[] bytes) throws IOException {
    if (position > BUFFER - bytes.length) {
      flush();
    }
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  private void flush() throws IOException {
    stream.write(buffer, 0, position);
    position = 0;
  }

  /** Ends the COPY and commits the connection's transaction. */
  public void finish() throws IOException, SQLException {
    flush();
    copied = stream.endCopy();
    stream.close();
    connection.commit();
    finished = true;
  }

  /** The rows the server took, as its COPY reported them; known once {@link #finish()} returned. */
  public long copied() {
    if (!finished) {
      throw new IllegalStateException("the COPY has not finished");
    }
    return copied;
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
