package com.medsales.utilization.internal;

import static com.medsales.ingest.YearlyTables.execute;
import static com.medsales.utilization.internal.PartBColumns.*;

import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.Reject;
import com.medsales.ingest.YearlyCsv;
import com.medsales.ingest.YearlyTables;
import com.medsales.platform.BulkConnections;
import com.medsales.shared.Npi;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Loads one data year of Medicare Part B by provider and service. The year comes from {@code
 * --year} or the file's name, and is refused when neither tells it. Rows stream through COPY into
 * standalone tables for that year, the per-provider rollups and percentiles are computed from them
 * with set-based SQL, and the three tables replace that year's partitions in one transaction: other
 * years are untouched, a reload replaces exactly its year.
 */
@Component
class PartBLoader implements DatasetLoader {

  static final List<String> TABLES = List.of("partb_service", "partb_provider", "partb_rollup");
  private static final String SERVICE_COLUMNS =
      "data_year, npi, hcpcs_code, hcpcs_description, hcpcs_drug, place_of_service, total_beneficiaries,"
          + " beneficiaries_suppressed, total_services, total_beneficiary_day_services, avg_submitted_charge,"
          + " avg_allowed_amount, avg_payment_amount, avg_standardized_amount, source_line";
  private static final String PROVIDER_COLUMNS =
      "data_year, npi, last_org_name, first_name, middle_initial, credentials, sex, entity_code, street1, street2, city,"
          + " state, zip5, country, provider_type, medicare_participating";

  private final BulkConnections connections;

  PartBLoader(BulkConnections connections) {
    this.connections = connections;
  }

  @Override
  public String kind() {
    return "partb";
  }

  @Override
  public Dataset dataset() {
    return Dataset.PART_B;
  }

  @Override
  public String description() {
    return "Medicare Part B by provider and service, one data year (--year, or read from the file name)";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    int year = YearlyCsv.year(context, "data year");
    var tables = new YearlyTables(TABLES, year);
    try (Connection serviceConnection = connections.open("partb-copy");
        Connection providerConnection = connections.open("partb-copy-providers");
        Connection c = connections.open("partb-publish")) {
      CopyWriter services = tables.copyInto(serviceConnection, "partb_service", SERVICE_COLUMNS);
      CopyWriter providers =
          tables.copyInto(providerConnection, "partb_provider", PROVIDER_COLUMNS);
      var read =
          YearlyCsv.loadYear(
              context,
              ',',
              tables,
              c,
              List.of(services, providers),
              new Rows(year, services, providers, context),
              connection -> prepare(connection, tables, year, "_y" + year + "_next"));
      return new Outcome(
          true,
          read.rowsLoaded(),
          YearlyTables.count(c, "SELECT count(*) FROM partb_service WHERE data_year = " + year),
          Map.of(),
          year);
    }
  }

  /** Checks each row and writes it into the year's tables. */
  private static final class Rows implements YearlyCsv.Rows {
    private final int year;
    private final CopyWriter services;
    private final CopyWriter providers;
    private final LoadContext context;
    private PartBColumns.@Nullable Mapping columns;
    private long previousNpi = -1;

    Rows(int year, CopyWriter services, CopyWriter providers, LoadContext context) {
      this.year = year;
      this.services = services;
      this.providers = providers;
      this.context = context;
    }

    @Override
    public void header(CsvHeader header) throws Exception {
      columns = PartBColumns.recognise(header, context.sourceName());
    }

    @Override
    public boolean row(CsvRecord row, CsvHeader header) throws IOException {
      if (!write(row, columns, header, year, services, providers, previousNpi, context)) {
        return false;
      }
      previousNpi = Long.parseLong(row.getField(columns.at(NPI)));
      return true;
    }
  }

  /** Checks a row and writes it; false when it was rejected. */
  private static boolean write(
      CsvRecord row,
      PartBColumns.Mapping columns,
      CsvHeader header,
      int year,
      CopyWriter services,
      CopyWriter providers,
      long previousNpi,
      LoadContext context)
      throws IOException {
    long line = row.getStartingLineNumber();
    String file = context.sourceName();
    String npi = row.getField(columns.at(NPI));
    String problem = Npi.problem(npi);
    if (problem != null) {
      context.reject(new Reject(file, line, header.name(columns.at(NPI)), problem, npi));
      return false;
    }
    String place = row.getField(columns.at(PLACE));
    if (!place.equals("F") && !place.equals("O")) {
      context.reject(
          new Reject(
              file,
              line,
              header.name(columns.at(PLACE)),
              "Place of service must be F or O",
              place));
      return false;
    }
    String hcpcs = row.getField(columns.at(HCPCS));
    if (hcpcs.isEmpty()) {
      context.reject(
          new Reject(file, line, header.name(columns.at(HCPCS)), "Missing HCPCS code", null));
      return false;
    }
    int[] numeric = {BENES, SERVICES, BENE_DAY_SERVICES, SUBMITTED, ALLOWED, PAYMENT, STANDARDIZED};
    String[] values = new String[numeric.length];
    for (int i = 0; i < numeric.length; i++) {
      int position = columns.at(numeric[i]);
      String value = position < 0 ? "" : row.getField(position).strip();
      if (!value.isEmpty() && !YearlyCsv.isDecimal(value)) {
        context.reject(new Reject(file, line, header.name(position), "Not a number", value));
        return false;
      }
      values[i] = value.isEmpty() ? null : value;
    }
    if (values[0] != null && !values[0].matches("[0-9]+")) {
      context.reject(
          new Reject(file, line, header.name(columns.at(BENES)), "Not a whole number", values[0]));
      return false;
    }
    long npiValue = Long.parseLong(npi);
    services
        .field(year)
        .field(npiValue)
        .field(hcpcs)
        .field(blank(row, columns, HCPCS_DESC))
        .field(yesNo(row.getField(columns.at(DRUG))))
        .field(place)
        .field(values[0])
        .field(values[0] == null)
        .field(values[1])
        .field(values[2])
        .field(values[3])
        .field(values[4])
        .field(values[5])
        .field(values[6])
        .field(line);
    services.endRow();
    if (npiValue != previousNpi) {
      String zip = blank(row, columns, ZIP);
      providers
          .field(year)
          .field(npiValue)
          .field(blank(row, columns, LAST))
          .field(blank(row, columns, FIRST))
          .field(blank(row, columns, MI))
          .field(blank(row, columns, CREDENTIALS))
          .field(blank(row, columns, SEX))
          .field(blank(row, columns, ENTITY))
          .field(blank(row, columns, STREET1))
          .field(blank(row, columns, STREET2))
          .field(blank(row, columns, CITY))
          .field(blank(row, columns, STATE))
          .field(zip == null ? null : zip.substring(0, Math.min(5, zip.length())))
          .field(blank(row, columns, COUNTRY))
          .field(blank(row, columns, TYPE))
          .field(yesNo(row.getField(columns.at(PARTICIPATING))));
      providers.endRow();
    }
    return true;
  }

  /**
   * Indexes, the provider table deduplicated, the rollups with their percentiles: all on the year's
   * own tables.
   */
  private static void prepare(Connection c, YearlyTables tables, int year, String suffix)
      throws SQLException {
    execute(c, "SET maintenance_work_mem = '512MB'");
    // the file lists a provider's rows together; should it not, keep one row per NPI
    execute(
        c,
        "DELETE FROM partb_provider"
            + suffix
            + " a USING partb_provider"
            + suffix
            + " b"
            + " WHERE a.npi = b.npi AND a.ctid > b.ctid");
    execute(c, "ALTER TABLE partb_provider" + suffix + " ADD PRIMARY KEY (data_year, npi)");
    execute(c, "CREATE INDEX ON partb_service" + suffix + " (npi)");
    execute(c, "CREATE INDEX ON partb_service" + suffix + " (hcpcs_code, npi)");
    tables.create(c, "partb_rollup");
    execute(
        c,
        """
        INSERT INTO partb_rollup%1$s (data_year, npi, provider_type, state, services, beneficiaries, suppressed_rows,
                                      rows, allowed_amount, payment_amount, top_procedures, services_percentile,
                                      payment_percentile)
        WITH totals AS (
            SELECT npi, sum(total_services) AS services, sum(total_beneficiaries) AS beneficiaries,
                   count(*) FILTER (WHERE beneficiaries_suppressed) AS suppressed_rows, count(*) AS rows,
                   coalesce(sum(avg_allowed_amount * total_services), 0) AS allowed,
                   coalesce(sum(avg_payment_amount * total_services), 0) AS payment
            FROM partb_service%1$s GROUP BY npi),
        by_code AS (
            SELECT npi, hcpcs_code, max(hcpcs_description) AS description, sum(total_services) AS services,
                   row_number() OVER (PARTITION BY npi ORDER BY sum(total_services) DESC, hcpcs_code) AS rank
            FROM partb_service%1$s GROUP BY npi, hcpcs_code),
        top AS (
            SELECT npi, jsonb_agg(jsonb_build_object('hcpcs', hcpcs_code, 'description', description,
                                                     'services', services) ORDER BY rank) AS procedures
            FROM by_code WHERE rank <= 5 GROUP BY npi)
        SELECT %2$d, t.npi, p.provider_type, p.state, coalesce(t.services, 0), t.beneficiaries, t.suppressed_rows,
               t.rows, round(t.allowed, 2), round(t.payment, 2), coalesce(top.procedures, '[]'::jsonb),
               round((100 * percent_rank() OVER (PARTITION BY p.provider_type, p.state ORDER BY t.services))::numeric, 2),
               round((100 * percent_rank() OVER (PARTITION BY p.provider_type, p.state ORDER BY t.payment))::numeric, 2)
        FROM totals t LEFT JOIN top ON top.npi = t.npi LEFT JOIN partb_provider%1$s p ON p.npi = t.npi
        """
            .formatted(suffix, year));
    execute(c, "ALTER TABLE partb_rollup" + suffix + " ADD PRIMARY KEY (data_year, npi)");
    for (String table : TABLES) {
      execute(c, "ANALYZE " + tables.next(table));
    }
  }

  private static @Nullable String blank(CsvRecord row, PartBColumns.Mapping columns, int field) {
    int position = columns.at(field);
    if (position < 0) {
      return null;
    }
    String value = row.getField(position).strip();
    return value.isEmpty() ? null : value;
  }

  private static @Nullable Boolean yesNo(String value) {
    return switch (value) {
      case "Y" -> Boolean.TRUE;
      case "N" -> Boolean.FALSE;
      default -> null;
    };
  }
}
