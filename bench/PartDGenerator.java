import generator.ByteOut;
import generator.Cli;
import generator.Csv;
import generator.NppesNpis;
import generator.Npis;
import generator.Rng;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a synthetic Medicare Part D "by Provider and Drug" file (the current layout, data year 2019 on) for the
 * ingestion benchmark.
 *
 * <pre>java bench/PartDGenerator.java [--rows 26000000] [--seed 42] --out FILE [--repo DIR]</pre>
 *
 * <p>The format is the real one: the 22-column header ({@code Prscrbr_NPI,...,GE65_Tot_Benes}), comma-separated, fields
 * quoted only when they hold a comma or a quote, LF line ends, UTF-8. The values are sampled from the real 2013 rows in
 * the repository ({@code PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab}, 7,019 rows of 248 prescribers):
 *
 * <ul>
 *   <li>prescribers: 10 to 80 drug rows each (skewed low, about 34 on average), consecutive, sorted by brand name, no
 *       (brand, generic) pair twice; name (an organisation's name kept whole, an individual's last and first names
 *       drawn separately), city with its state (and the state's FIPS code), specialty, type source "S";
 *   <li>drug rows: a real (brand, generic) pair with the counts of one of its real rows: claims, day supply,
 *       beneficiaries (blank when under 11, as in the real file), the 65+ figures and their suppression flags ('*',
 *       '#' or blank; the suppressed values blank); costs scaled by a factor 0.85-1.15; 30-day fills = claims x
 *       1.0-1.5 (one decimal), the 65+ fills with the same factor.
 * </ul>
 *
 * <p>NPIs are unique (a permutation of the 9-digit space 100000000-299999999, as in {@code NppesGenerator}) and carry a
 * valid Luhn check digit over the prefix 80840. With {@code --nppes NPPES_FILE} (a file NppesGenerator wrote) individual
 * prescribers take that file's entity-type-1 NPIs and organisations its entity-type-2 NPIs instead, each at most once
 * (see NppesNpis: only the file's first two columns are read, streaming), and nothing else changes. Memory use is constant; the same seed gives a byte-identical file (own
 * SplitMix64 generator). The file is written to FILE.part and renamed when complete.
 */
public final class PartDGenerator {

  static final String SAMPLE = "server/src/main/resources/demo/partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab";
  static final String HEADER =
      "Prscrbr_NPI,Prscrbr_Last_Org_Name,Prscrbr_First_Name,Prscrbr_City,Prscrbr_State_Abrvtn,Prscrbr_State_FIPS,"
          + "Prscrbr_Type,Prscrbr_Type_Src,Brnd_Name,Gnrc_Name,Tot_Clms,Tot_30day_Fills,Tot_Day_Suply,Tot_Drug_Cst,"
          + "Tot_Benes,GE65_Sprsn_Flag,GE65_Tot_Clms,GE65_Tot_30day_Fills,GE65_Tot_Drug_Cst,GE65_Tot_Day_Suply,"
          + "GE65_Bene_Sprsn_Flag,GE65_Tot_Benes";

  // Columns of the 2013 sample.
  static final int S_NPI = 0, S_LAST = 1, S_FIRST = 2, S_CITY = 3, S_STATE = 4, S_SPECIALTY = 5, S_DRUG = 7,
      S_GENERIC = 8, S_BENES = 9, S_CLAIMS = 10, S_DAYS = 11, S_COST = 12, S_BENES65 = 13, S_BENES65_FLAG = 14,
      S_CLAIMS65 = 15, S_FLAG65 = 16, S_DAYS65 = 17, S_COST65 = 18;

  static final int MIN_DRUGS = 10, MAX_DRUGS = 80;

  static final Map<String, String> FIPS = new TreeMap<>();

  static {
    String[] pairs = {
      "AL01", "AK02", "AZ04", "AR05", "CA06", "CO08", "CT09", "DE10", "DC11", "FL12", "GA13", "HI15", "ID16", "IL17",
      "IN18", "IA19", "KS20", "KY21", "LA22", "ME23", "MD24", "MA25", "MI26", "MN27", "MS28", "MO29", "MT30", "NE31",
      "NV32", "NH33", "NJ34", "NM35", "NY36", "NC37", "ND38", "OH39", "OK40", "OR41", "PA42", "RI44", "SC45", "SD46",
      "TN47", "TX48", "UT49", "VT50", "VA51", "WA53", "WV54", "WI55", "WY56", "AS60", "GU66", "MP69", "PR72", "VI78"
    };
    for (String p : pairs) {
      FIPS.put(p.substring(0, 2), p.substring(2));
    }
  }

  public static void main(String[] args) throws IOException {
    Cli cli = Cli.parse("PartDGenerator",
        "usage: java bench/PartDGenerator.java [--rows N (26000000)] [--seed S (42)] [--nppes NPPES_FILE] --out FILE"
            + " [--repo DIR]",
        args, "--rows", "--seed", "--out", "--repo", "--nppes");
    long rows = cli.number("--rows", 26_000_000, 0, 2_000_000_000L);
    long seed = cli.number("--seed", 42);
    Path out = cli.requiredPath("--out"), nppes = cli.path("--nppes");
    Path repo = cli.repo(PartDGenerator.class, SAMPLE);

    long t0 = System.nanoTime();
    Model model = Model.load(repo);
    Path part = Cli.partOf(out);
    ByteOut o = new ByteOut(new FileOutputStream(part.toFile()), model.rowBound, "partd-writer");
    try {
      o.write(HEADER.getBytes(StandardCharsets.US_ASCII));
      o.write(new byte[] {'\n'});
      var generator = new RowGenerator(model, seed, NppesNpis.read(nppes));
      long written = 0;
      long nextProgress = 5_000_000;
      while (written < rows) {
        int n = (int) Math.min(generator.nextPrescriber(), rows - written);
        for (int k = 0; k < n; k++) {
          generator.emit(o, k);
        }
        written += n;
        if (written >= nextProgress && written < rows) {
          System.err.printf("PartDGenerator: %,d rows, %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
          nextProgress += 5_000_000;
        }
      }
    } finally {
      o.close();
    }
    long bytes = o.total;
    Cli.publish(part, out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "PartDGenerator: wrote %,d rows, %,d bytes (%.1f MB) in %.2f s (%,.0f rows/s, %.0f MB/s), seed %d -> %s%n",
        rows, bytes, bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds, seed, out);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What the sample teaches.

  /** One real drug row's figures; -1 where blank. Costs in cents. Flags as bytes (empty when blank). */
  record Figures(long claims, long days, long cost, long benes, byte[] flag65, long claims65, long days65, long cost65,
      byte[] benesFlag65, long benes65) {}

  static final class Model {
    byte[][] pairFields; // per (brand, generic) pair, sorted by brand then generic: "brand,generic" CSV-encoded
    Figures[][] pairFigures; // per pair: the figures of its real rows
    byte[][] orgNames; // organisations (no first name) as whole names
    byte[][] lastNames, firstNames; // individuals
    double pOrganisation;
    byte[][] places; // "city,state,fips" CSV-encoded
    byte[][] specialties; // one per real prescriber (so weighted by prescribers)
    int rowBound;

    static Model load(Path repo) throws IOException {
      var m = new Model();
      List<String[]> rows = readTab(repo.resolve(SAMPLE));
      rows = rows.subList(1, rows.size());
      Map<String, List<Figures>> pairs = new TreeMap<>();
      Map<String, String[]> prescribers = new LinkedHashMap<>();
      for (String[] r : rows) {
        String key = Csv.field(r[S_DRUG]) + "," + Csv.field(r[S_GENERIC]);
        pairs.computeIfAbsent(key, k -> new ArrayList<>()).add(figures(r));
        prescribers.putIfAbsent(r[S_NPI], r);
      }
      m.pairFields = new byte[pairs.size()][];
      m.pairFigures = new Figures[pairs.size()][];
      int i = 0;
      int maxPair = 0;
      for (var e : pairs.entrySet()) {
        m.pairFields[i] = enc(e.getKey());
        m.pairFigures[i] = e.getValue().toArray(Figures[]::new);
        maxPair = Math.max(maxPair, m.pairFields[i].length);
        i++;
      }
      List<byte[]> orgs = new ArrayList<>(), lasts = new ArrayList<>(), firsts = new ArrayList<>(),
          places = new ArrayList<>(), specialties = new ArrayList<>();
      for (String[] r : prescribers.values()) {
        if (r[S_FIRST].isEmpty()) {
          orgs.add(enc(Csv.field(r[S_LAST])));
        } else {
          lasts.add(enc(Csv.field(r[S_LAST])));
          firsts.add(enc(Csv.field(r[S_FIRST])));
        }
        String fips = FIPS.get(r[S_STATE]);
        if (fips != null) {
          places.add(enc(Csv.field(r[S_CITY]) + "," + r[S_STATE] + "," + fips));
        }
        specialties.add(enc(Csv.field(r[S_SPECIALTY])));
      }
      m.pOrganisation = orgs.size() / (double) prescribers.size();
      m.orgNames = orgs.toArray(byte[][]::new);
      m.lastNames = lasts.toArray(byte[][]::new);
      m.firstNames = firsts.toArray(byte[][]::new);
      m.places = places.toArray(byte[][]::new);
      m.specialties = specialties.toArray(byte[][]::new);
      if (m.pairFields.length < MAX_DRUGS || m.places.length == 0 || m.lastNames.length == 0) {
        throw new IllegalStateException(SAMPLE + ": too few usable rows");
      }
      m.rowBound = 1024 + maxPair + maxLen(m.orgNames) + maxLen(m.lastNames) + maxLen(m.firstNames)
          + maxLen(m.places) + maxLen(m.specialties);
      return m;
    }

    static Figures figures(String[] r) {
      return new Figures(num(r[S_CLAIMS]), num(r[S_DAYS]), cents(r[S_COST]), num(r[S_BENES]),
          enc(r[S_FLAG65]), r[S_FLAG65].isEmpty() ? num(r[S_CLAIMS65]) : -1,
          r[S_FLAG65].isEmpty() ? num(r[S_DAYS65]) : -1, r[S_FLAG65].isEmpty() ? cents(r[S_COST65]) : -1,
          enc(r[S_BENES65_FLAG]), r[S_BENES65_FLAG].isEmpty() ? num(r[S_BENES65]) : -1);
    }

    static long num(String s) {
      s = s.strip();
      return s.isEmpty() ? -1 : Long.parseLong(s);
    }

    static long cents(String s) {
      s = s.strip();
      return s.isEmpty() ? -1 : Math.round(Double.parseDouble(s) * 100);
    }

    static int maxLen(byte[][] a) {
      int n = 0;
      for (byte[] b : a) {
        n = Math.max(n, b.length);
      }
      return n;
    }
  }

  static byte[] enc(String v) {
    return v.getBytes(StandardCharsets.UTF_8);
  }

  /** The tab-separated sample (no quoting; CRLF or LF). */
  static List<String[]> readTab(Path path) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    for (String[] r : rows) {
      if (r.length < 19) {
        throw new IllegalStateException(path + ": a row with " + r.length + " fields, expected 19");
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rows.

  static final class RowGenerator {
    static final byte[] TYPE_SRC = {'S'};

    final Model m;
    final Rng rng;
    final Npis npis; // of the permutation, or drawn from an NPPES file's
    final int[] order; // pair indexes, partially shuffled per prescriber
    final int[] chosen = new int[MAX_DRUGS];

    // The current prescriber's fields, ready to copy: "npi,last,first,city,state,fips,type,S,"
    final byte[] prefix = new byte[4096];
    int prefixLen;

    RowGenerator(Model m, long seed, NppesNpis registry) {
      this.m = m;
      this.rng = new Rng(seed);
      this.npis = new Npis(rng, registry);
      order = new int[m.pairFields.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
    }

    /** Draws the next prescriber and its drugs; returns the number of drug rows. */
    int nextPrescriber() {
      // The organisation draw comes first, the NPI (which draws nothing) after it: the same stream as before --nppes.
      boolean organisation = rng.nextDouble() < m.pOrganisation;
      int p = npis.writeNext(organisation, prefix, 0);
      prefix[p++] = ',';
      if (organisation) {
        p = put(m.orgNames[rng.nextInt(m.orgNames.length)], p);
        prefix[p++] = ',';
      } else {
        p = put(m.lastNames[rng.nextInt(m.lastNames.length)], p);
        prefix[p++] = ',';
        p = put(m.firstNames[rng.nextInt(m.firstNames.length)], p);
      }
      prefix[p++] = ',';
      p = put(m.places[rng.nextInt(m.places.length)], p);
      prefix[p++] = ',';
      p = put(m.specialties[rng.nextInt(m.specialties.length)], p);
      prefix[p++] = ',';
      p = put(TYPE_SRC, p);
      prefix[p++] = ',';
      prefixLen = p;

      // 10..80 drugs, skewed low; distinct pairs (partial Fisher-Yates), in brand-name order.
      double u = rng.nextDouble();
      int n = MIN_DRUGS + (int) ((MAX_DRUGS - MIN_DRUGS + 1) * u * u);
      rng.sortedDistinct(order, chosen, n);
      return n;
    }

    int put(byte[] v, int p) {
      System.arraycopy(v, 0, prefix, p, v.length);
      return p + v.length;
    }

    /** Writes drug row k of the current prescriber. */
    void emit(ByteOut o, int k) {
      int pair = chosen[k];
      Figures[] candidates = m.pairFigures[pair];
      Figures f = candidates[candidates.length == 1 ? 0 : rng.nextInt(candidates.length)];
      long costPermille = 850 + rng.nextInt(301); // cost factor 0.850-1.150
      long fillsPermille = 1000 + rng.nextInt(501); // 30-day fills per claim 1.000-1.500

      o.reserve(o.rowBound);
      byte[] buf = o.buf;
      int p = o.pos;
      System.arraycopy(prefix, 0, buf, p, prefixLen);
      p += prefixLen;
      byte[] names = m.pairFields[pair];
      System.arraycopy(names, 0, buf, p, names.length);
      p += names.length;
      buf[p++] = ',';
      p = writeLong(buf, p, f.claims());
      buf[p++] = ',';
      p = writeTenths(buf, p, f.claims(), fillsPermille);
      buf[p++] = ',';
      p = writeLong(buf, p, f.days());
      buf[p++] = ',';
      p = writeCents(buf, p, f.cost(), costPermille);
      buf[p++] = ',';
      p = writeLong(buf, p, f.benes());
      buf[p++] = ',';
      p = put(buf, p, f.flag65());
      buf[p++] = ',';
      p = writeLong(buf, p, f.claims65());
      buf[p++] = ',';
      p = writeTenths(buf, p, f.claims65(), fillsPermille);
      buf[p++] = ',';
      p = writeCents(buf, p, f.cost65(), costPermille);
      buf[p++] = ',';
      p = writeLong(buf, p, f.days65());
      buf[p++] = ',';
      p = put(buf, p, f.benesFlag65());
      buf[p++] = ',';
      p = writeLong(buf, p, f.benes65());
      buf[p++] = '\n';
      o.pos = p;
    }

    static int put(byte[] buf, int p, byte[] v) {
      for (byte b : v) {
        buf[p++] = b;
      }
      return p;
    }

    /** A whole number; nothing when negative (blank). */
    static int writeLong(byte[] buf, int p, long v) {
      if (v < 0) {
        return p;
      }
      if (v == 0) {
        buf[p] = '0';
        return p + 1;
      }
      int n = 0;
      for (long t = v; t > 0; t /= 10) {
        n++;
      }
      for (int i = p + n - 1; i >= p; i--) {
        buf[i] = (byte) ('0' + v % 10);
        v /= 10;
      }
      return p + n;
    }

    /** count x permille/1000 with one decimal, rounded half up; nothing when the count is blank. */
    static int writeTenths(byte[] buf, int p, long count, long permille) {
      if (count < 0) {
        return p;
      }
      long tenths = (count * permille + 50) / 100;
      p = writeLong(buf, p, tenths / 10);
      buf[p++] = '.';
      buf[p++] = (byte) ('0' + tenths % 10);
      return p;
    }

    /** cents x permille/1000 as d.dd; nothing when blank. */
    static int writeCents(byte[] buf, int p, long cents, long permille) {
      if (cents < 0) {
        return p;
      }
      long c = (cents * permille + 500) / 1000;
      p = writeLong(buf, p, c / 100);
      buf[p++] = '.';
      buf[p++] = (byte) ('0' + c / 10 % 10);
      buf[p++] = (byte) ('0' + c % 10);
      return p;
    }
  }
}
