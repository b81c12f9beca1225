package db.migration;

import de.siegmar.fastcsv.reader.CsvReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the CMS "Medicare Provider and Supplier Taxonomy Crosswalk" (about 2020), bundled as {@code
 * reference/medicare_specialty_to_taxonomy_crosswalk.csv} (a US government work), into {@code
 * medicare_specialty_taxonomy}: each Medicare specialty to the first NUCC code the crosswalk lists
 * for it, its most general (Dermatology to 207N00000X, not to each of its subspecialties, which
 * would make every dermatologist a Mohs surgeon). The key is the specialty as the CMS files spell
 * it ("Physician/" dropped), reduced by {@link #key}: the provider module reduces a file's value
 * the same way in SQL.
 *
 * <p>Some specialties are spelled otherwise in the Part B and Part D files than in this crosswalk,
 * or are newer: those that occur in the bundled samples are added as aliases (source ALIAS), each
 * to the crosswalk row or NUCC code it names. A specialty with neither (Part D's "Psychiatry &
 * Neurology") has no taxonomy: such a provider is still found by every other filter.
 */
public class V84__Medicare_specialty_crosswalk extends BaseJavaMigration {

  static final String RESOURCE = "/reference/medicare_specialty_to_taxonomy_crosswalk.csv";

  /** Spellings of the CMS files to the crosswalk's own ("Physician/" dropped). */
  private static final Map<String, String> SPELLINGS =
      Map.of(
          "Cardiology", "Cardiovascular Disease (Cardiology)", // Part D 2013
          "Cardiac Electrophysiology", "Clinical Cardiac Electrophysiology", // Part D 2013
          "Multispecialty Clinic/Group Practice", "Clinic or Group Practice", // Part D 2013
          "Clinical Psychologist", "Psychologist, Clinical"); // Part D 2013

  /** Specialties the 2020 crosswalk lacks, to the NUCC code of the same name. */
  private static final Map<String, String> CODES =
      Map.of(
          // Part B 2021 (Medicare's specialty for Mohs surgeons since 2020): NUCC "Dermatology,
          // MOHS-Micrographic Surgery"
          "Micrographic Dermatologic Surgery", "207ND0101X",
          // Part D 2013: NUCC "Student in an Organized Health Care Education/Training Program"
          "Student in an Organized Health Care Education/Training Program", "390200000X",
          // Part D 2013: NUCC "Ambulatory Health Care Facilities, Clinic/Center"
          "Clinic/Center", "261Q00000X");

  /** Lower case, every run of other characters than letters and digits one space, trimmed. */
  static String key(String specialty) {
    return specialty.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  @Override
  public void migrate(Context context) throws Exception {
    Map<String, String[]> rows = new LinkedHashMap<>(); // key -> medicare code, taxonomy code
    try (InputStream in = V84__Medicare_specialty_crosswalk.class.getResourceAsStream(RESOURCE);
        var reader =
            CsvReader.builder()
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      for (var row : reader) {
        if (header) {
          header = false;
          continue;
        }
        if (row.getFieldCount() < 3) {
          continue;
        }
        String medicareCode = row.getField(0).replaceAll("\\[[0-9]+]", "").strip();
        // a code cell may hold several codes, one a line: the first
        String code = row.getField(2).strip().split("\\s+")[0];
        String description =
            row.getField(1).replaceAll("\\[[0-9]+]", "").replaceFirst("^Physician/", "").strip();
        // footnotes ("[1] Medicare no longer enrolls...") and specialties without a code are not
        // specialties to map
        if (medicareCode.isEmpty()
            || medicareCode.startsWith("[")
            || !code.matches("[0-9A-Z]{9}X")) {
          continue;
        }
        rows.putIfAbsent(key(description), new String[] {medicareCode, code});
      }
    }
    try (var insert =
        context
            .getConnection()
            .prepareStatement(
                "INSERT INTO medicare_specialty_taxonomy (specialty, medicare_code, taxonomy_code, source) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (specialty) DO NOTHING")) {
      for (var row : rows.entrySet()) {
        add(insert, row.getKey(), row.getValue()[0], row.getValue()[1], "CROSSWALK");
      }
      for (var spelling : SPELLINGS.entrySet()) {
        String[] target = rows.get(key(spelling.getValue()));
        if (target == null) {
          throw new IllegalStateException("The crosswalk has no " + spelling.getValue());
        }
        add(insert, key(spelling.getKey()), target[0], target[1], "ALIAS");
      }
      for (var code : CODES.entrySet()) {
        add(insert, key(code.getKey()), null, code.getValue(), "ALIAS");
      }
      insert.executeBatch();
    }
  }

  private static void add(
      java.sql.PreparedStatement insert,
      String key,
      String medicareCode,
      String code,
      String source)
      throws java.sql.SQLException {
    insert.setString(1, key);
    insert.setString(2, medicareCode);
    insert.setString(3, code);
    insert.setString(4, source);
    insert.addBatch();
  }
}
