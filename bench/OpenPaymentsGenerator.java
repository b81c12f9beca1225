import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a synthetic Open Payments General Payments detail file ({@code OP_DTL_GNRL_PGYR<year>_*.csv}, the current
 * 91-column {@code Covered_Recipient_*} layout of program year 2021 on) for the ingestion benchmark.
 *
 * <pre>java bench/OpenPaymentsGenerator.java [--rows 15000000] [--seed 42] [--year 2024] [--nppes NPPES_FILE] --out FILE [--repo DIR]</pre>
 *
 * <p>The header is the real one, byte for byte (from {@code demo/openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv}),
 * comma-separated, fields quoted only where needed (as the sample's export tool; CMS's own files quote every field),
 * LF line ends, UTF-8. Values are sampled from the 130 real 2024 rows of that sample:
 *
 * <ul>
 *   <li>recipients (physicians and non-physician practitioners in the sample's shares): first and middle name, last
 *       name and suffix, address, and type/specialty/licence block drawn from different real recipients; a new
 *       profile ID and NPI each; 0.5% of them without an NPI (profile ID only);
 *   <li>2% of recipients are teaching hospitals, without NPI, profile ID or person fields. The sample has none, so their
 *       names and addresses are real hospital organisations of the NPPES sample ({@code demo/nppes/npidata_pfile_2021-12_organizations_998.csv})
 *       and their CCN (6 digits, often a leading zero) and Teaching_Hospital_ID are synthesised;
 *   <li>each recipient has 1 to 57 payments (about 15 on average, skewed low), consecutive; each payment is one real
 *       row's payer, form, nature, travel, third-party, dispute and product slots (so products stay with their maker),
 *       its amount scaled by 0.50-1.50, a date in the program year (MM/DD/YYYY), a unique 10-digit Record_ID, the
 *       program year given.
 * </ul>
 *
 * <p>NPIs: as PartBGenerator (NppesGenerator's permutation + Luhn, or with {@code --nppes FILE} the entity-type-1 NPIs of
 * that NPPES file, each once). The same arguments give a byte-identical file.
 */
public final class OpenPaymentsGenerator {

  static final String SAMPLE = "server/src/main/resources/demo/openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv";
  static final String HOSPITALS = "server/src/main/resources/demo/nppes/npidata_pfile_2021-12_organizations_998.csv";
  static final int MAX_PAYMENTS = 57;
  static final double P_HOSPITAL = 0.02, P_NO_NPI = 0.005;

  public static void main(String[] args) throws IOException {
    long rows = 15_000_000;
    long seed = 42;
    int year = 2024;
    Path out = null, repo = null, nppes = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--rows" -> rows = Long.parseLong(arg(args, ++i, a).replace("_", ""));
        case "--seed" -> seed = Long.parseLong(arg(args, ++i, a));
        case "--year" -> year = Integer.parseInt(arg(args, ++i, a));
        case "--out" -> out = Path.of(arg(args, ++i, a));
        case "--repo" -> repo = Path.of(arg(args, ++i, a));
        case "--nppes" -> nppes = Path.of(arg(args, ++i, a));
        case "-h", "--help" -> {
          System.out.println("usage: java bench/OpenPaymentsGenerator.java [--rows N (15000000)] [--seed S (42)] [--year Y (2024)] [--nppes NPPES_FILE] --out FILE [--repo DIR]");
          return;
        }
        default -> fail("unknown argument " + a + " (try --help)");
      }
    }
    if (out == null) fail("--out FILE is required (try --help)");
    if (repo == null) repo = findRepo(SAMPLE);
    long t0 = System.nanoTime();
    List<String[]> sample = readCsv(repo.resolve(SAMPLE));
    String header = String.join(",", sample.get(0));
    if (sample.get(0).length != 91) throw new IllegalStateException(SAMPLE + ": expected 91 columns");
    List<String[]> real = sample.subList(1, sample.size());
    List<String[]> hospitals = hospitals(repo.resolve(HOSPITALS));
    NppesNpis registry = nppes == null ? null : NppesNpis.read(nppes);
    Rng rng = new Rng(seed);
    Npis npis = new Npis(rng, registry);
    int days = LocalDate.of(year, 12, 31).getDayOfYear();
    String[] dates = new String[days];
    for (int d = 0; d < days; d++) {
      LocalDate date = LocalDate.ofYearDay(year, d + 1);
      dates[d] = String.format("%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), year);
    }
    Path part = out.resolveSibling(out.getFileName() + ".part");
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    long written = 0, recipients = 0;
    try (OutputStream os = new BufferedOutputStream(new FileOutputStream(part.toFile()), 1 << 20)) {
      os.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(1 << 16);
      String[] f = new String[91];
      while (written < rows) {
        recipients++;
        Arrays.fill(f, 1, 36, "");
        if (rng.nextDouble() < P_HOSPITAL) {
          String[] h = hospitals.get(rng.nextInt(hospitals.size()));
          f[1] = "Covered Recipient Teaching Hospital";
          System.arraycopy(h, 0, f, 2, 3); // CCN, ID, name
          System.arraycopy(h, 3, f, 11, 8); // address .. postal code
        } else {
          String[] t = real.get(rng.nextInt(real.size()));
          f[1] = t[1];
          f[5] = Long.toString(20_000_000L + recipients);
          String npi = npis.next(false);
          f[6] = rng.nextDouble() < P_NO_NPI ? "" : npi;
          String[] first = real.get(rng.nextInt(real.size())), last = real.get(rng.nextInt(real.size())),
              place = real.get(rng.nextInt(real.size()));
          f[7] = first[7];
          f[8] = first[8];
          f[9] = last[9];
          f[10] = last[10];
          System.arraycopy(place, 11, f, 11, 8);
          System.arraycopy(t, 19, f, 19, 17); // primary types, specialties, licence states
        }
        StringBuilder recipient = new StringBuilder();
        for (int c = 1; c <= 35; c++) recipient.append(csv(f[c])).append(',');
        double u = rng.nextDouble();
        int n = (int) Math.min(1 + (int) (MAX_PAYMENTS * u * u * u), rows - written);
        sb.setLength(0);
        for (int k = 0; k < n; k++) {
          String[] p = real.get(rng.nextInt(real.size()));
          long cents = Math.round(Double.parseDouble(p[41]) * 100);
          long scaled = Math.max(1, (cents * (500 + rng.nextInt(1001)) + 500) / 1000);
          sb.append(csv(p[0])).append(',').append(recipient);
          for (int c = 36; c <= 40; c++) sb.append(csv(p[c])).append(',');
          sb.append(scaled / 100).append('.').append((char) ('0' + scaled / 10 % 10)).append((char) ('0' + scaled % 10))
              .append(',').append(dates[rng.nextInt(days)]).append(',');
          for (int c = 43; c <= 55; c++) sb.append(csv(p[c])).append(',');
          sb.append(1_000_000_000L + written + k).append(',');
          for (int c = 57; c <= 88; c++) sb.append(csv(p[c])).append(',');
          sb.append(year).append(',').append(csv(p[90])).append('\n');
        }
        os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        written += n;
        if (written % 1_000_000 < n && written < rows) {
          System.err.printf("OpenPaymentsGenerator: %,d rows, %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("OpenPaymentsGenerator: wrote %,d rows (%,d recipients) in %.1f s, seed %d, program year %d%s -> %s%n",
        written, recipients, (System.nanoTime() - t0) / 1e9, seed, year, nppes == null ? "" : ", NPIs of " + nppes, out);
  }

  /**
   * Teaching hospitals: the NPPES sample's organisations named like a hospital, each once by name, as CCN, ID, name and
   * the eight address fields of the layout (line 1, line 2, city, state, ZIP, country, province, postal code).
   */
  static List<String[]> hospitals(Path nppesSample) throws IOException {
    List<String[]> rows = readCsv(nppesSample);
    Set<String> names = new LinkedHashSet<>();
    List<String[]> out = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      String name = r[4];
      if ((name.contains("HOSPITAL") || name.contains("MEDICAL CENTER")) && r[31].length() == 2 && names.add(name)) {
        int h = out.size();
        String ccn = String.format("%02d%04d", 1 + (h * 7) % 53, 1 + (h * 37) % 880);
        String zip = r[32].length() >= 5 ? r[32].substring(0, 5) : r[32];
        out.add(new String[] {ccn, Integer.toString(5_000 + h * 13), name, r[28], r[29], r[30], r[31], zip,
            "United States", "", ""});
      }
    }
    if (out.isEmpty()) throw new IllegalStateException(nppesSample + ": no hospital organisations");
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The parts below are the same in PartBGenerator, OpenPaymentsGenerator and PartDGenerator (single-file programs
  // cannot share a class): NPIs, the NPPES reader, SplitMix64, CSV.

  /** Unique NPIs: NppesGenerator's permutation of 100000000-299999999 + Luhn, or the individuals/organisations of an NPPES file. */
  static final class Npis {
    final long multiplier, offset;
    final NppesNpis registry;
    long count, individuals, organisations;

    Npis(Rng rng, NppesNpis registry) {
      // Drawn whether or not a registry is given, so that the rest of the random stream is the same.
      long a = 10_000_000L + (rng.nextLong() >>> 1) % 190_000_000L;
      if (a % 2 == 0) a++;
      if (a % 5 == 0) a += 2;
      multiplier = a;
      offset = (rng.nextLong() >>> 1) % 200_000_000L;
      this.registry = registry;
    }

    String next(boolean organisation) {
      count++;
      if (registry == null) return luhn(100_000_000L + (multiplier * (count - 1) + offset) % 200_000_000L);
      return Long.toString(organisation ? registry.organisation(organisations++) : registry.individual(individuals++));
    }

    /** The 10-digit NPI of a 9-digit base: Luhn over "80840" + the base gives the check digit. */
    static String luhn(long base) {
      String s = "80840" + base;
      int sum = 0;
      boolean dbl = true;
      for (int k = s.length() - 1; k >= 0; k--) {
        int d = s.charAt(k) - '0';
        if (dbl && (d *= 2) > 9) d -= 9;
        sum += d;
        dbl = !dbl;
      }
      return Long.toString(base) + (10 - sum % 10) % 10;
    }
  }

  /** The NPIs of an NPPES file by entity type (1 individuals, 2 organisations), read streaming from its first two columns. */
  static final class NppesNpis {
    final long[] individuals, organisations;
    final int nInd, nOrg;
    final long stepInd, stepOrg;

    NppesNpis(long[] ind, int nInd, long[] org, int nOrg) {
      this.individuals = ind;
      this.organisations = org;
      this.nInd = nInd;
      this.nOrg = nOrg;
      stepInd = coprimeStep(nInd);
      stepOrg = coprimeStep(nOrg);
    }

    /** The k-th distinct individual, in a fixed scattered order (a step coprime with the count). */
    long individual(long k) {
      if (k >= nInd) fail("the NPPES file has only " + nInd + " individual NPIs; generate fewer rows or a bigger NPPES file");
      return individuals[(int) ((k * stepInd + 7) % nInd)];
    }

    long organisation(long k) {
      if (k >= nOrg) fail("the NPPES file has only " + nOrg + " organisation NPIs; generate fewer rows or a bigger NPPES file");
      return organisations[(int) ((k * stepOrg + 7) % nOrg)];
    }

    static long coprimeStep(long n) {
      if (n <= 1) return 1;
      long a = 2_654_435_761L % n;
      while (a < 1 || gcd(a, n) != 1) a = (a + 1) % n;
      return a;
    }

    static long gcd(long a, long b) {
      return b == 0 ? a : gcd(b, a % b);
    }

    static NppesNpis read(Path file) throws IOException {
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
                if (ni == ind.length) ind = Arrays.copyOf(ind, ni * 2);
                ind[ni++] = npi;
              } else if (npi > 0 && et == 2) {
                if (no == org.length) org = Arrays.copyOf(org, no * 2);
                org[no++] = npi;
              }
              field = 0;
              npi = 0;
              et = 0;
            } else if (b == '"') {
              quoted = !quoted; // "" inside a quoted field closes and reopens it: the same state after both
            } else if (field < 2 && b >= '0' && b <= '9') {
              if (field == 0) npi = npi * 10 + (b - '0');
              else et = b - '0';
            }
          }
        }
      }
      System.err.printf("NPPES %s: %,d individual and %,d organisation NPIs (%.1f s)%n", file, ni, no,
          (System.nanoTime() - t0) / 1e9);
      return new NppesNpis(ind, ni, org, no);
    }
  }

  /** SplitMix64, so that the output does not depend on the JDK's generators. */
  static final class Rng {
    private long state;

    Rng(long seed) {
      state = seed;
    }

    long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    int nextInt(int n) {
      return (int) (((nextLong() >>> 33) * n) >>> 31);
    }

    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }
  }

  /** A CSV field: quoted only when it holds a comma, a quote or a line break. */
  static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  /** RFC 4180 reader for the (small) sample files; the rows as parsed, header included. */
  static List<String[]> readCsv(Path path) throws IOException {
    String s = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) s = s.substring(1);
    List<String[]> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false, any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
        if (any || field.length() > 0) {
          row.add(field.toString());
          rows.add(row.toArray(String[]::new));
        }
        row.clear();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row.toArray(String[]::new));
    }
    return rows;
  }

  static String arg(String[] args, int i, String name) {
    if (i >= args.length) fail(name + " needs a value");
    return args[i];
  }

  static void fail(String message) {
    System.err.println("generator: " + message);
    System.exit(2);
  }

  /** The repository root: upwards from this source file's location, else from the current directory. */
  static Path findRepo(String sample) {
    List<Path> candidates = new ArrayList<>();
    String source = System.getProperty("jdk.launcher.sourcefile");
    if (source != null) candidates.add(Path.of(source).toAbsolutePath());
    candidates.add(Path.of("").toAbsolutePath());
    for (Path start : candidates) {
      for (Path d = start; d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve(sample))) return d;
      }
    }
    fail("cannot find the repository root (no " + sample + " above this file or the current directory); pass --repo DIR");
    return null;
  }
}
