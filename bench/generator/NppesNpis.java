package generator;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The NPIs of an NPPES file (one NppesGenerator wrote) by entity type (1 individuals, 2 organisations), read streaming
 * from its first two columns, so that the other datasets' generators can use only NPIs that are in the registry. (The
 * entity type of an NppesGenerator row depends on the whole random stream before it, so it cannot be re-derived
 * without the file.)
 */
public final class NppesNpis {
  private final long[] individuals, organisations;
  private final int nInd, nOrg;
  private final long stepInd, stepOrg;

  private NppesNpis(long[] ind, int nInd, long[] org, int nOrg) {
    this.individuals = ind;
    this.organisations = org;
    this.nInd = nInd;
    this.nOrg = nOrg;
    stepInd = coprimeStep(nInd);
    stepOrg = coprimeStep(nOrg);
  }

  /** The k-th distinct individual, in a fixed scattered order (a step coprime with the count). */
  public long individual(long k) {
    if (k >= nInd) {
      Cli.fail("the NPPES file has only " + nInd + " individual NPIs; generate fewer rows or a bigger NPPES file");
    }
    return individuals[(int) ((k * stepInd + 7) % nInd)];
  }

  public long organisation(long k) {
    if (k >= nOrg) {
      Cli.fail("the NPPES file has only " + nOrg + " organisation NPIs; generate fewer rows or a bigger NPPES file");
    }
    return organisations[(int) ((k * stepOrg + 7) % nOrg)];
  }

  static long coprimeStep(long n) {
    if (n <= 1) {
      return 1;
    }
    long a = 2_654_435_761L % n;
    while (a < 1 || gcd(a, n) != 1) {
      a = (a + 1) % n;
    }
    return a;
  }

  static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** The file's NPIs, or null when file is null. */
  public static NppesNpis read(Path file) throws IOException {
    if (file == null) {
      return null;
    }
    long t0 = System.nanoTime();
    long[] ind = new long[1 << 20], org = new long[1 << 18];
    int ni = 0, no = 0;
    byte[] buf = new byte[1 << 20];
    int field = 0, et = 0;
    long npi = 0;
    boolean quoted = false;
    try (InputStream in = new FileInputStream(file.toFile())) {
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (!quoted && b == ',') {
            field++;
          } else if (!quoted && b == '\n') {
            if (npi > 0 && et == 1) {
              if (ni == ind.length) {
                ind = Arrays.copyOf(ind, ni * 2);
              }
              ind[ni++] = npi;
            } else if (npi > 0 && et == 2) {
              if (no == org.length) {
                org = Arrays.copyOf(org, no * 2);
              }
              org[no++] = npi;
            }
            field = 0;
            npi = 0;
            et = 0;
          } else if (b == '"') {
            quoted = !quoted; // "" inside a quoted field closes and reopens it: the same state after both
          } else if (field < 2 && b >= '0' && b <= '9') {
            if (field == 0) {
              npi = npi * 10 + (b - '0');
            } else {
              et = b - '0';
            }
          }
        }
      }
    }
    System.err.printf("NPPES %s: %,d individual and %,d organisation NPIs (%.1f s)%n", file, ni, no,
        (System.nanoTime() - t0) / 1e9);
    return new NppesNpis(ind, ni, org, no);
  }
}
