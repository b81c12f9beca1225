package com.medsales.territory.internal;

import com.medsales.territory.TerritoryException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A ZIP-to-territory alignment file as sales operations keep it: a header naming a ZIP column ({@code zip},
 * {@code zip5}, {@code zip_code}) and a territory column (by name: {@code territory}, {@code territory_name}; or by
 * id: {@code territory_id}), optionally {@code level} and {@code parent} (for territories the file creates).
 * Comma- or tab-separated, UTF-8. Each line is checked on its own; the refused ones are rejects with their line number.
 */
public record AlignmentFile(boolean byId, int rowsRead, List<Row> rows, List<Reject> rejects) {

  public static final int MAX_ROWS = 100_000;

  public record Row(int line, String zip5, String territory, @Nullable String parent) {}

  public record Reject(int line, String reason) {}

  private static final Set<String> ZIP_COLUMNS = Set.of("zip", "zip5", "zip_code", "zipcode", "zip_5");
  private static final Set<String> NAME_COLUMNS = Set.of("territory", "territory_name");
  private static final Set<String> ID_COLUMNS = Set.of("territory_id");
  private static final Set<String> PARENT_COLUMNS = Set.of("parent", "parent_name", "parent_territory");
  private static final Set<String> COUNTY_COLUMNS = Set.of("county", "county_name", "county_fips", "fips", "county_code");
  private static final Pattern ZIP = Pattern.compile("([0-9]{5})(-?[0-9]{4})?");
  private static final Pattern SHORT_ZIP = Pattern.compile("[0-9]{3,4}");

  public static AlignmentFile parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String firstLine = text.lines().findFirst().orElse("");
    char separator = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
    var records = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).allowExtraFields(true)
        .allowMissingFields(true).ofCsvRecord(text).stream().iterator();
    if (!records.hasNext()) {
      throw TerritoryException.invalid("file", "is empty; it needs a header with a zip and a territory column");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.next().getFields();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"), i);
    }
    if (columns.keySet().stream().anyMatch(COUNTY_COLUMNS::contains)) {
      throw TerritoryException.invalid("file",
          "has a county column, and county alignment is not supported: MedSales has no ZIP-to-county reference."
              + " Align by ZIP (a zip column), or align whole states with PUT /api/v1/territories/{id}/states");
    }
    Integer zip = column(columns, ZIP_COLUMNS);
    Integer id = column(columns, ID_COLUMNS);
    Integer territory = id != null ? id : column(columns, NAME_COLUMNS);
    Integer level = columns.get("level");
    Integer parent = column(columns, PARENT_COLUMNS);
    if (zip == null || territory == null) {
      throw TerritoryException.invalid("file",
          "needs a zip column (zip, zip5 or zip_code) and a territory column (territory, territory_name or territory_id);"
              + " its header has " + header);
    }

    List<Row> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Map<String, Row> byZip = new HashMap<>();
    int read = 0;
    while (records.hasNext()) {
      CsvRecord record = records.next();
      int line = (int) record.getStartingLineNumber();
      if (record.getFields().stream().allMatch(String::isBlank)) {
        continue;
      }
      if (++read > MAX_ROWS) {
        throw TerritoryException.invalid("file", "has more than " + MAX_ROWS + " rows");
      }
      String rawZip = field(record, zip);
      String name = field(record, territory);
      String levelValue = level == null ? "" : field(record, level);
      String parentName = parent == null ? "" : field(record, parent);
      var zipMatch = ZIP.matcher(rawZip);
      if (!zipMatch.matches()) {
        rejects.add(new Reject(line, SHORT_ZIP.matcher(rawZip).matches()
            ? "ZIP '" + rawZip + "' has fewer than 5 digits (did a spreadsheet drop its leading zeros?)"
            : "'" + rawZip + "' is not a 5-digit ZIP code"));
        continue;
      }
      if (name.isEmpty()) {
        rejects.add(new Reject(line, "names no territory"));
        continue;
      }
      if (id != null && !isUuid(name)) {
        rejects.add(new Reject(line, "territory_id '" + name + "' is not a territory id"));
        continue;
      }
      if (!levelValue.isEmpty() && !levelValue.equalsIgnoreCase("TERRITORY")) {
        rejects.add(new Reject(line, "level '" + levelValue + "': ZIPs align to TERRITORY-level territories only"));
        continue;
      }
      Row row = new Row(line, zipMatch.group(1), name, parentName.isEmpty() ? null : parentName);
      Row earlier = byZip.putIfAbsent(row.zip5(), row);
      if (earlier != null) {
        if (!earlier.territory().equalsIgnoreCase(row.territory())) {
          rejects.add(new Reject(line, "ZIP " + row.zip5() + " is aligned to '" + earlier.territory() + "' on line "
              + earlier.line() + " already"));
        }
        continue;
      }
      rows.add(row);
    }
    return new AlignmentFile(id != null, read, rows, rejects);
  }

  private static @Nullable Integer column(Map<String, Integer> columns, Set<String> names) {
    return columns.entrySet().stream().filter(e -> names.contains(e.getKey())).map(Map.Entry::getValue).min(Integer::compare)
        .orElse(null);
  }

  private static String field(CsvRecord record, int index) {
    return index < record.getFieldCount() ? record.getField(index).strip() : "";
  }

  private static boolean isUuid(String value) {
    try {
      UUID.fromString(value);
      return value.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
