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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a synthetic Medicare Physician &amp; Other Practitioners "by Provider and Service" file (Part B, the current
 * 29-column layout of data years 2019-2022, {@code Rndrng_NPI} ... {@code Avg_Mdcr_Stdzd_Amt}) for the ingestion
 * benchmark.
 *
 * <pre>java bench/PartBGenerator.java [--rows 10000000] [--seed 42] [--nppes NPPES_FILE] --out FILE [--repo DIR]</pre>
 *
 * <p>Comma-separated, fields quoted only when they hold a comma or a quote (the data.cms.gov export also quotes text
 * with spaces; both are RFC 4180), LF line ends, UTF-8. Values are sampled from the real rows in the repository
 * ({@code demo/partb/}: the 2021 Mohs-surgery rows, 8,938 rows, and the 37 real 2023 rows of other codes):
 *
 * <ul>
 *   <li>providers: an individual's last name, first name + middle initial + credentials + gender, address block
 *       (street to country, RUCA included) and specialty + participation flag are drawn from different real
 *       providers; an organisation (Ent_Cd O, in the real share) is one real organisation's block whole;
 *   <li>each provider has 1 to 26 service rows (about 9 on average, as the national file: ~10M rows, ~1.1M NPIs),
 *       distinct (HCPCS code, place of service) pairs of the 42 in the samples, in code order; the figures (benes,
 *       services, bene-days, the four averages) are those of one real row of that pair, verbatim. The real files publish
 *       no row with fewer than 11 beneficiaries (suppression drops the row, never a cell), and so neither does this.
 * </ul>
 *
 * <p>NPIs: by default unique (the permutation of NppesGenerator, its own multiplier) with a valid Luhn check digit.
 * With {@code --nppes FILE} (a file NppesGenerator wrote), individuals take the file's entity-type-1 NPIs and
 * organisations its entity-type-2 NPIs, each at most once, so that every provider is in the registry. (The entity type
 * of an NppesGenerator row depends on the whole random stream before it, so it cannot be re-derived without the file;
 * only its first two columns are read, streaming.) The same arguments give a byte-identical file.
 */
public final class PartBGenerator {

  static final String SAMPLE = "server/src/main/resources/demo/partb/MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv";
  static final String SAMPLE_2023 = "server/src/main/resources/demo/partb/derived_2023_sample_37_rewritten_by_api_client.csv";
  static final String HEADER =
      "Rndrng_NPI,Rndrng_Prvdr_Last_Org_Name,Rndrng_Prvdr_First_Name,Rndrng_Prvdr_MI,Rndrng_Prvdr_Crdntls,"
          + "Rndrng_Prvdr_Gndr,Rndrng_Prvdr_Ent_Cd,Rndrng_Prvdr_St1,Rndrng_Prvdr_St2,Rndrng_Prvdr_City,"
          + "Rndrng_Prvdr_State_Abrvtn,Rndrng_Prvdr_State_FIPS,Rndrng_Prvdr_Zip5,Rndrng_Prvdr_RUCA,"
          + "Rndrng_Prvdr_RUCA_Desc,Rndrng_Prvdr_Cntry,Rndrng_Prvdr_Type,Rndrng_Prvdr_Mdcr_Prtcptg_Ind,HCPCS_Cd,"
          + "HCPCS_Desc,HCPCS_Drug_Ind,Place_Of_Srvc,Tot_Benes,Tot_Srvcs,Tot_Bene_Day_Srvcs,Avg_Sbmtd_Chrg,"
          + "Avg_Mdcr_Alowd_Amt,Avg_Mdcr_Pymt_Amt,Avg_Mdcr_Stdzd_Amt";
  static final String[] SERVICE_COLUMNS = {
    "HCPCS_Cd", "HCPCS_Desc", "HCPCS_Drug_Ind", "Place_Of_Srvc", "Tot_Benes", "Tot_Srvcs", "Tot_Bene_Day_Srvcs",
    "Avg_Sbmtd_Chrg", "Avg_Mdcr_Alowd_Amt", "Avg_Mdcr_Pymt_Amt", "Avg_Mdcr_Stdzd_Amt"
  };
  static final int MAX_SERVICES = 26;

  public static void main(String[] args) throws IOException {
    long rows = 10_000_000;
    long seed = 42;
    Path out = null, repo = null, nppes = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--rows" -> rows = Long.parseLong(arg(args, ++i, a).replace("_", ""));
        case "--seed" -> seed = Long.parseLong(arg(args, ++i, a));
        case "--out" -> out = Path.of(arg(args, ++i, a));
        case "--repo" -> repo = Path.of(arg(args, ++i, a));
        case "--nppes" -> nppes = Path.of(arg(args, ++i, a));
        case "-h", "--help" -> {
          System.out.println("usage: java bench/PartBGenerator.java [--rows N (10000000)] [--seed S (42)] [--nppes NPPES_FILE] --out FILE [--repo DIR]");
          return;
        }
        default -> fail("unknown argument " + a + " (try --help)");
      }
    }
    if (out == null) fail("--out FILE is required (try --help)");
    if (repo == null) repo = findRepo(SAMPLE);
    long t0 = System.nanoTime();
    Model m = Model.load(repo);
    NppesNpis registry = nppes == null ? null : NppesNpis.read(nppes);
    Rng rng = new Rng(seed);
    Npis npis = new Npis(rng, registry);
    Path part = out.resolveSibling(out.getFileName() + ".part");
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    long written = 0;
    try (OutputStream os = new BufferedOutputStream(new FileOutputStream(part.toFile()), 1 << 20)) {
      os.write((HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
      int[] order = new int[m.services.length];
      for (int i = 0; i < order.length; i++) order[i] = i;
      int[] chosen = new int[MAX_SERVICES];
      StringBuilder sb = new StringBuilder(1 << 16);
      while (written < rows) {
        boolean org = rng.nextDouble() < m.pOrganisation;
        String npi = npis.next(org);
        String provider;
        if (org) {
          provider = m.orgBlocks[rng.nextInt(m.orgBlocks.length)];
        } else {
          provider = m.lastNames[rng.nextInt(m.lastNames.length)] + "," + m.persons[rng.nextInt(m.persons.length)]
              + ",I," + m.places[rng.nextInt(m.places.length)] + "," + m.types[rng.nextInt(m.types.length)];
        }
        double u = rng.nextDouble();
        int n = (int) Math.min(1 + (int) (MAX_SERVICES * u * u), rows - written);
        for (int i = 0; i < n; i++) {
          int j = i + rng.nextInt(order.length - i);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
          chosen[i] = order[i];
        }
        Arrays.sort(chosen, 0, n);
        sb.setLength(0);
        for (int k = 0; k < n; k++) {
          String[] figures = m.services[chosen[k]];
          sb.append(npi).append(',').append(provider).append(',')
              .append(figures[figures.length == 1 ? 0 : rng.nextInt(figures.length)]).append('\n');
        }
        os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        written += n;
        if (written % 1_000_000 < n && written < rows) {
          System.err.printf("PartBGenerator: %,d rows, %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf("PartBGenerator: wrote %,d rows (%,d providers) in %.1f s, seed %d%s -> %s%n", written,
        npis.count, (System.nanoTime() - t0) / 1e9, seed, nppes == null ? "" : ", NPIs of " + nppes, out);
  }

  static final class Model {
    String[][] services; // per (HCPCS, place of service), in that order: the CSV-encoded service columns of its rows
    String[] orgBlocks; // Last_Org_Name .. Prtcptg_Ind of a real organisation (17 fields)
    String[] lastNames; // individuals
    String[] persons; // First_Name, MI, Crdntls, Gndr
    String[] places; // St1 .. Cntry (9 fields)
    String[] types; // Type, Prtcptg_Ind
    double pOrganisation;

    static Model load(Path repo) throws IOException {
      Model m = new Model();
      Map<String, List<String>> services = new TreeMap<>();
      List<String> orgs = new ArrayList<>(), lasts = new ArrayList<>(), persons = new ArrayList<>(),
          places = new ArrayList<>(), types = new ArrayList<>();
      Map<String, Boolean> seenNpi = new HashMap<>();
      for (String sample : new String[] {SAMPLE, SAMPLE_2023}) {
        List<String[]> rows = readCsv(repo.resolve(sample));
        Map<String, Integer> h = new HashMap<>();
        for (int i = 0; i < rows.get(0).length; i++) h.put(rows.get(0)[i], i);
        for (String[] r : rows.subList(1, rows.size())) {
          StringBuilder s = new StringBuilder();
          for (String c : SERVICE_COLUMNS) s.append(s.isEmpty() ? "" : ",").append(csv(r[h.get(c)]));
          services.computeIfAbsent(r[h.get("HCPCS_Cd")] + "," + r[h.get("Place_Of_Srvc")], k -> new ArrayList<>())
              .add(s.toString());
          if (!sample.equals(SAMPLE) || seenNpi.put(r[0], true) != null) continue; // providers: the 2021 file, once each
          if (r[6].equals("O")) {
            orgs.add(join(r, 1, 18));
          } else {
            lasts.add(csv(r[1]));
            persons.add(join(r, 2, 6));
            places.add(join(r, 7, 16));
            types.add(join(r, 16, 18));
          }
        }
      }
      m.services = services.values().stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
      m.orgBlocks = orgs.toArray(String[]::new);
      m.lastNames = lasts.toArray(String[]::new);
      m.persons = persons.toArray(String[]::new);
      m.places = places.toArray(String[]::new);
      m.types = types.toArray(String[]::new);
      m.pOrganisation = orgs.size() / (double) (orgs.size() + lasts.size());
      if (m.services.length < MAX_SERVICES || m.lastNames.length == 0) throw new IllegalStateException("too few sample rows");
      return m;
    }

    static String join(String[] r, int from, int to) {
      StringBuilder s = new StringBuilder();
      for (int i = from; i < to; i++) s.append(i == from ? "" : ",").append(csv(r[i]));
      return s.toString();
    }
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
