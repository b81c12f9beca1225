package com.medsales.provider.internal;

import com.medsales.ingest.CopyWriter;
import com.medsales.ingest.CsvHeader;
import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.Reject;
import com.medsales.ingest.YearlyTables;
import com.medsales.shared.Npi;
import java.sql.Connection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The NPPES deactivation report: NPI and deactivation date a row. CMS publishes it as a
 * spreadsheet, zipped; this reads the spreadsheet, a CSV export of it, or either zipped ({@link
 * DeactivationReport}), columns found by name: "NPI" and one whose name contains "Deactivation
 * Date" (a format taken from the published report's columns, as no sample file is at hand).
 * Deactivated providers stay in the registry, marked so.
 */
@Component
class NppesDeactivationLoader implements DatasetLoader {

  private final NppesLoads loads;

  NppesDeactivationLoader(NppesLoads loads) {
    this.loads = loads;
  }

  @Override
  public String kind() {
    return "nppes-deactivations";
  }

  @Override
  public Dataset dataset() {
    return Dataset.NPPES;
  }

  @Override
  public String description() {
    return "NPPES deactivation report (.xlsx, .csv or zipped; NPI, deactivation date): marks providers deactivated";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    loads.checksum(context);
    long rowsRead = 0;
    long loaded = 0;
    try (Connection copy = loads.connection("nppes-deactivations-copy");
        Connection c = loads.connection("nppes-deactivations-publish")) {
      copy.setAutoCommit(false);
      YearlyTables.execute(copy, "DROP TABLE IF EXISTS provider_deactivation_stage");
      YearlyTables.execute(
          copy, "CREATE TABLE provider_deactivation_stage (npi bigint, deactivation_date date)");
      var writer =
          new CopyWriter(
              copy, "COPY provider_deactivation_stage (npi, deactivation_date) FROM STDIN");
      try (DeactivationReport report = DeactivationReport.open(context.file())) {
        String fileName = report.fileName();
        CsvHeader header = new CsvHeader(fileName, report.header());
        int npi = header.required("NPI");
        int date = deactivationDateColumn(header, fileName);
        for (DeactivationReport.Row row = report.next(); row != null; row = report.next()) {
          rowsRead++;
          long line = row.line();
          String npiText = row.get(npi);
          String problem = Npi.problem(npiText);
          String iso = Fields.isoDate(row.get(date));
          if (problem != null) {
            context.reject(new Reject(fileName, line, "NPI", problem, npiText));
          } else if (iso == null || iso == Fields.BAD) {
            context.reject(
                new Reject(
                    fileName, line, header.name(date), "Not a date (MM/DD/YYYY)", row.get(date)));
          } else {
            writer.field(npiText).field(iso);
            writer.endRow();
            loaded++;
          }
          if ((rowsRead & 1023) == 0) {
            context.progress("loading", 0, rowsRead, loaded);
          }
        }
        writer.finish();
        context.progress("loading", 0, rowsRead, loaded);
      } finally {
        writer.close();
      }
      context.checkRejectThreshold(rowsRead);
      c.setAutoCommit(false);
      try {
        YearlyTables.execute(
            c,
            """
            INSERT INTO provider_change (run_id, npi, change, groups)
            SELECT DISTINCT ON (s.npi) %d, s.npi, CASE WHEN p.npi IS NULL OR p.active THEN 'DEACTIVATED' ELSE 'UPDATED' END,
                   '{status}'
            FROM provider_deactivation_stage s LEFT JOIN provider p ON p.npi = s.npi
            WHERE p.npi IS NULL OR p.deactivation_date IS DISTINCT FROM s.deactivation_date
            ORDER BY s.npi, s.deactivation_date DESC
            """
                .formatted(context.runId()));
        YearlyTables.execute(
            c,
            """
            UPDATE provider p SET deactivation_date = s.deactivation_date,
                   active = p.reactivation_date IS NOT NULL AND p.reactivation_date >= s.deactivation_date
            FROM (SELECT npi, max(deactivation_date) AS deactivation_date FROM provider_deactivation_stage GROUP BY npi) s
            WHERE p.npi = s.npi AND p.deactivation_date IS DISTINCT FROM s.deactivation_date
            """);
        YearlyTables.execute(
            c,
            """
            INSERT INTO provider (npi, deactivation_date, active, hash_name, hash_addresses, hash_taxonomies,
                                  hash_identifiers, hash_status, hash_other)
            SELECT npi, max(deactivation_date), false, 0, 0, 0, 0, 0, 0 FROM provider_deactivation_stage s
            WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.npi = s.npi) GROUP BY npi
            """);
        YearlyTables.execute(c, "DROP TABLE provider_deactivation_stage");
        Map<String, Long> changes = RegistryPublisher.changeCounts(c, context.runId());
        c.commit();
        return new Outcome(
            true, loaded, YearlyTables.count(c, "SELECT count(*) FROM provider"), changes, null);
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static int deactivationDateColumn(CsvHeader header, String fileName)
      throws CsvHeader.MissingColumn {
    int position =
        header.optional("NPPES Deactivation Date", "NPI Deactivation Date", "Deactivation Date");
    if (position < 0) {
      throw new CsvHeader.MissingColumn(fileName, "Deactivation Date");
    }
    return position;
  }
}
