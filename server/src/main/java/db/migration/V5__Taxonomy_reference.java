package db.migration;

import de.siegmar.fastcsv.reader.CsvReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the NUCC Health Care Provider Taxonomy code set, version 25.1 (July 2025), bundled as
 * {@code reference/nucc_taxonomy_251.csv} (free to use with attribution to the NUCC). A newer code
 * set arrives as a new migration that upserts it.
 */
public class V5__Taxonomy_reference extends BaseJavaMigration {

  static final String RESOURCE = "/reference/nucc_taxonomy_251.csv";

  @Override
  public void migrate(Context context) throws Exception {
    try (InputStream in = V5__Taxonomy_reference.class.getResourceAsStream(RESOURCE);
        var reader =
            CsvReader.builder()
                .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8));
        var insert =
            context
                .getConnection()
                .prepareStatement(
                    "INSERT INTO taxonomy (code, grouping, classification, specialization, display_name, section)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
      for (var row : reader) {
        String code = row.getField("Code").strip();
        if (code.isEmpty()) {
          continue;
        }
        insert.setString(1, code);
        insert.setString(2, blankToNull(row.getField("Grouping")));
        insert.setString(3, blankToNull(row.getField("Classification")));
        insert.setString(4, blankToNull(row.getField("Specialization")));
        insert.setString(5, blankToNull(row.getField("Display Name")));
        insert.setString(6, blankToNull(row.getField("Section")));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String blankToNull(String value) {
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }
}
