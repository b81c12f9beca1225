package com.medsales.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: the scans of {@link ByteCsv} and {@link CopyWriter} over a national file's
 * 3.4 GB.
 */
final class Bytes {

  /**
   * A byte array read and written as little-endian longs: byte {@code i} of a word is bits {@code
   * 8i} to {@code 8i+7}.
   */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;

  private Bytes() {}

  /** {@code b} in every byte of a word. */
  static long repeated(byte b) {
    return (b & 0xFFL) * ONES;
  }

  /**
   * A word whose lowest set bit is the high bit of the first byte of {@code word} that equals a
   * byte of {@code pattern} (a {@link #repeated} byte); 0 when none does. Bits above the first
   * match may be wrong.
   */
  static long equal(long word, long pattern) {
    long x = word ^ pattern;
    return (x - ONES) & ~x & HIGH_BITS;
  }

  /** As {@link #equal}, for the first byte below 14 (tab, LF, CR and the controls around them). */
  static long below14(long word) {
    return (word - 14 * ONES) & ~word & HIGH_BITS;
  }

  /**
   * The high bit of every byte of {@code word} that equals the byte of {@code pattern}, and no
   * other bit.
   */
  static long everyEqual(long word, long pattern) {
    long x = word ^ pattern;
    return ~(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
  }

  /** The high bit of every byte of {@code word} below 14, and no other bit. */
  static long everyBelow14(long word) {
    return ~(((word & LOW_BITS) + (0x80 - 14) * ONES) | word) & HIGH_BITS;
  }

  /**
   * The index (0 to 7) of the byte whose high bit is the lowest set bit of a non-zero {@link
   * #equal} result.
   */
  static int first(long matches) {
    return Long.numberOfTrailingZeros(matches) >>> 3;
  }

  /**
   * The bits of {@code word} below the first match: the bytes before it (and the low bits of the
   * matching one).
   */
  static long before(long word, long matches) {
    return word & ((matches & -matches) - 1);
  }
}
