import generator.Cli;
import generator.Csv;
import generator.NppesNpis;
import generator.Npis;
import generator.Rng;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Cli cli = Cli.parse("PartBGenerator",
        "usage: java bench/PartBGenerator.java [--rows N (10000000)] [--seed S (42)] [--nppes NPPES_FILE] --out FILE"
            + " [--repo DIR]",
        args, "--rows", "--seed", "--out", "--repo", "--nppes");
    long rows = cli.number("--rows", 10_000_000);
    long seed = cli.number("--seed", 42);
    Path out = cli.requiredPath("--out"), nppes = cli.path("--nppes");
    Path repo = cli.repo(PartBGenerator.class, SAMPLE);
    long t0 = System.nanoTime();
    Model m = Model.load(repo);
    NppesNpis registry = NppesNpis.read(nppes);
    Rng rng = new Rng(seed);
    Npis npis = new Npis(rng, registry);
    Path part = Cli.partOf(out);
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
        rng.sortedDistinct(order, chosen, n);
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
    Cli.publish(part, out);
    System.out.printf("PartBGenerator: wrote %,d rows (%,d providers) in %.1f s, seed %d%s -> %s%n", written,
        npis.count(), (System.nanoTime() - t0) / 1e9, seed, nppes == null ? "" : ", NPIs of " + nppes, out);
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
        List<String[]> rows = Csv.read(repo.resolve(sample));
        Map<String, Integer> h = new HashMap<>();
        for (int i = 0; i < rows.get(0).length; i++) h.put(rows.get(0)[i], i);
        for (String[] r : rows.subList(1, rows.size())) {
          StringBuilder s = new StringBuilder();
          for (String c : SERVICE_COLUMNS) s.append(s.isEmpty() ? "" : ",").append(Csv.field(r[h.get(c)]));
          services.computeIfAbsent(r[h.get("HCPCS_Cd")] + "," + r[h.get("Place_Of_Srvc")], k -> new ArrayList<>())
              .add(s.toString());
          if (!sample.equals(SAMPLE) || seenNpi.put(r[0], true) != null) continue; // providers: the 2021 file, once each
          if (r[6].equals("O")) {
            orgs.add(join(r, 1, 18));
          } else {
            lasts.add(Csv.field(r[1]));
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
      for (int i = from; i < to; i++) s.append(i == from ? "" : ",").append(Csv.field(r[i]));
      return s.toString();
    }
  }
}
