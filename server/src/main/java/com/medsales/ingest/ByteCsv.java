package com.medsales.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A CSV reader over bytes for the largest yearly files (Part D: 26 million rows, 3.4 GB): records
 * are split in the input buffer itself and each field is a range of it, so a row costs no decoding
 * and no string per field. Splits as FastCSV does with the loaders' settings (RFC 4180 quoting with
 * doubled quotes, separators and line breaks inside quotes; CRLF, LF or CR; empty lines skipped; a
 * character after a closing quote is an error) and numbers records by the line they start on as
 * FastCSV's {@code getStartingLineNumber()} does.
 *
 * <p>The fields of the current record are valid until the next call of {@link #next()}.
 */
public final class ByteCsv implements AutoCloseable {

  private static final int RECORD = 0;
  private static final int MORE = 1;
  private static final int END = 2;

  private final InputStream in;
  private final byte separator;
  private final long seps;
  private static final long QUOTES = Bytes.repeated((byte) '"');
  private byte[] buffer;
  private int limit;
  private int position;
  private boolean eof;
  private boolean skipLf;
  private long nextLine = 1;
  private long bytesRead;

  private long line;
  private int size;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] quotesDoubled = new boolean[32];
  private int[] strippedStarts = new int[32];
  private int[] strippedEnds = new int[32];
  private boolean ascii;

  /**
   * Reads {@code in} with {@code separator} (',' or '\t'), {@code bufferSize} bytes at a time at
   * least.
   */
  public ByteCsv(InputStream in, char separator, int bufferSize) {
    if (separator >= 0x80 || separator == '"' || separator == '\r' || separator == '\n') {
      throw new IllegalArgumentException("not a separator: " + (int) separator);
    }
    this.in = in;
    this.separator = (byte) separator;
    this.seps = Bytes.repeated((byte) separator);
    this.buffer = new byte[Math.max(bufferSize, 16)];
  }

  public ByteCsv(InputStream in, char separator) {
    this(in, separator, 1 << 20);
  }

  /** Moves to the next record that is not an empty line; false at the end of the input. */
  public boolean next() throws IOException {
    while (true) {
      int result = parse();
      if (result == RECORD) {
        return true;
      }
      if (result == END) {
        return false;
      }
      fill();
    }
  }

  /**
   * The line the current record starts on, counting from 1, every line break (CRLF, LF or CR) as
   * one.
   */
  public long line() {
    return line;
  }

  /** The current record's number of fields. */
  public int size() {
    return size;
  }

  /**
   * The buffer that holds the current record's fields; see {@link #start(int)} and {@link
   * #end(int)}.
   */
  public byte[] buffer() {
    return buffer;
  }

  /** Where field {@code i} starts in {@link #buffer()} (without quotes). */
  public int start(int i) {
    return starts[i];
  }

  /**
   * Where field {@code i} ends in {@link #buffer()}, exclusive (doubled quotes already made
   * single).
   */
  public int end(int i) {
    return ends[i];
  }

  /**
   * Whether every byte of the current record is ASCII: then each field is valid UTF-8 and one
   * character a byte.
   */
  public boolean ascii() {
    return ascii;
  }

  /** Field {@code i} as text, as it stands (malformed UTF-8 as U+FFFD). */
  public String text(int i) {
    return new String(buffer, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
  }

  /**
   * Field {@code i} without leading and trailing white space as {@link String#strip()} has it; null
   * when blank.
   */
  public @Nullable String strippedText(int i) {
    int from = strippedStarts[i];
    int to = strippedEnds[i];
    return from == to ? null : new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * Whether field {@code i} decodes as UTF-8 without a replacement character (none in the bytes
   * either).
   */
  public boolean validUtf8(int i) {
    if (ascii) {
      return true;
    }
    for (int at = starts[i], end = ends[i]; at < end; at++) {
      if (buffer[at] < 0) {
        return text(i).indexOf('\uFFFD') < 0;
      }
    }
    return true;
  }

  /** Where field {@code i} starts once leading white space is stripped. */
  public int strippedStart(int i) {
    return strippedStarts[i];
  }

  /** Where field {@code i} ends once trailing white space is stripped. */
  public int strippedEnd(int i) {
    return strippedEnds[i];
  }

  /**
   * The fields' bounds without white space, for all of them at once: a few accessors this small are
   * inlined into a loader's row method however large it is, a check at each call would not be.
   */
  private void strip(int fields) {
    byte[] b = buffer;
    for (int i = 0; i < fields; i++) {
      int start = starts[i];
      int end = ends[i];
      // nearly every field starts and ends with a printable ASCII byte (bytes beyond ASCII are
      // negative)
      if (start < end && b[start] > ' ' && b[end - 1] > ' ') {
        strippedStarts[i] = start;
        strippedEnds[i] = end;
      } else {
        start = stripStart(b, start, end);
        strippedStarts[i] = start;
        strippedEnds[i] = stripEnd(b, start, end);
      }
    }
  }

  /** The bytes read from the input so far (ahead of the current record by up to a buffer). */
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * The first position of {@code bytes[from, to)} that is not white space as {@link
   * Character#isWhitespace} has it.
   */
  static int stripStart(byte[] bytes, int from, int to) {
    while (from < to) {
      byte c = bytes[from];
      if (c >= 0) {
        if (!asciiSpace(c)) {
          return from;
        }
        from++;
      } else if (from + 3 <= to && space(bytes[from], bytes[from + 1], bytes[from + 2])) {
        from += 3;
      } else {
        return from;
      }
    }
    return from;
  }

  /** The end of {@code bytes[from, to)} once trailing white space is stripped. */
  static int stripEnd(byte[] bytes, int from, int to) {
    while (to > from) {
      byte c = bytes[to - 1];
      if (c >= 0) {
        if (!asciiSpace(c)) {
          return to;
        }
        to--;
      } else if (to - 3 >= from && space(bytes[to - 3], bytes[to - 2], bytes[to - 1])) {
        to -= 3;
      } else {
        return to;
      }
    }
    return to;
  }

  private static boolean asciiSpace(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  }

  /**
   * Whether three bytes are the UTF-8 of a white space character: every one beyond ASCII takes
   * three bytes.
   */
  private static boolean space(byte a, byte b, byte c) {
    if ((a & 0xF0) != 0xE0 || (b & 0xC0) != 0x80 || (c & 0xC0) != 0x80) {
      return false;
    }
    return Character.isWhitespace(((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F));
  }

  /**
   * Moves what is left of the buffer (the record being read) to its start, growing it when full,
   * and reads on.
   */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    } else if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      eof = true;
    } else {
      limit += read;
      bytesRead += read;
    }
  }

  /**
   * Reads the record at {@code position}: RECORD when it is whole in the buffer, MORE when the
   * buffer ends first (it is read again, from its start, after {@link #fill()}), END when there is
   * none.
   */
  private int parse() throws IOException {
    final byte[] b = buffer;
    final int n = limit;
    final byte sep = separator;
    int p = position;
    // the LF of a CRLF that ended the last record, and empty lines
    while (true) {
      if (p == n) {
        return eof ? END : MORE;
      }
      byte c = b[p];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          position = ++p;
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        nextLine++;
        skipLf = c == '\r';
        position = ++p;
        continue;
      }
      break;
    }
    int plainEnd = splitPlain(b, p, n);
    if (plainEnd >= 0) {
      position = plainEnd;
      line = nextLine++;
      strip(size);
      return RECORD;
    }
    int fields = 0;
    int lines = 0;
    int bits = 0;
    long wordBits = 0;
    final long seps = this.seps;
    boolean anyDoubled = false;
    int[] starts = this.starts;
    int[] ends = this.ends;
    while (true) {
      if (fields == starts.length) {
        grow();
        starts = this.starts;
        ends = this.ends;
      }
      int start = p;
      int end;
      boolean doubled = false;
      if (p < n && b[p] == '"') {
        p++;
        start = p;
        boolean lastCr = false;
        while (true) {
          if (p == n) {
            if (!eof) {
              return MORE;
            }
            end = p; // unclosed at the end of the input: the rest is the field
            break;
          }
          byte c = b[p];
          if (c == '"') {
            if (p + 1 == n && !eof) {
              return MORE;
            }
            if (p + 1 < n && b[p + 1] == '"') {
              doubled = true;
              lastCr = false;
              p += 2;
              continue;
            }
            end = p++;
            break;
          }
          bits |= c;
          if (c == '\r') {
            lines++;
            lastCr = true;
          } else if (c == '\n') {
            if (!lastCr) {
              lines++;
            }
            lastCr = false;
          }
          p++;
        }
        if (p < n) {
          byte c = b[p];
          if (c != sep && c != '\n' && c != '\r') {
            throw new IOException(
                "Unexpected character after closing quote: '"
                    + (char) (c & 0xFF)
                    + "' in the record starting at line "
                    + nextLine);
          }
        } else if (!eof) {
          return MORE;
        }
      } else {
        // eight bytes a step while a whole word is in the buffer (most fields end in the first),
        // then one by one
        while (p <= n - 8) {
          long word = (long) Bytes.LONGS.get(b, p);
          // the separator, or a byte below 14 (LF, CR, tab and a few other controls, looked at one
          // by one below)
          long matches = Bytes.equal(word, seps) | Bytes.below14(word);
          if (matches != 0) {
            wordBits |= Bytes.before(word, matches);
            p += Bytes.first(matches);
            break;
          }
          wordBits |= word;
          p += 8;
        }
        while (p < n) {
          byte c = b[p];
          if (c == sep || c == '\n' || c == '\r') {
            break;
          }
          bits |= c;
          p++;
        }
        if (p == n && !eof) {
          return MORE;
        }
        end = p;
      }
      starts[fields] = start;
      ends[fields] = end;
      if (doubled) {
        quotesDoubled[fields] = true;
        anyDoubled = true;
      }
      fields++;
      if (p == n) {
        break; // the end of the input ends the record
      }
      byte c = b[p++];
      if (c == sep) {
        continue;
      }
      skipLf = c == '\r';
      break;
    }
    position = p;
    size = fields;
    ascii = bits >= 0 && (wordBits & Bytes.HIGH_BITS) == 0;
    line = nextLine;
    nextLine += 1 + lines;
    if (anyDoubled) {
      for (int i = 0; i < fields; i++) {
        if (quotesDoubled[i]) {
          ends[i] = undouble(b, starts[i], ends[i]);
          quotesDoubled[i] = false;
        }
      }
    }
    strip(fields);
    return RECORD;
  }

  /**
   * Splits the record at {@code p} when it is plain (no quoted field) and ends inside the buffer,
   * eight bytes a step: every separator, line break and quote of a word at once. Where the record
   * ends, past its line break; -1 to leave it to the general loop of {@link #parse()} (a quoted
   * field, the end of the buffer, more fields than there is room for).
   */
  private int splitPlain(byte[] b, int p, int n) {
    final byte sep = separator;
    final long seps = this.seps;
    final int[] starts = this.starts;
    final int[] ends = this.ends;
    int fields = 0;
    int fieldStart = p;
    long bits = 0;
    for (; p <= n - 8; p += 8) {
      long word = (long) Bytes.LONGS.get(b, p);
      long matches =
          Bytes.everyEqual(word, seps) | Bytes.everyBelow14(word) | Bytes.everyEqual(word, QUOTES);
      for (; matches != 0; matches &= matches - 1) {
        int at = p + Bytes.first(matches);
        byte c = b[at];
        if (c == sep || c == '\n' || c == '\r') {
          if (fields == starts.length) {
            return -1;
          }
          starts[fields] = fieldStart;
          ends[fields++] = at;
          fieldStart = at + 1;
          if (c != sep) {
            size = fields;
            ascii = ((bits | Bytes.before(word, matches)) & Bytes.HIGH_BITS) == 0;
            skipLf = c == '\r';
            return at + 1;
          }
        } else if (c == '"' && at == fieldStart) {
          return -1;
        }
        // else a quote inside an unquoted field, or a control byte other than these: data
      }
      bits |= word;
    }
    return -1;
  }

  /** Makes each doubled quote in {@code b[from, to)} single, in place; the new end. */
  private static int undouble(byte[] b, int from, int to) {
    int out = from;
    for (int i = from; i < to; i++) {
      b[out++] = b[i];
      if (b[i] == '"') {
        i++; // its double
      }
    }
    return out;
  }

  private void grow() {
    starts = Arrays.copyOf(starts, starts.length * 2);
    ends = Arrays.copyOf(ends, ends.length * 2);
    quotesDoubled = Arrays.copyOf(quotesDoubled, quotesDoubled.length * 2);
    strippedStarts = new int[starts.length];
    strippedEnds = new int[starts.length];
  }
}
