package generator;

import java.util.Arrays;

/** SplitMix64, so that a generator's output depends on its seed only, never on the JDK's generators. */
public final class Rng {
  private long state;

  public Rng(long seed) {
    state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, n), n > 0. */
  public int nextInt(int n) {
    return (int) (((nextLong() >>> 33) * n) >>> 31);
  }

  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public boolean chance(double p) {
    return nextDouble() < p;
  }

  public <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }

  /**
   * Draws n distinct items of pool (a partial Fisher-Yates shuffle, which leaves pool reordered) and writes them to
   * chosen[0, n) in ascending order.
   */
  public void sortedDistinct(int[] pool, int[] chosen, int n) {
    for (int i = 0; i < n; i++) {
      int j = i + nextInt(pool.length - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
      chosen[i] = pool[i];
    }
    Arrays.sort(chosen, 0, n);
  }
}
