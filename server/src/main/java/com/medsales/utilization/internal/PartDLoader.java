package com.medsales.utilization.internal;

import static com.medsales.ingest.YearlyTables.execute;
import static com.medsales.utilization.internal.PartDColumns.*;

import com.medsales.ingest.ByteCsv;
import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.Decimal;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.NameCache;
import com.medsales.ingest.Reject;
import com.medsales.ingest.YearlyCsv;
import com.medsales.ingest.YearlyTables;
import com.medsales.platform.BulkConnections;
import com.medsales.shared.Npi;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Loads one data year of Medicare Part D by provider and drug, as {@link PartBLoader} does Part B:
 * year from {@code --year} or the file name, vintage from the header (comma- or tab-separated),
 * COPY into the year's own tables, rollups with brand and generic claims, peer percentiles in SQL
 * into a narrow table of their own, then the year's partitions replaced at once.
 */
@Component
class PartDLoader implements DatasetLoader {

  static final List<String> TABLES =
      List.of("partd_drug", "partd_provider", "partd_rollup", "partd_percentile");
  private static final String DRUG_COLUMNS =
      "data_year, npi, brand_name, generic_name, total_claims, total_30day_fills, total_day_supply, total_drug_cost,"
          + " total_beneficiaries, beneficiaries_suppressed, ge65_suppression_flag, ge65_claims, ge65_30day_fills,"
          + " ge65_drug_cost, ge65_day_supply, ge65_beneficiary_flag, ge65_beneficiaries, source_line";
  private static final String PROVIDER_COLUMNS =
      "data_year, npi, last_org_name, first_name, city, state, provider_type";
  private static final String PERCENTILE_COLUMNS =
      "data_year, npi, claims_percentile, cost_percentile";
  static final String ROLLUP_COLUMNS =
      "data_year, npi, claims, fills_30day, drug_cost, brand_claims, generic_claims, rows, suppressed_rows, top_drugs";
  private static final int[] NUMBERS = {
    CLAIMS,
    FILLS,
    DAY_SUPPLY,
    COST,
    BENES,
    GE65_CLAIMS,
    GE65_FILLS,
    GE65_COST,
    GE65_DAY_SUPPLY,
    GE65_BENES
  };

  /**
   * The {@link #NUMBERS} in integer columns: claims and days' supply (bigint, V78) and
   * beneficiaries (integer). CMS publishes them as counts; the others are decimals (30-day fills,
   * costs).
   */
  private static final int[] WHOLE = {0, 2, 4, 5, 8, 9};

  private final BulkConnections connections;

  PartDLoader(BulkConnections connections) {
    this.connections = connections;
  }

  @Override
  public String kind() {
    return "partd";
  }

  @Override
  public Dataset dataset() {
    return Dataset.PART_D;
  }

  @Override
  public String description() {
    return "Medicare Part D prescribers by provider and drug, one data year (--year, or read from the file name)";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    int year = YearlyCsv.year(context, "data year");
    var tables = new YearlyTables(TABLES, year);
    try (Connection drugConnection = connections.open("partd-copy");
        Connection providerConnection = connections.open("partd-copy-providers");
        Connection rollupConnection = connections.open("partd-copy-rollups");
        Connection c = connections.open("partd-publish")) {
      CopyWriter drugs = tables.copyInto(drugConnection, "partd_drug", DRUG_COLUMNS);
      CopyWriter providers =
          tables.copyInto(providerConnection, "partd_provider", PROVIDER_COLUMNS);
      CopyWriter rollups = tables.copyInto(rollupConnection, "partd_rollup", ROLLUP_COLUMNS);
      var rows = new Rows(year, drugs, providers, new PrescriberRollup(year, rollups), context);
      var read =
          YearlyCsv.loadYear(
              context,
              separator(context.file()),
              tables,
              c,
              List.of(drugs, providers, rollups),
              rows,
              connection ->
                  prepare(connection, drugConnection, rollupConnection, tables, year, rows.rollup));
      // the year's partition is the table the COPY filled, whole: its count is the COPY's, no scan
      // of 26M rows needed
      return new Outcome(true, read.rowsLoaded(), drugs.copied(), Map.of(), year);
    }
  }

  /**
   * Checks each row and writes it into the year's tables, from the bytes of the file: numbers and
   * names go from the input buffer into the COPY buffers as they are, and strings are made only for
   * what the rollup and the rejects need.
   */
  private static final class Rows implements YearlyCsv.ByteRows {
    private final int year;
    private final byte[] yearText;
    private final CopyWriter drugs;
    private final CopyWriter providers;
    final PrescriberRollup rollup;
    private final LoadContext context;
    private PartDColumns.@Nullable Mapping columns;
    private long previousNpi = -1;
    private byte[] previousNpiBytes = new byte[0];
    private final NameCache names = new NameCache();
    private final int[] from = new int[NUMBERS.length];
    private final int[] to = new int[NUMBERS.length];

    Rows(
        int year,
        CopyWriter drugs,
        CopyWriter providers,
        PrescriberRollup rollup,
        LoadContext context) {
      this.year = year;
      this.yearText = Integer.toString(year).getBytes(StandardCharsets.US_ASCII);
      this.drugs = drugs;
      this.providers = providers;
      this.rollup = rollup;
      this.context = context;
    }

    @Override
    public void header(CsvHeader header) throws Exception {
      columns = PartDColumns.recognise(header, context.sourceName());
    }

    /** Checks a row and writes it; false when rejected. */
    @Override
    public boolean row(ByteCsv row, CsvHeader header) throws IOException {
      PartDColumns.Mapping columns = this.columns;
      long line = row.line();
      String file = context.sourceName();
      byte[] b = row.buffer();
      int npiAt = columns.at(NPI);
      int npiFrom = row.strippedStart(npiAt);
      int npiTo = row.strippedEnd(npiAt);
      // a prescriber's rows come together (about 33 at the national size): the NPI of the row
      // before was checked already
      boolean samePrescriber =
          previousNpi >= 0
              && Arrays.equals(b, npiFrom, npiTo, previousNpiBytes, 0, previousNpiBytes.length);
      long npiValue = previousNpi;
      if (!samePrescriber) {
        String npi = new String(b, npiFrom, npiTo - npiFrom, StandardCharsets.UTF_8);
        String problem = Npi.problem(npi);
        if (problem != null) {
          context.reject(new Reject(file, line, header.name(npiAt), problem, npi));
          return false;
        }
        npiValue = Long.parseLong(npi);
      }
      int brandAt = columns.at(BRAND);
      int brandFrom = row.strippedStart(brandAt);
      int brandTo = row.strippedEnd(brandAt);
      if (brandFrom == brandTo) {
        context.reject(new Reject(file, line, header.name(brandAt), "Missing drug name", null));
        return false;
      }
      Decimal claims = null;
      Decimal fills = null;
      Decimal cost = null;
      for (int i = 0; i < NUMBERS.length; i++) {
        int position = columns.at(NUMBERS[i]);
        from[i] = position < 0 ? 0 : row.strippedStart(position);
        to[i] = position < 0 ? 0 : row.strippedEnd(position);
        if (from[i] == to[i]) {
          continue;
        }
        // the rollup sums claims, fills and cost; the others are only checked
        boolean summed = i == 0 || i == 1 || i == 3;
        Decimal value = summed ? Decimal.parse(b, from[i], to[i]) : null;
        if (summed ? value == null : !Decimal.isPlain(b, from[i], to[i])) {
          String text = new String(b, from[i], to[i] - from[i], StandardCharsets.UTF_8);
          if (!YearlyCsv.isDecimal(text)) {
            context.reject(new Reject(file, line, header.name(position), "Not a number", text));
            return false;
          }
          value = summed ? Decimal.of(new BigDecimal(text)) : null;
        }
        switch (i) {
          case 0 -> claims = value;
          case 1 -> fills = value;
          case 3 -> cost = value;
          default -> {}
        }
      }
      // the counts go into integer columns: a fraction is this row's reject, not the whole COPY's
      // failure
      for (int i : WHOLE) {
        if (from[i] != to[i] && !whole(b, from[i], to[i], i == 4 || i == 9)) {
          context.reject(
              new Reject(
                  file,
                  line,
                  header.name(columns.at(NUMBERS[i])),
                  "Not a whole number",
                  new String(b, from[i], to[i] - from[i], StandardCharsets.UTF_8)));
          return false;
        }
      }
      int ge65Flag = columns.at(GE65_FLAG);
      int beneFlag = columns.at(GE65_BENE_FLAG);
      if (!flag(row, ge65Flag, "GE65", line) || !flag(row, beneFlag, "GE65 beneficiaries", line)) {
        return false;
      }
      boolean ge65Suppressed =
          ge65Flag >= 0 && row.strippedStart(ge65Flag) != row.strippedEnd(ge65Flag);
      String brand = names.get(b, brandFrom, brandTo);
      int genericAt = columns.at(GENERIC);
      int genericFrom = genericAt < 0 ? 0 : row.strippedStart(genericAt);
      int genericTo = genericAt < 0 ? 0 : row.strippedEnd(genericAt);
      String generic = genericFrom == genericTo ? null : names.get(b, genericFrom, genericTo);
      // the NPI as the file has it: ten digits, checked, so the same bigint as npiValue
      drugs
          .field(yearText, 0, yearText.length)
          .field(b, npiFrom, npiTo)
          .field(b, brandFrom, brandTo);
      text(drugs, row, genericAt);
      for (int i = 0; i < 5; i++) {
        number(drugs, b, i);
      }
      drugs.field(from[4] == to[4]);
      text(drugs, row, ge65Flag);
      for (int i = 5; i < 9; i++) {
        number(drugs, b, i);
      }
      text(drugs, row, beneFlag);
      number(drugs, b, 9);
      drugs.field(line);
      drugs.endRow();
      rollup.add(npiValue, brand, generic, claims, fills, cost, from[4] == to[4] || ge65Suppressed);
      if (npiValue != previousNpi) {
        String state = text(row, columns, STATE);
        String type = text(row, columns, TYPE);
        providers.field(year).field(npiValue);
        text(providers, row, columns.at(LAST));
        text(providers, row, columns.at(FIRST));
        text(providers, row, columns.at(CITY));
        providers.field(state).field(type);
        providers.endRow();
        rollup.peerGroup(type, state);
        previousNpi = npiValue;
        previousNpiBytes = Arrays.copyOfRange(b, npiFrom, npiTo);
      }
      return true;
    }

    /** Number {@code i} of {@link #NUMBERS} as the file has it, null when blank or absent. */
    private void number(CopyWriter out, byte[] b, int i) throws IOException {
      if (from[i] == to[i]) {
        out.field((String) null);
      } else {
        out.field(b, from[i], to[i]);
      }
    }

    /** A suppression flag, blank or absent, "*" or "#"; anything else is the row's reject. */
    private boolean flag(ByteCsv row, int position, String name, long line) {
      if (position < 0) {
        return true;
      }
      int from = row.strippedStart(position);
      int to = row.strippedEnd(position);
      if (from == to
          || (to - from == 1 && (row.buffer()[from] == '*' || row.buffer()[from] == '#'))) {
        return true;
      }
      context.reject(
          new Reject(
              context.sourceName(),
              line,
              name + " suppression flag",
              "Suppression flag must be *, # or blank",
              row.strippedText(position)));
      return false;
    }

    @Override
    public void end() throws IOException {
      rollup.finish();
    }
  }

  /** Tab for the first releases' .tab files, comma otherwise: whichever the header line has. */
  private static char separator(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String first = reader.readLine();
      return first != null && first.indexOf('\t') >= 0 ? '\t' : ',';
    }
  }

  /**
   * Indexes, rollups and percentiles on the loaded year. The big drug table's index and statistics
   * are built on its own connection while this one finishes the prescribers and their rollups (two
   * cores, two lanes). When the file held each prescriber's rows together, as CMS publishes it, the
   * rollups came with the stream and only their peer percentiles are computed here; otherwise they
   * are computed from the drug rows.
   */
  private static void prepare(
      Connection c,
      Connection drugLane,
      Connection percentileCopy,
      YearlyTables tables,
      int year,
      PrescriberRollup streamed)
      throws SQLException {
    boolean rollupsStreamed = streamed.sorted();
    String drug = tables.next("partd_drug");
    String provider = tables.next("partd_provider");
    String rollup = tables.next("partd_rollup");
    var drugIndex =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                drugLane.setAutoCommit(true);
                // the index's sort in memory: 26 million entries spilled to disk with 512MB. A
                // leader and one worker, one process
                // a core: measured alone on the national year, 6.8 s so, 7.4 s with two workers,
                // 10.5 s in one process (9.3 s
                // with 1GB); this lane is the publish's critical path, the other one's keys and
                // percentiles take about 4 s
                execute(drugLane, "SET maintenance_work_mem = '1GB'");
                execute(drugLane, "SET max_parallel_maintenance_workers = 1");
                execute(drugLane, "CREATE INDEX ON " + drug + " (npi)");
                execute(drugLane, "ANALYZE " + drug);
              } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    try {
      execute(c, "SET maintenance_work_mem = '512MB'");
      // the percentiles' sorts and joins over every prescriber (about a million) in memory rather
      // than in temporary
      // files (at 5M rows the former UPDATE of the rollups fell from 6.4 s to 2.7 s with it)
      execute(c, "SET work_mem = '256MB'");
      if (!rollupsStreamed) {
        // a prescriber whose rows came back after another's was written once per run of rows; keep
        // the first. When
        // the file held each prescriber's rows together there is one row per prescriber and nothing
        // to look for
        execute(
            c,
            "DELETE FROM "
                + provider
                + " a USING "
                + provider
                + " b WHERE a.npi = b.npi AND a.ctid > b.ctid");
      }
      execute(c, "ALTER TABLE " + provider + " ADD PRIMARY KEY (data_year, npi)");
      if (!rollupsStreamed) {
        execute(c, "TRUNCATE " + rollup);
        drugIndex.join();
        execute(c, ROLLUP_FROM_DRUGS.formatted(drug, rollup, year));
      }
      // the percentiles go into their own narrow table, written once: an UPDATE of the rollups
      // rewrote every rollup row
      // (about 1.5 KB each with its top drugs) and left the table half dead; this writes about 30
      // bytes a prescriber.
      // With streamed rollups they are computed here from the rollups held in memory and copied in
      // (about a second at
      // the national size, against 10 to 18 s of window sorts in SQL that took a core from the drug
      // index's build)
      if (rollupsStreamed) {
        copyPercentiles(percentileCopy, tables, year, streamed.peers());
      } else {
        tables.create(c, "partd_percentile");
        execute(
            c,
            PERCENTILES_FROM_ROLLUPS.formatted(tables.next("partd_percentile"), rollup, provider));
      }
      execute(
          c,
          "ALTER TABLE " + tables.next("partd_percentile") + " ADD PRIMARY KEY (data_year, npi)");
      execute(c, "ALTER TABLE " + rollup + " ADD PRIMARY KEY (data_year, npi)");
      execute(c, "ANALYZE " + provider);
      execute(c, "ANALYZE " + rollup);
      execute(c, "ANALYZE " + tables.next("partd_percentile"));
      drugIndex.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    } finally {
      drugIndex.exceptionally(ignored -> null).join();
    }
  }

  private static void copyPercentiles(
      Connection connection, YearlyTables tables, int year, PeerPercentiles peers)
      throws SQLException {
    CopyWriter out = tables.copyInto(connection, "partd_percentile", PERCENTILE_COLUMNS);
    try {
      peers.write(year, out);
      out.finish();
    } catch (IOException e) {
      out.close();
      throw new SQLException("Could not copy the percentiles: " + e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * The peer percentiles from the rollups and providers tables, for rollups computed in SQL (see
   * {@link PeerPercentiles}).
   */
  static final String PERCENTILES_FROM_ROLLUPS =
      """
      INSERT INTO %1$s (data_year, npi, claims_percentile, cost_percentile)
      SELECT t.data_year, t.npi,
             round((100 * percent_rank() OVER (PARTITION BY p.provider_type, p.state ORDER BY t.claims))::numeric, 2),
             round((100 * percent_rank() OVER (PARTITION BY p.provider_type, p.state ORDER BY t.drug_cost))::numeric, 2)
      FROM %2$s t LEFT JOIN %3$s p ON p.npi = t.npi
      """;

  /**
   * The rollups computed from the drug rows, for a file whose prescribers' rows are not together.
   */
  private static final String ROLLUP_FROM_DRUGS =
      """
      INSERT INTO %2$s (data_year, npi, claims, fills_30day, drug_cost, brand_claims, generic_claims, rows,
                        suppressed_rows, top_drugs)
      WITH totals AS (
          SELECT npi, coalesce(sum(total_claims), 0) AS claims, sum(total_30day_fills) AS fills,
                 coalesce(sum(total_drug_cost), 0) AS cost,
                 coalesce(sum(total_claims) FILTER (WHERE upper(brand_name) <> upper(coalesce(generic_name, ''))), 0) AS brand,
                 coalesce(sum(total_claims) FILTER (WHERE upper(brand_name) = upper(coalesce(generic_name, ''))), 0) AS generic,
                 count(*) AS rows,
                 count(*) FILTER (WHERE beneficiaries_suppressed OR ge65_suppression_flag IS NOT NULL) AS suppressed
          FROM %1$s GROUP BY npi),
      ranked AS (
          SELECT npi, brand_name, generic_name, total_claims, total_drug_cost,
                 row_number() OVER (PARTITION BY npi ORDER BY total_claims DESC NULLS LAST, brand_name) AS rank
          FROM %1$s),
      top AS (
          SELECT npi, json_agg(json_build_object('brandName', brand_name, 'genericName', generic_name,
                                                 'claims', total_claims, 'drugCost', total_drug_cost) ORDER BY rank) AS drugs
          FROM ranked WHERE rank <= 5 GROUP BY npi)
      SELECT %3$d, t.npi, t.claims, t.fills, round(t.cost, 2), t.brand, t.generic, t.rows, t.suppressed,
             coalesce(top.drugs, '[]'::json)
      FROM totals t LEFT JOIN top ON top.npi = t.npi
      """;

  /**
   * Whether an integer column takes the count: an int (beneficiaries) or a long (claims, days'
   * supply), as {@link Integer#parseInt} or {@link Long#parseLong} reads it.
   */
  private static boolean whole(byte[] b, int from, int to, boolean intColumn) {
    int i = from < to && (b[from] == '-' || b[from] == '+') ? from + 1 : from;
    if (to - i >= 1 && to - i <= 9) {
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == to) {
        return true;
      }
    }
    try {
      String text = new String(b, from, to - from, StandardCharsets.UTF_8);
      if (intColumn) {
        Integer.parseInt(text);
      } else {
        Long.parseLong(text);
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The stripped text at a field, null when blank or absent. */
  private static @Nullable String text(ByteCsv row, PartDColumns.Mapping columns, int field) {
    int position = columns.at(field);
    return position < 0 ? null : row.strippedText(position);
  }

  /** The stripped bytes of a position into {@code out}, null when blank or absent (-1). */
  private static void text(CopyWriter out, ByteCsv row, int position) throws IOException {
    int from = position < 0 ? 0 : row.strippedStart(position);
    int to = position < 0 ? 0 : row.strippedEnd(position);
    if (from == to) {
      out.field((String) null);
    } else {
      out.field(row.buffer(), from, to);
    }
  }
}
