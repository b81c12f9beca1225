package com.medsales.ingest;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A decimal number read from a file, equal in value and scale to {@code new BigDecimal(text)}: a
 * long and a scale when the text is a plain decimal of at most 18 digits (every amount of a CMS
 * file), a {@link BigDecimal} otherwise. Sums of them ({@link Sum}) are exact and take the larger
 * scale as {@link BigDecimal#add} does, without a BigDecimal a value.
 */
public final class Decimal implements Comparable<Decimal> {

  private static final int LONG_DIGITS = 18;
  private static final long[] POWERS = new long[LONG_DIGITS + 1];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  private final long unscaled;
  private final int scale;
  private final @Nullable BigDecimal big;

  private Decimal(long unscaled, int scale, @Nullable BigDecimal big) {
    this.unscaled = unscaled;
    this.scale = scale;
    this.big = big;
  }

  public static Decimal of(BigDecimal value) {
    return new Decimal(0, 0, value);
  }

  /**
   * The plain decimal in ASCII bytes {@code b[from, to)}: an optional sign, digits with at most one
   * point, at least one digit and at most 18; null for anything else (which may still be a number:
   * see {@link YearlyCsv#isDecimal}).
   */
  public static @Nullable Decimal parse(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long value = 0;
    int digits = 0;
    int point = -1;
    for (; i < to; i++) {
      int c = b[i] - '0';
      if (c >= 0 && c <= 9) {
        value = value * 10 + c;
        digits++;
      } else if (b[i] == '.' && point < 0) {
        point = i;
      } else {
        return null;
      }
    }
    if (digits == 0 || digits > LONG_DIGITS) {
      return null;
    }
    return new Decimal(negative ? -value : value, point < 0 ? 0 : to - point - 1, null);
  }

  /**
   * Whether ASCII bytes {@code b[from, to)} are a plain decimal of any length (sign, digits, at
   * most one point, a digit at least): the bytes {@link YearlyCsv#isDecimal} accepts without a
   * BigDecimal. False says nothing: ask it then.
   */
  public static boolean isPlain(byte[] b, int from, int to) {
    int i = from < to && (b[from] == '-' || b[from] == '+') ? from + 1 : from;
    boolean digits = false;
    boolean point = false;
    for (; i < to; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  public BigDecimal toBigDecimal() {
    return big != null ? big : BigDecimal.valueOf(unscaled, scale);
  }

  @Override
  public int compareTo(Decimal other) {
    if (big == null && other.big == null) {
      if (scale == other.scale) {
        return Long.compare(unscaled, other.unscaled);
      }
      long a = rescale(unscaled, scale, other.scale);
      long b = rescale(other.unscaled, other.scale, scale);
      if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
        return Long.compare(a, b);
      }
    }
    return toBigDecimal().compareTo(other.toBigDecimal());
  }

  /**
   * {@code unscaled} at {@code scale} brought to the larger of the scales; Long.MIN_VALUE when it
   * does not fit.
   */
  private static long rescale(long unscaled, int scale, int otherScale) {
    if (otherScale <= scale) {
      return unscaled;
    }
    int up = otherScale - scale;
    if (up >= POWERS.length) {
      return Long.MIN_VALUE;
    }
    long high = Math.multiplyHigh(unscaled, POWERS[up]);
    long low = unscaled * POWERS[up];
    return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : Long.MIN_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decimal d && toBigDecimal().equals(d.toBigDecimal());
  }

  @Override
  public int hashCode() {
    return toBigDecimal().hashCode();
  }

  @Override
  public String toString() {
    return toBigDecimal().toString();
  }

  /** A running total, zero (scale 0) at first, as {@code BigDecimal.ZERO.add(...)} would be. */
  public static final class Sum {
    private long unscaled;
    private int scale;
    private @Nullable BigDecimal big;

    public void add(Decimal value) {
      if (big == null && value.big == null) {
        int target = Math.max(scale, value.scale);
        long a = rescale(unscaled, scale, target);
        long b = rescale(value.unscaled, value.scale, target);
        if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
          long sum = a + b;
          if (((a ^ sum) & (b ^ sum)) >= 0 && sum != Long.MIN_VALUE) {
            unscaled = sum;
            scale = target;
            return;
          }
        }
      }
      big = value().add(value.toBigDecimal());
    }

    public BigDecimal value() {
      return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }
  }
}
