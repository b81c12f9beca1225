package com.medsales.utilization.internal;

import static com.medsales.utilization.internal.PartBColumns.*;
import static com.medsales.ingest.YearlyTables.execute;

import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CountingInputStream;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.Reject;
import com.medsales.ingest.Sources;
import com.medsales.ingest.YearlyTables;
import com.medsales.platform.BulkConnections;
import com.medsales.shared.Npi;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Loads one data year of Medicare Part B by provider and service. The year comes from {@code --year} or the file's
 * name, and is refused when neither tells it. Rows stream through COPY into standalone tables for that year, the
 * per-provider rollups and percentiles are computed from them with set-based SQL, and the three tables replace that
 * year's partitions in one transaction: other years are untouched, a reload replaces exactly its year.
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
    Integer year = context.requestedYear() != null ? context.requestedYear() : YearlyTables.yearFromName(context.sourceName());
    if (year == null) {
      throw new IllegalArgumentException(
          "Cannot tell the data year of " + context.sourceName() + ": give it with --year (or \"year\" in the API)");
    }
    Sources.requireCompleteLastLine(context.file(), context.sourceName());
    var tables = new YearlyTables(TABLES, year);
    String suffix = "_y" + year + "_next";
    long rowsRead = 0;
    long loaded = 0;
    long size = Files.size(context.file());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Connection serviceConnection = connections.open("partb-copy");
        Connection providerConnection = connections.open("partb-copy-providers");
        Connection c = connections.open("partb-publish")) {
      CopyWriter services = tables.copyInto(serviceConnection, "partb_service", SERVICE_COLUMNS);
      CopyWriter providers = tables.copyInto(providerConnection, "partb_provider", PROVIDER_COLUMNS);
      try (var counting = new CountingInputStream(new DigestInputStream(Files.newInputStream(context.file()), sha));
          var reader =
              CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
                  .ofCsvRecord(new InputStreamReader(counting, StandardCharsets.UTF_8.newDecoder()
                      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
        Iterator<CsvRecord> rows = reader.iterator();
        if (!rows.hasNext()) {
          throw new IOException(context.sourceName() + " is empty: no header row");
        }
        CsvHeader header = new CsvHeader(context.sourceName(), rows.next().getFields());
        PartBColumns.Mapping columns = PartBColumns.recognise(header, context.sourceName());
        long previousNpi = -1;
        while (rows.hasNext()) {
          CsvRecord row = rows.next();
          rowsRead++;
          if (write(row, columns, header, year, services, providers, previousNpi, context)) {
            previousNpi = Long.parseLong(row.getField(columns.at(NPI)));
            loaded++;
          }
          if ((rowsRead & 1023) == 0) {
            context.progress("loading", counting.count(), rowsRead, loaded);
          }
        }
        context.progress("loading", counting.count(), rowsRead, loaded);
      } catch (Exception e) {
        services.close();
        providers.close();
        tables.discard(c);
        throw e;
      }
      services.finish();
      providers.finish();
      context.sourceDigest(HexFormat.of().formatHex(sha.digest()), size);
      try {
        context.checkRejectThreshold(rowsRead);
        context.progress("indexing", size, rowsRead, loaded);
        prepare(c, tables, year, suffix);
        context.progress("publishing", size, rowsRead, loaded);
        tables.publish(c);
      } catch (Exception e) {
        tables.discard(c);
        throw e;
      }
      return new Outcome(true, loaded, YearlyTables.count(c, "SELECT count(*) FROM partb_service WHERE data_year = " + year), Map.of(), year);
    }
  }

  /** Checks a row and writes it; false when it was rejected. */
  private static boolean write(
      CsvRecord row, PartBColumns.Mapping columns, CsvHeader header, int year, CopyWriter services, CopyWriter providers,
      long previousNpi, LoadContext context) throws IOException {
    long line = row.getStartingLineNumber();
    String file = context.sourceName();
    if (row.getFieldCount() != header.size()) {
      context.reject(new Reject(file, line, null, "Expected " + header.size() + " fields, found " + row.getFieldCount(), null));
      return false;
    }
    for (int i = 0; i < row.getFieldCount(); i++) {
      if (row.getField(i).indexOf('\uFFFD') >= 0) {
        context.reject(new Reject(file, line, header.name(i), "Not valid UTF-8 text", row.getField(i)));
        return false;
      }
    }
    String npi = row.getField(columns.at(NPI));
    String problem = Npi.problem(npi);
    if (problem != null) {
      context.reject(new Reject(file, line, header.name(columns.at(NPI)), problem, npi));
      return false;
    }
    String place = row.getField(columns.at(PLACE));
    if (!place.equals("F") && !place.equals("O")) {
      context.reject(new Reject(file, line, header.name(columns.at(PLACE)), "Place of service must be F or O", place));
      return false;
    }
    String hcpcs = row.getField(columns.at(HCPCS));
    if (hcpcs.isEmpty()) {
      context.reject(new Reject(file, line, header.name(columns.at(HCPCS)), "Missing HCPCS code", null));
      return false;
    }
    int[] numeric = {BENES, SERVICES, BENE_DAY_SERVICES, SUBMITTED, ALLOWED, PAYMENT, STANDARDIZED};
    String[] values = new String[numeric.length];
    for (int i = 0; i < numeric.length; i++) {
      int position = columns.at(numeric[i]);
      String value = position < 0 ? "" : row.getField(position).strip();
      if (!value.isEmpty() && !isDecimal(value)) {
        context.reject(new Reject(file, line, header.name(position), "Not a number", value));
        return false;
      }
      values[i] = value.isEmpty() ? null : value;
    }
    if (values[0] != null && !values[0].matches("[0-9]+")) {
      context.reject(new Reject(file, line, header.name(columns.at(BENES)), "Not a whole number", values[0]));
      return false;
    }
    long npiValue = Long.parseLong(npi);
    services.field(year).field(npiValue).field(hcpcs).field(blank(row, columns, HCPCS_DESC))
        .field(yesNo(row.getField(columns.at(DRUG)))).field(place).field(values[0]).field(values[0] == null)
        .field(values[1]).field(values[2]).field(values[3]).field(values[4]).field(values[5]).field(values[6])
        .field(line);
    services.endRow();
    if (npiValue != previousNpi) {
      String zip = blank(row, columns, ZIP);
      providers.field(year).field(npiValue).field(blank(row, columns, LAST)).field(blank(row, columns, FIRST))
          .field(blank(row, columns, MI)).field(blank(row, columns, CREDENTIALS)).field(blank(row, columns, SEX))
          .field(blank(row, columns, ENTITY)).field(blank(row, columns, STREET1)).field(blank(row, columns, STREET2))
          .field(blank(row, columns, CITY)).field(blank(row, columns, STATE))
          .field(zip == null ? null : zip.substring(0, Math.min(5, zip.length()))).field(blank(row, columns, COUNTRY))
          .field(blank(row, columns, TYPE)).field(yesNo(row.getField(columns.at(PARTICIPATING))));
      providers.endRow();
    }
    return true;
  }

  /** Indexes, the provider table deduplicated, the rollups with their percentiles: all on the year's own tables. */
  private static void prepare(Connection c, YearlyTables tables, int year, String suffix) throws SQLException {
    execute(c, "SET maintenance_work_mem = '512MB'");
    // the file lists a provider's rows together; should it not, keep one row per NPI
    execute(c, "DELETE FROM partb_provider" + suffix + " a USING partb_provider" + suffix + " b"
        + " WHERE a.npi = b.npi AND a.ctid > b.ctid");
    tables.constrainYear(c, "partb_service");
    tables.constrainYear(c, "partb_provider");
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
    tables.constrainYear(c, "partb_rollup");
    execute(c, "ALTER TABLE partb_rollup" + suffix + " ADD PRIMARY KEY (data_year, npi)");
    for (String table : TABLES) {
      execute(c, "ANALYZE " + tables.next(table));
    }
  }

  private static boolean isDecimal(String value) {
    try {
      new BigDecimal(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
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
