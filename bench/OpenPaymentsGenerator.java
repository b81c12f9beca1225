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
    Cli cli = Cli.parse("OpenPaymentsGenerator",
        "usage: java bench/OpenPaymentsGenerator.java [--rows N (15000000)] [--seed S (42)] [--year Y (2024)]"
            + " [--nppes NPPES_FILE] --out FILE [--repo DIR]",
        args, "--rows", "--seed", "--year", "--out", "--repo", "--nppes");
    long rows = cli.number("--rows", 15_000_000);
    long seed = cli.number("--seed", 42);
    int year = (int) cli.number("--year", 2024, 1, 9999);
    Path out = cli.requiredPath("--out"), nppes = cli.path("--nppes");
    Path repo = cli.repo(OpenPaymentsGenerator.class, SAMPLE);
    long t0 = System.nanoTime();
    List<String[]> sample = Csv.read(repo.resolve(SAMPLE));
    String header = String.join(",", sample.get(0));
    if (sample.get(0).length != 91) throw new IllegalStateException(SAMPLE + ": expected 91 columns");
    List<String[]> real = sample.subList(1, sample.size());
    List<String[]> hospitals = hospitals(repo.resolve(HOSPITALS));
    NppesNpis registry = NppesNpis.read(nppes);
    Rng rng = new Rng(seed);
    Npis npis = new Npis(rng, registry);
    int days = LocalDate.of(year, 12, 31).getDayOfYear();
    String[] dates = new String[days];
    for (int d = 0; d < days; d++) {
      LocalDate date = LocalDate.ofYearDay(year, d + 1);
      dates[d] = String.format("%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), year);
    }
    Path part = Cli.partOf(out);
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
        for (int c = 1; c <= 35; c++) recipient.append(Csv.field(f[c])).append(',');
        double u = rng.nextDouble();
        int n = (int) Math.min(1 + (int) (MAX_PAYMENTS * u * u * u), rows - written);
        sb.setLength(0);
        for (int k = 0; k < n; k++) {
          String[] p = real.get(rng.nextInt(real.size()));
          long cents = Math.round(Double.parseDouble(p[41]) * 100);
          long scaled = Math.max(1, (cents * (500 + rng.nextInt(1001)) + 500) / 1000);
          sb.append(Csv.field(p[0])).append(',').append(recipient);
          for (int c = 36; c <= 40; c++) sb.append(Csv.field(p[c])).append(',');
          sb.append(scaled / 100).append('.').append((char) ('0' + scaled / 10 % 10)).append((char) ('0' + scaled % 10))
              .append(',').append(dates[rng.nextInt(days)]).append(',');
          for (int c = 43; c <= 55; c++) sb.append(Csv.field(p[c])).append(',');
          sb.append(1_000_000_000L + written + k).append(',');
          for (int c = 57; c <= 88; c++) sb.append(Csv.field(p[c])).append(',');
          sb.append(year).append(',').append(Csv.field(p[90])).append('\n');
        }
        os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        written += n;
        if (written % 1_000_000 < n && written < rows) {
          System.err.printf("OpenPaymentsGenerator: %,d rows, %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    Cli.publish(part, out);
    System.out.printf("OpenPaymentsGenerator: wrote %,d rows (%,d recipients) in %.1f s, seed %d, program year %d%s -> %s%n",
        written, recipients, (System.nanoTime() - t0) / 1e9, seed, year, nppes == null ? "" : ", NPIs of " + nppes, out);
  }

  /**
   * Teaching hospitals: the NPPES sample's organisations named like a hospital, each once by name, as CCN, ID, name and
   * the eight address fields of the layout (line 1, line 2, city, state, ZIP, country, province, postal code).
   */
  static List<String[]> hospitals(Path nppesSample) throws IOException {
    List<String[]> rows = Csv.read(nppesSample);
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
}
