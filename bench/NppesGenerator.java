import generator.ByteOut;
import generator.Cli;
import generator.Csv;
import generator.Npis;
import generator.Rng;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a synthetic NPPES monthly file ({@code npidata_pfile_*.csv}) for the ingestion benchmark.
 *
 * <pre>java bench/NppesGenerator.java [--rows 9000000] [--seed 42] --out FILE [--repo DIR]</pre>
 *
 * <p>The format is the real one: the 330-column header copied byte for byte from the December 2021 sample, every field
 * double-quoted (blank fields are {@code ""}), dates MM/DD/YYYY, CRLF line ends, UTF-8. The values are sampled from the
 * real files in the repository, read at start-up:
 *
 * <ul>
 *   <li>the 2016 head (10,000 rows, first 41 columns): entity-type mix and the share of deactivated rows (NPI and
 *       deactivation date only), reactivations, names, prefixes, suffixes, credentials, organisation names, address
 *       lines, cities with their states and ZIPs, telephone area codes per state, ZIP+4 and same-mailing-address rates;
 *   <li>the full-width samples (2018, 2020, 2021-12; 1,116 rows): "shape" templates that decide, row by row, which of the
 *       blank-heavy columns are filled (taxonomy slots, licenses, other identifiers, authorized official, other names,
 *       taxonomy groups, subparts), with digit-scrambled license numbers and identifiers in the real formats;
 *   <li>taxonomy codes as used in the samples, with one in ten drawn from the NUCC list (matching section);
 *   <li>ZIPs: only ZCTAs of the 2025 gazetteer, most as they occur in the samples with their city, the rest spread over
 *       the gazetteer with a city of the same 3-digit ZIP area.
 * </ul>
 *
 * <p>NPIs are unique (a permutation of the 9-digit space 100000000-299999999) and carry a valid Luhn check digit over
 * the prefix 80840. Memory use is constant; the same seed gives a byte-identical file (own SplitMix64 generator, fixed
 * "as of" date). The file is written to FILE.part and renamed when complete.
 */
public final class NppesGenerator {

  // Column indexes (0-based) of the 330-column layout.
  static final int COLS = 330;
  static final int NPI = 0, ETYPE = 1, EIN = 3, ORG_NAME = 4, LAST = 5, FIRST = 6, MIDDLE = 7, PREFIX = 8, SUFFIX = 9,
      CRED = 10, OTHER_ORG = 11, OTHER_ORG_TYPE = 12, OTHER_LAST = 13, OTHER_FIRST = 14, OTHER_MIDDLE = 15,
      OTHER_PREFIX = 16, OTHER_SUFFIX = 17, OTHER_CRED = 18, OTHER_LAST_TYPE = 19;
  /** Address blocks: +0 line 1, +1 line 2, +2 city, +3 state, +4 postal code, +5 country, +6 phone, +7 fax. */
  static final int MAIL = 20, PRACTICE = 28;
  static final int ENUM_DATE = 36, LAST_UPDATE = 37, DEACT_DATE = 39, REACT_DATE = 40, GENDER = 41;
  static final int AO_LAST = 42, AO_FIRST = 43, AO_MIDDLE = 44, AO_TITLE = 45, AO_PHONE = 46;
  static final int TAX = 47, TAX_SLOTS = 15, OTHER_ID = 107, OTHER_ID_GROUPS = 50;
  static final int SOLE_PROP = 307, SUBPART = 308, PARENT_LBN = 309, PARENT_TIN = 310, AO_PREFIX = 311,
      AO_SUFFIX = 312, AO_CRED = 313, TAX_GROUP = 314, CERT_DATE = 329;

  static final String NPPES_DIR = "server/src/main/resources/demo/nppes/";
  static final String ORGS_2021 = NPPES_DIR + "npidata_pfile_2021-12_organizations_998.csv";
  static final String SAMPLE_2018 = NPPES_DIR + "npidata_pfile_2018_sample_99.csv";
  static final String HEAD_2020 = NPPES_DIR + "npidata_pfile_2020_head_19.csv";
  static final String HEAD_2016 = "server/src/test/resources/nppes/npidata_2016_head_10001_first41cols.csv";
  static final String GAZETTEER = "server/src/main/resources/reference/2025_Gaz_zcta_national.txt";
  static final String NUCC = "server/src/main/resources/reference/nucc_taxonomy_251.csv";

  /** Fixed, so that a seed gives the same bytes on any day. */
  static final LocalDate NPPES_START = LocalDate.of(2005, 5, 23);
  static final LocalDate AS_OF = LocalDate.of(2025, 11, 9);
  static final double NUCC_SHARE = 0.10; // taxonomy codes drawn from the NUCC list instead of the samples' usage
  static final double ORG_NAME_VARIANT_SHARE = 0.40; // organisation names with the first word replaced
  static final double GAZETTEER_ZIP_SHARE = 0.30; // ZIPs spread over the gazetteer rather than as in the samples
  static final double MAILING_SAME_PLACE_SHARE = 0.75; // a different mailing address, but in the same city/ZIP

  public static void main(String[] args) throws IOException {
    Cli cli = Cli.parse("NppesGenerator",
        "usage: java bench/NppesGenerator.java [--rows N (9000000)] [--seed S (42)] --out FILE [--repo DIR]",
        args, "--rows", "--seed", "--out", "--repo");
    long rows = cli.number("--rows", 9_000_000, 0, 200_000_000L);
    long seed = cli.number("--seed", 42);
    Path out = cli.requiredPath("--out");
    Path repo = cli.repo(NppesGenerator.class, ORGS_2021);

    long t0 = System.nanoTime();
    Model model = Model.load(repo);
    Path part = Cli.partOf(out);
    ByteOut o = new ByteOut(new FileOutputStream(part.toFile()), model.rowBound(), "nppes-writer");
    try {
      o.write(model.header);
      o.write(new byte[] {'\r', '\n'});
      var generator = new RowGenerator(model, seed);
      long progressEvery = 1_000_000;
      for (long r = 0; r < rows; r++) {
        generator.next(r);
        generator.emit(o);
        if ((r + 1) % progressEvery == 0 && r + 1 < rows) {
          double s = (System.nanoTime() - t0) / 1e9;
          System.err.printf("NppesGenerator: %,d rows, %.1f s%n", r + 1, s);
        }
      }
    } finally {
      o.close();
    }
    long bytes = o.total;
    Cli.publish(part, out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "NppesGenerator: wrote %,d rows, %,d bytes (%.1f MB) in %.2f s (%,.0f rows/s, %.0f MB/s), seed %d -> %s%n",
        rows, bytes, bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds, seed, out);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What the samples teach: value pools, rates and row-shape templates.

  record Place(byte[] city, byte[] state, byte[] zip5, String stateCode) {}

  /** A real full-width row: which columns are filled, and its values (escaped for a quoted field). */
  static final class Template {
    final String[] s;
    final byte[][] b;

    Template(String[] row) {
      s = row;
      b = new byte[COLS][];
      for (int i = 0; i < COLS; i++) {
        b[i] = enc(row[i]);
      }
    }

    boolean has(int col) {
      return !s[col].isEmpty();
    }
  }

  static final class Model {
    byte[] header;
    double pIndividual, pOrganisation, pDeactivated, pReactivated, pCertified, pSameMailing, pZip9, pForeign;
    byte[][] lastNames, firstNames, middleNames, prefixes, suffixes, credentials;
    byte[][] orgNames, otherOrgNames, officialTitles, officialPrefixes, officialSuffixes, officialCredentials;
    byte[][] otherOrgTypes; // parallel to otherOrgNames
    byte[][] practiceLines, mailingLines, secondLines;
    byte[][] indTaxonomy, orgTaxonomy, nuccIndividual, nuccNonIndividual;
    Place[] places;
    byte[][] gazZips; // gazetteer ZIPs whose 3-digit area is known from the samples
    int[][] gazPlaces; // for each of gazZips: indexes into places with the same 3-digit area
    Map<String, byte[][]> areaCodes = new TreeMap<>();
    byte[][] allAreaCodes;
    byte[][] states;
    String[][] foreignBlocks; // cols 20..35 of real rows with a foreign address
    Template[] individuals, organisations;
    int maxField;

    static Model load(Path repo) throws IOException {
      var m = new Model();
      byte[] raw2021 = Files.readAllBytes(repo.resolve(ORGS_2021));
      int nl = indexOf(raw2021, (byte) '\n');
      int end = nl > 0 && raw2021[nl - 1] == '\r' ? nl - 1 : nl;
      m.header = Arrays.copyOf(raw2021, end);

      List<String[]> full = new ArrayList<>();
      for (String f : List.of(ORGS_2021, SAMPLE_2018, HEAD_2020)) {
        List<String[]> rows = Csv.read(repo.resolve(f));
        for (String[] r : rows.subList(1, rows.size())) {
          full.add(pad(r));
        }
      }
      List<String[]> head2016 = Csv.read(repo.resolve(HEAD_2016));
      List<String[]> narrow = new ArrayList<>();
      for (String[] r : head2016.subList(1, head2016.size())) {
        narrow.add(pad(r));
      }
      List<String[]> all = new ArrayList<>(narrow);
      all.addAll(full);

      // Entity mix and deactivations from the 2016 head: the only sample that is neither organisations-only nor tiny.
      long ind = 0, org = 0, deact = 0;
      for (String[] r : narrow) {
        switch (r[ETYPE]) {
          case "1" -> ind++;
          case "2" -> org++;
          default -> deact++;
        }
      }
      double n = ind + org + deact;
      m.pIndividual = ind / n;
      m.pOrganisation = org / n;
      m.pDeactivated = deact / n;

      Set<String> zcta = new HashSet<>();
      List<String> gazetteer = new ArrayList<>();
      for (String line : Files.readAllLines(repo.resolve(GAZETTEER), StandardCharsets.UTF_8)) {
        int bar = line.indexOf('|');
        String zip = bar > 0 ? line.substring(0, bar).strip() : "";
        if (zip.length() == 5 && zip.chars().allMatch(Character::isDigit)) {
          zcta.add(zip);
          gazetteer.add(zip);
        }
      }

      List<String> last = new ArrayList<>(), first = new ArrayList<>(), middle = new ArrayList<>(),
          prefix = new ArrayList<>(), suffix = new ArrayList<>(), cred = new ArrayList<>(), orgNames = new ArrayList<>(),
          otherOrg = new ArrayList<>(), otherOrgType = new ArrayList<>(), titles = new ArrayList<>(),
          aoPrefix = new ArrayList<>(), aoSuffix = new ArrayList<>(), aoCred = new ArrayList<>(),
          practiceLines = new ArrayList<>(), mailingLines = new ArrayList<>(), secondLines = new ArrayList<>(),
          indTax = new ArrayList<>(), orgTax = new ArrayList<>(), stateList = new ArrayList<>();
      List<Place> places = new ArrayList<>();
      Map<String, List<String>> areaCodes = new TreeMap<>();
      List<String[]> foreign = new ArrayList<>();
      long active = 0, sameMailing = 0, zips = 0, zip9 = 0, reactivated = 0, foreignRows = 0;
      for (String[] r : all) {
        if (r[ETYPE].isEmpty()) {
          continue;
        }
        active++;
        boolean isInd = r[ETYPE].equals("1");
        if (isInd) {
          addIf(last, r[LAST]);
          addIf(first, r[FIRST]);
          addIf(middle, r[MIDDLE]);
          addIf(prefix, r[PREFIX]);
          addIf(suffix, r[SUFFIX]);
          addIf(cred, r[CRED]);
        } else {
          addIf(orgNames, r[ORG_NAME]);
          addIf(titles, r[AO_TITLE]);
          addIf(aoPrefix, r[AO_PREFIX]);
          addIf(aoSuffix, r[AO_SUFFIX]);
          addIf(aoCred, r[AO_CRED]);
        }
        if (!r[OTHER_ORG].isEmpty()) {
          otherOrg.add(r[OTHER_ORG]);
          otherOrgType.add(r[OTHER_ORG_TYPE]);
        }
        if (!r[REACT_DATE].isEmpty()) {
          reactivated++;
        }
        boolean isForeign = !r[MAIL + 5].equals("US") || !r[PRACTICE + 5].equals("US");
        if (isForeign) {
          foreignRows++;
          foreign.add(Arrays.copyOfRange(r, MAIL, PRACTICE + 8));
          continue;
        }
        if (r[MAIL].equals(r[PRACTICE]) && r[MAIL + 2].equals(r[PRACTICE + 2]) && r[MAIL + 4].equals(r[PRACTICE + 4])) {
          sameMailing++;
        }
        addIf(practiceLines, r[PRACTICE]);
        addIf(mailingLines, r[MAIL]);
        addIf(secondLines, r[MAIL + 1]);
        addIf(secondLines, r[PRACTICE + 1]);
        for (int block : new int[] {PRACTICE, MAIL}) {
          String city = r[block + 2], state = r[block + 3], postal = r[block + 4], phone = r[block + 6];
          if (postal.length() == 5 || postal.length() == 9) {
            zips++;
            if (postal.length() == 9) {
              zip9++;
            }
          }
          if (state.length() == 2 && !city.isEmpty() && postal.length() >= 5 && zcta.contains(postal.substring(0, 5))) {
            places.add(new Place(enc(city), enc(state), enc(postal.substring(0, 5)), state));
            stateList.add(state);
          }
          if (state.length() == 2 && phone.length() == 10 && phone.chars().allMatch(Character::isDigit)) {
            areaCodes.computeIfAbsent(state, k -> new ArrayList<>()).add(phone.substring(0, 3));
          }
        }
      }
      for (String[] r : full) {
        if (r[ETYPE].isEmpty()) {
          continue;
        }
        for (int j = 0; j < TAX_SLOTS; j++) {
          addIf(r[ETYPE].equals("1") ? indTax : orgTax, r[TAX + 4 * j]);
        }
      }
      long withCertColumn = 0, certified = 0;
      List<String[]> rows2021 = Csv.read(repo.resolve(ORGS_2021));
      for (String[] r : rows2021.subList(1, rows2021.size())) {
        withCertColumn++;
        if (r.length > CERT_DATE && !r[CERT_DATE].isEmpty()) {
          certified++;
        }
      }

      m.pReactivated = (double) reactivated / active;
      m.pSameMailing = (double) sameMailing / (active - foreignRows);
      m.pZip9 = (double) zip9 / zips;
      m.pForeign = (double) foreignRows / active;
      m.pCertified = (double) certified / withCertColumn;

      m.lastNames = encAll(last);
      m.firstNames = encAll(first);
      m.middleNames = encAll(middle);
      m.prefixes = encAll(prefix);
      m.suffixes = encAll(suffix);
      m.credentials = encAll(cred);
      m.orgNames = encAll(orgNames);
      m.otherOrgNames = encAll(otherOrg);
      m.otherOrgTypes = encAll(otherOrgType);
      m.officialTitles = encAll(titles);
      m.officialPrefixes = encAll(aoPrefix);
      m.officialSuffixes = encAll(aoSuffix);
      m.officialCredentials = encAll(aoCred);
      m.practiceLines = encAll(practiceLines);
      m.mailingLines = encAll(mailingLines);
      m.secondLines = encAll(secondLines);
      m.indTaxonomy = encAll(indTax);
      m.orgTaxonomy = encAll(orgTax);
      m.places = places.toArray(Place[]::new);
      m.states = encAll(stateList);
      m.foreignBlocks = foreign.toArray(String[][]::new);
      List<String> allCodes = new ArrayList<>();
      for (var e : areaCodes.entrySet()) {
        m.areaCodes.put(e.getKey(), encAll(e.getValue()));
        allCodes.addAll(e.getValue());
      }
      m.allAreaCodes = encAll(allCodes);

      // ZIPs over the whole gazetteer, each with the cities seen in its 3-digit area.
      Map<String, List<Integer>> byArea = new TreeMap<>();
      for (int i = 0; i < m.places.length; i++) {
        byArea.computeIfAbsent(new String(m.places[i].zip5, 0, 3, StandardCharsets.US_ASCII), k -> new ArrayList<>()).add(i);
      }
      List<byte[]> gz = new ArrayList<>();
      List<int[]> gp = new ArrayList<>();
      for (String zip : gazetteer) {
        List<Integer> idx = byArea.get(zip.substring(0, 3));
        if (idx != null) {
          gz.add(enc(zip));
          gp.add(idx.stream().mapToInt(Integer::intValue).toArray());
        }
      }
      m.gazZips = gz.toArray(byte[][]::new);
      m.gazPlaces = gp.toArray(int[][]::new);

      List<String> nuccInd = new ArrayList<>(), nuccOrg = new ArrayList<>();
      List<String[]> nucc = Csv.read(repo.resolve(NUCC));
      String[] h = nucc.get(0);
      int codeCol = indexOf(h, "Code"), sectionCol = indexOf(h, "Section");
      for (String[] r : nucc.subList(1, nucc.size())) {
        if (r.length > Math.max(codeCol, sectionCol) && r[codeCol].length() == 10) {
          (r[sectionCol].equals("Non-Individual") ? nuccOrg : nuccInd).add(r[codeCol]);
        }
      }
      m.nuccIndividual = encAll(nuccInd);
      m.nuccNonIndividual = encAll(nuccOrg);

      List<Template> indT = new ArrayList<>(), orgT = new ArrayList<>();
      for (String[] r : full) {
        if (r[ETYPE].equals("1")) {
          indT.add(new Template(r));
        } else if (r[ETYPE].equals("2")) {
          orgT.add(new Template(r));
        }
      }
      m.individuals = indT.toArray(Template[]::new);
      m.organisations = orgT.toArray(Template[]::new);

      for (byte[][] pool : List.of(m.lastNames, m.firstNames, m.middleNames, m.prefixes, m.suffixes, m.credentials,
          m.orgNames, m.otherOrgNames, m.officialTitles, m.officialPrefixes, m.officialSuffixes,
          m.officialCredentials, m.practiceLines, m.mailingLines, m.secondLines, m.indTaxonomy, m.orgTaxonomy,
          m.nuccIndividual, m.nuccNonIndividual, m.states, m.allAreaCodes, m.gazZips)) {
        if (pool.length == 0) {
          throw new IllegalStateException("a value pool from the samples is empty: are the sample files intact?");
        }
        for (byte[] b : pool) {
          m.maxField = Math.max(m.maxField, b.length);
        }
      }
      for (Template t : m.individuals) {
        for (byte[] b : t.b) {
          m.maxField = Math.max(m.maxField, b.length);
        }
      }
      for (Template t : m.organisations) {
        for (byte[] b : t.b) {
          m.maxField = Math.max(m.maxField, b.length);
        }
      }
      for (String[] block : m.foreignBlocks) {
        for (String s : block) {
          m.maxField = Math.max(m.maxField, enc(s).length);
        }
      }
      if (m.places.length == 0 || m.individuals.length == 0 || m.organisations.length == 0) {
        throw new IllegalStateException("no places or templates from the samples");
      }
      return m;
    }

    /** An upper bound on one row's bytes: synthesized org names are at most two pool values long. */
    int rowBound() {
      return COLS * (2 * maxField + 4) + 2;
    }
  }

  static String[] pad(String[] r) {
    return r.length >= COLS ? r : padNulls(r);
  }

  static String[] padNulls(String[] r) {
    String[] p = Arrays.copyOf(r, COLS);
    Arrays.fill(p, r.length, COLS, "");
    return p;
  }

  static void addIf(List<String> list, String v) {
    if (!v.isEmpty()) {
      list.add(v);
    }
  }

  static int indexOf(String[] a, String v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals(v)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + v);
  }

  static int indexOf(byte[] a, byte v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** The bytes of a value inside a quoted CSV field: UTF-8, with quotes doubled. */
  static byte[] enc(String v) {
    return v.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
  }

  static byte[][] encAll(List<String> values) {
    byte[][] out = new byte[values.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = enc(values.get(i));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rows.

  static final class RowGenerator {
    static final byte[] ONE = {'1'}, TWO = {'2'}, US = {'U', 'S'};
    static final byte[] UNAVAIL = enc("<UNAVAIL>");

    final Model m;
    final Rng rng;
    final byte[][] val = new byte[COLS][];
    final int[] len = new int[COLS];
    final byte[][] scratch = new byte[COLS][];
    final byte[][] dates; // MM/DD/YYYY for each day from NPPES_START to AS_OF
    final Npis npis;

    RowGenerator(Model m, long seed) {
      this.m = m;
      this.rng = new Rng(seed);
      int bound = 2 * m.maxField + 64;
      for (int i = 0; i < COLS; i++) {
        scratch[i] = new byte[bound];
      }
      int days = (int) (AS_OF.toEpochDay() - NPPES_START.toEpochDay()) + 1;
      dates = new byte[days][];
      for (int d = 0; d < days; d++) {
        LocalDate date = NPPES_START.plusDays(d);
        dates[d] = String.format("%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear())
            .getBytes(StandardCharsets.US_ASCII);
      }
      npis = new Npis(rng, null);
    }

    int daysTotal() {
      return dates.length;
    }

    // --- setting fields

    void set(int col, byte[] v) {
      val[col] = v;
      len[col] = v.length;
    }

    void copy(int from, int to) {
      val[to] = val[from];
      len[to] = len[from];
    }

    byte[] pick(byte[][] pool) {
      return pool[rng.nextInt(pool.length)];
    }

    void setDay(int col, int day) {
      set(col, dates[day]);
    }

    void npi(long rowIndex) {
      byte[] s = scratch[NPI];
      npis.write(rowIndex, s, 0);
      val[NPI] = s;
      len[NPI] = 10;
    }

    void phone(int col, byte[] area) {
      byte[] s = scratch[col];
      s[0] = area[0];
      s[1] = area[1];
      s[2] = area[2];
      s[3] = (byte) ('2' + rng.nextInt(8));
      long r = rng.nextLong() >>> 1;
      for (int i = 4; i < 10; i++) {
        s[i] = (byte) ('0' + (int) (r % 10));
        r /= 10;
      }
      val[col] = s;
      len[col] = 10;
    }

    void zip(int col, byte[] zip5, boolean nine) {
      byte[] s = scratch[col];
      System.arraycopy(zip5, 0, s, 0, 5);
      int n = 5;
      if (nine) {
        int plus4 = 1 + rng.nextInt(9999);
        s[5] = (byte) ('0' + plus4 / 1000);
        s[6] = (byte) ('0' + plus4 / 100 % 10);
        s[7] = (byte) ('0' + plus4 / 10 % 10);
        s[8] = (byte) ('0' + plus4 % 10);
        n = 9;
      }
      val[col] = s;
      len[col] = n;
    }

    /** Every digit replaced by a random one: the format of a real license number or identifier, another value. */
    void scrambleDigits(int col, byte[] src) {
      byte[] s = scratch[col];
      long r = rng.nextLong() >>> 1;
      int left = 18;
      for (int i = 0; i < src.length; i++) {
        byte c = src[i];
        if (c >= '0' && c <= '9') {
          if (left == 0) {
            r = rng.nextLong() >>> 1;
            left = 18;
          }
          c = (byte) ('0' + (int) (r % 10));
          r /= 10;
          left--;
        }
        s[i] = c;
      }
      val[col] = s;
      len[col] = src.length;
    }

    /** The first run of digits (the house number, the PO box) replaced by a random one of the same length. */
    void scrambleFirstNumber(int col, byte[] src) {
      byte[] s = scratch[col];
      System.arraycopy(src, 0, s, 0, src.length);
      int i = 0;
      while (i < src.length && (src[i] < '0' || src[i] > '9')) {
        i++;
      }
      boolean firstDigit = true;
      while (i < src.length && src[i] >= '0' && src[i] <= '9') {
        s[i] = (byte) (firstDigit ? '1' + rng.nextInt(9) : '0' + rng.nextInt(10));
        firstDigit = false;
        i++;
      }
      val[col] = s;
      len[col] = src.length;
    }

    /** A real organisation name, or one with its first word replaced by a surname or the practice city. */
    void orgName(int col, byte[] cityOrNull) {
      byte[] name = pick(m.orgNames);
      int space = indexOf(name, (byte) ' ');
      if (space <= 0 || !rng.chance(ORG_NAME_VARIANT_SHARE)) {
        set(col, name);
        return;
      }
      byte[] head = cityOrNull != null && rng.chance(0.5) ? cityOrNull : pick(m.lastNames);
      byte[] s = scratch[col];
      System.arraycopy(head, 0, s, 0, head.length);
      System.arraycopy(name, space, s, head.length, name.length - space);
      val[col] = s;
      len[col] = head.length + name.length - space;
    }

    byte[] taxonomy(boolean individual) {
      if (rng.chance(NUCC_SHARE)) {
        return pick(individual ? m.nuccIndividual : m.nuccNonIndividual);
      }
      return pick(individual ? m.indTaxonomy : m.orgTaxonomy);
    }

    byte[] areaCode(String state) {
      byte[][] codes = m.areaCodes.get(state);
      return pick(codes != null ? codes : m.allAreaCodes);
    }

    Place place() {
      if (rng.chance(GAZETTEER_ZIP_SHARE)) {
        int g = rng.nextInt(m.gazZips.length);
        int[] candidates = m.gazPlaces[g];
        Place p = m.places[candidates[rng.nextInt(candidates.length)]];
        return new Place(p.city(), p.state(), m.gazZips[g], p.stateCode());
      }
      return m.places[rng.nextInt(m.places.length)];
    }

    /** A state code for a license or identifier: the practice state when the template's was its own, else another. */
    byte[] stateLike(Template t, int col, Place practice) {
      return t.s[col].equals(t.s[PRACTICE + 3]) ? practice.state() : pick(m.states);
    }

    // --- a row

    void next(long rowIndex) {
      Arrays.fill(len, 0);
      npi(rowIndex);
      double u = rng.nextDouble();
      if (u < m.pDeactivated) {
        // As in the real files: a deactivated NPI carries only its number and the deactivation date.
        setDay(DEACT_DATE, 200 + rng.nextInt(daysTotal() - 200));
        return;
      }
      boolean individual = u < m.pDeactivated + m.pIndividual / (m.pIndividual + m.pOrganisation) * (1 - m.pDeactivated);
      Template t = individual ? rng.pick(m.individuals) : rng.pick(m.organisations);
      set(ETYPE, individual ? ONE : TWO);

      // Addresses first: names of organisations may borrow the city.
      Place practice = place();
      address(t, PRACTICE, practice, null);
      if (rng.chance(m.pSameMailing)) {
        for (int i = 0; i < 8; i++) {
          copy(PRACTICE + i, MAIL + i);
        }
      } else {
        Place mailing = rng.chance(MAILING_SAME_PLACE_SHARE) ? practice : place();
        address(t, MAIL, mailing, mailing == practice ? val[PRACTICE + 6] : null);
      }
      if (rng.chance(m.pForeign) && m.foreignBlocks.length > 0) {
        String[] block = m.foreignBlocks[rng.nextInt(m.foreignBlocks.length)];
        for (int i = 0; i < block.length; i++) {
          set(MAIL + i, enc(block[i]));
        }
      }

      if (individual) {
        set(LAST, pick(m.lastNames));
        set(FIRST, pick(m.firstNames));
        if (t.has(MIDDLE)) set(MIDDLE, pick(m.middleNames));
        if (t.has(PREFIX)) set(PREFIX, pick(m.prefixes));
        if (t.has(SUFFIX)) set(SUFFIX, pick(m.suffixes));
        if (t.has(CRED)) set(CRED, pick(m.credentials));
        if (t.has(OTHER_LAST)) {
          set(OTHER_LAST, pick(m.lastNames));
          copy(FIRST, OTHER_FIRST);
          if (t.has(OTHER_MIDDLE)) copy(MIDDLE, OTHER_MIDDLE);
          if (t.has(OTHER_PREFIX)) set(OTHER_PREFIX, pick(m.prefixes));
          if (t.has(OTHER_SUFFIX)) set(OTHER_SUFFIX, pick(m.suffixes));
          if (t.has(OTHER_CRED)) copy(CRED, OTHER_CRED);
          set(OTHER_LAST_TYPE, t.b[OTHER_LAST_TYPE]);
        }
        set(GENDER, t.b[GENDER]);
        set(SOLE_PROP, t.b[SOLE_PROP]);
      } else {
        set(EIN, t.has(EIN) ? t.b[EIN] : UNAVAIL);
        orgName(ORG_NAME, practice.city());
        set(AO_LAST, pick(m.lastNames));
        set(AO_FIRST, pick(m.firstNames));
        if (t.has(AO_MIDDLE)) set(AO_MIDDLE, pick(m.middleNames));
        set(AO_TITLE, pick(m.officialTitles));
        if (len[PRACTICE + 6] > 0 && rng.chance(0.7)) {
          copy(PRACTICE + 6, AO_PHONE);
        } else {
          phone(AO_PHONE, areaCode(practice.stateCode()));
        }
        if (t.has(AO_PREFIX)) set(AO_PREFIX, pick(m.officialPrefixes));
        if (t.has(AO_SUFFIX)) set(AO_SUFFIX, pick(m.officialSuffixes));
        if (t.has(AO_CRED)) set(AO_CRED, pick(m.officialCredentials));
        set(SUBPART, t.b[SUBPART]);
        if (t.has(PARENT_LBN)) {
          set(PARENT_LBN, pick(m.orgNames));
          set(PARENT_TIN, t.b[PARENT_TIN]);
        }
      }
      if (t.has(OTHER_ORG)) {
        int k = rng.nextInt(m.otherOrgNames.length);
        set(OTHER_ORG, m.otherOrgNames[k]);
        set(OTHER_ORG_TYPE, m.otherOrgTypes[k]);
      }

      // Dates: a quarter enumerated in NPPES's first two years, the rest evenly since; updates lean recent.
      int days = daysTotal();
      int firstYears = 730;
      int enumDay = rng.chance(0.25)
          ? (rng.chance(0.4) ? 0 : rng.nextInt(firstYears))
          : firstYears + rng.nextInt(days - firstYears);
      int span = days - 1 - enumDay;
      int updateDay = rng.chance(0.15) ? enumDay : enumDay + (int) (span * Math.sqrt(rng.nextDouble()));
      setDay(ENUM_DATE, enumDay);
      setDay(LAST_UPDATE, updateDay);
      if (updateDay - enumDay > 2 && rng.chance(m.pReactivated)) {
        int deact = enumDay + 1 + rng.nextInt(updateDay - enumDay - 1);
        int react = deact + 1 + rng.nextInt(Math.min(365, updateDay - deact));
        setDay(DEACT_DATE, deact);
        setDay(REACT_DATE, react);
      }
      if (rng.chance(m.pCertified)) {
        setDay(CERT_DATE, updateDay);
      }

      // Taxonomies and licenses in the template's slots.
      for (int j = 0; j < TAX_SLOTS; j++) {
        int c = TAX + 4 * j;
        if (!t.has(c)) {
          continue;
        }
        set(c, taxonomy(individual));
        if (t.has(c + 1)) scrambleDigits(c + 1, t.b[c + 1]);
        if (t.has(c + 2)) set(c + 2, stateLike(t, c + 2, practice));
        set(c + 3, t.b[c + 3]);
      }
      for (int j = 0; j < OTHER_ID_GROUPS; j++) {
        int c = OTHER_ID + 4 * j;
        if (!t.has(c)) {
          continue;
        }
        scrambleDigits(c, t.b[c]);
        set(c + 1, t.b[c + 1]);
        if (t.has(c + 2)) set(c + 2, stateLike(t, c + 2, practice));
        if (t.has(c + 3)) set(c + 3, t.b[c + 3]);
      }
      for (int c = TAX_GROUP; c < TAX_GROUP + TAX_SLOTS; c++) {
        if (t.has(c)) set(c, t.b[c]);
      }
    }

    void address(Template t, int block, Place p, byte[] samePhone) {
      scrambleFirstNumber(block, pick(block == PRACTICE ? m.practiceLines : m.mailingLines));
      if (t.has(block + 1)) set(block + 1, pick(m.secondLines));
      set(block + 2, p.city());
      set(block + 3, p.state());
      zip(block + 4, p.zip5(), rng.chance(m.pZip9));
      set(block + 5, US);
      if (t.has(block + 6)) {
        if (samePhone != null && len[PRACTICE + 6] > 0) {
          copy(PRACTICE + 6, block + 6);
        } else {
          phone(block + 6, areaCode(p.stateCode()));
        }
      }
      if (t.has(block + 7)) phone(block + 7, areaCode(p.stateCode()));
    }

    void emit(ByteOut o) {
      o.reserve(o.rowBound);
      byte[] buf = o.buf;
      int p = o.pos;
      for (int i = 0; i < COLS; i++) {
        if (i > 0) {
          buf[p++] = ',';
        }
        buf[p++] = '"';
        int n = len[i];
        if (n > 24) {
          System.arraycopy(val[i], 0, buf, p, n);
          p += n;
        } else if (n > 0) {
          byte[] v = val[i];
          for (int k = 0; k < n; k++) {
            buf[p + k] = v[k];
          }
          p += n;
        }
        buf[p++] = '"';
      }
      buf[p++] = '\r';
      buf[p++] = '\n';
      o.pos = p;
    }
  }
}
