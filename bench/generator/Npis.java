package generator;

import java.nio.charset.StandardCharsets;

/**
 * Unique, valid NPIs: the i-th is 100000000 + (a*i + b) mod 200000000 (a bijection of the 9-digit space, a coprime with
 * 2^9*5^8, a and b drawn from the generator's random stream) with the Luhn check digit over the prefix 80840; or, with
 * an NPPES file's NPIs ({@link NppesNpis}), that file's individuals and organisations, each at most once.
 */
public final class Npis {
  private final long multiplier, offset;
  private final NppesNpis registry;
  private final int[] digits = new int[14];
  private long count, individuals, organisations;

  /** Draws a and b from rng, whether or not a registry is given, so that the rest of the random stream is the same. */
  public Npis(Rng rng, NppesNpis registry) {
    long a = 10_000_000L + (rng.nextLong() >>> 1) % 190_000_000L;
    if (a % 2 == 0) {
      a++;
    }
    if (a % 5 == 0) {
      a += 2;
    }
    multiplier = a;
    offset = (rng.nextLong() >>> 1) % 200_000_000L;
    this.registry = registry;
  }

  /** How many NPIs {@link #next} and {@link #writeNext} have handed out. */
  public long count() {
    return count;
  }

  /** The next NPI: of the permutation, or the registry's next individual or organisation. */
  public String next(boolean organisation) {
    count++;
    if (registry == null) {
      byte[] s = new byte[10];
      write(count - 1, s, 0);
      return new String(s, StandardCharsets.US_ASCII);
    }
    return Long.toString(organisation ? registry.organisation(organisations++) : registry.individual(individuals++));
  }

  /** {@link #next}, written as ASCII digits into dst at p; returns the position after it. */
  public int writeNext(boolean organisation, byte[] dst, int p) {
    if (registry == null) {
      return write(count++, dst, p);
    }
    byte[] s = next(organisation).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, dst, p, s.length);
    return p + s.length;
  }

  /** The 10 digits of the i-th NPI of the permutation, written into dst at p; returns p + 10. */
  public int write(long i, byte[] dst, int p) {
    long b = 100_000_000L + (multiplier * i + offset) % 200_000_000L;
    // Luhn over "80840" + the 9 digits; the check digit makes the 10th.
    digits[0] = 8;
    digits[1] = 0;
    digits[2] = 8;
    digits[3] = 4;
    digits[4] = 0;
    for (int k = 13; k >= 5; k--) {
      digits[k] = (int) (b % 10);
      b /= 10;
    }
    int sum = 0;
    boolean dbl = true;
    for (int k = 13; k >= 0; k--) {
      int d = digits[k];
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    for (int k = 0; k < 9; k++) {
      dst[p + k] = (byte) ('0' + digits[5 + k]);
    }
    dst[p + 9] = (byte) ('0' + (10 - sum % 10) % 10);
    return p + 10;
  }
}
