package com.medsales.territory.internal;

import com.medsales.platform.InvalidFields;
import com.medsales.shared.NulBytes;
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
 * A ZIP-to-territory alignment file as sales operations keep it: a header naming a ZIP column
 * ({@code zip}, {@code zip5}, {@code zip_code}) or a county column, and a territory column (by
 * name: {@code territory}, {@code territory_name}; or by id: {@code territory_id}), optionally
 * {@code level} and {@code parent} (for territories the file creates). A county is given by its
 * Census GEOID ({@code county_fips}, {@code fips}, {@code county_geoid}, or a 5-digit {@code
 * county}) or by name ({@code county}, {@code county_name}) with a USPS {@code state} column. A
 * line with a ZIP aligns that ZIP (its county, if any, is only information); a line without a ZIP
 * aligns its county. Comma- or tab-separated, UTF-8. Each line is checked on its own; the refused
 * ones are rejects with their line number.
 */
public record AlignmentFile(boolean byId, int rowsRead, List<Row> rows, List<Reject> rejects) {

  public static final int MAX_ROWS = 100_000;

  /** A ZIP line ({@code zip5} set) or a county line (GEOID, or state and county name). */
  public record Row(
      int line,
      @Nullable String zip5,
      @Nullable String countyGeoid,
      @Nullable String countyState,
      @Nullable String countyName,
      String territory,
      @Nullable String parent) {}

  public record Reject(int line, String reason) {}

  private static final Set<String> ZIP_COLUMNS =
      Set.of("zip", "zip5", "zip_code", "zipcode", "zip_5");
  private static final Set<String> NAME_COLUMNS = Set.of("territory", "territory_name");
  private static final Set<String> ID_COLUMNS = Set.of("territory_id");
  private static final Set<String> PARENT_COLUMNS =
      Set.of("parent", "parent_name", "parent_territory");
  private static final Set<String> COUNTY_FIPS_COLUMNS =
      Set.of(
          "county_fips",
          "fips",
          "county_geoid",
          "geoid",
          "county_code",
          "fips_code",
          "county_fips_code");
  private static final Set<String> COUNTY_NAME_COLUMNS = Set.of("county", "county_name");
  private static final Set<String> STATE_COLUMNS = Set.of("state", "st", "state_code", "usps");
  private static final Pattern FIPS = Pattern.compile("[0-9]{5}");
  private static final Pattern SHORT_FIPS = Pattern.compile("[0-9]{4}");
  private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern ZIP = Pattern.compile("([0-9]{5})(-?[0-9]{4})?");
  private static final Pattern SHORT_ZIP = Pattern.compile("[0-9]{3,4}");

  public static AlignmentFile parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int nulLine = NulBytes.lineOfFirst(text);
    if (nulLine > 0) {
      throw InvalidFields.of(
          "file", "has a NUL byte on line " + nulLine + "; it is not a text CSV file");
    }
    String firstLine = text.lines().findFirst().orElse("");
    char separator = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
    var records =
        CsvReader.builder()
            .fieldSeparator(separator)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(text)
            .stream()
            .iterator();
    if (!records.hasNext()) {
      throw InvalidFields.of(
          "file", "is empty; it needs a header with a zip and a territory column");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.next().getFields();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(
          header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"), i);
    }
    Integer zip = column(columns, ZIP_COLUMNS);
    Integer fips = column(columns, COUNTY_FIPS_COLUMNS);
    Integer countyName = column(columns, COUNTY_NAME_COLUMNS);
    Integer state = column(columns, STATE_COLUMNS);
    Integer id = column(columns, ID_COLUMNS);
    Integer territory = id != null ? id : column(columns, NAME_COLUMNS);
    Integer level = columns.get("level");
    Integer parent = column(columns, PARENT_COLUMNS);
    if ((zip == null && fips == null && countyName == null) || territory == null) {
      throw InvalidFields.of(
          "file",
          "needs a zip column (zip, zip5 or zip_code) or a county column (county_fips, or county with a state column),"
              + " and a territory column (territory, territory_name or territory_id); its header has "
              + header);
    }

    List<Row> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Map<String, Row> byZip = new HashMap<>();
    Map<String, Row> byCounty = new HashMap<>();
    int read = 0;
    while (records.hasNext()) {
      CsvRecord record = records.next();
      int line = (int) record.getStartingLineNumber();
      if (record.getFields().stream().allMatch(String::isBlank)) {
        continue;
      }
      if (++read > MAX_ROWS) {
        throw InvalidFields.of("file", "has more than " + MAX_ROWS + " rows");
      }
      String rawZip = zip == null ? "" : field(record, zip);
      String rawFips = fips == null ? "" : field(record, fips);
      String rawCounty = countyName == null ? "" : field(record, countyName);
      String rawState = state == null ? "" : field(record, state);
      String name = field(record, territory);
      String levelValue = level == null ? "" : field(record, level);
      String parentName = parent == null ? "" : field(record, parent);
      var zipMatch = ZIP.matcher(rawZip);
      boolean countyLine = rawZip.isEmpty() && !(rawFips.isEmpty() && rawCounty.isEmpty());
      if (rawFips.isEmpty() && FIPS.matcher(rawCounty).matches()) {
        rawFips = rawCounty;
      }
      if (countyLine && !rawFips.isEmpty() && !FIPS.matcher(rawFips).matches()) {
        rejects.add(
            new Reject(
                line,
                SHORT_FIPS.matcher(rawFips).matches()
                    ? "county FIPS '"
                        + rawFips
                        + "' has fewer than 5 digits (did a spreadsheet drop its leading zero?)"
                    : "'" + rawFips + "' is not a 5-digit county FIPS code (state and county)"));
        continue;
      }
      if (countyLine && rawFips.isEmpty() && !STATE.matcher(rawState).matches()) {
        rejects.add(
            new Reject(
                line,
                "county '" + rawCounty + "' needs its state's 2-letter code in a state column"));
        continue;
      }
      if (!countyLine && rawZip.isEmpty()) {
        rejects.add(new Reject(line, "names no ZIP and no county"));
        continue;
      }
      if (!countyLine && !zipMatch.matches()) {
        rejects.add(
            new Reject(
                line,
                SHORT_ZIP.matcher(rawZip).matches()
                    ? "ZIP '"
                        + rawZip
                        + "' has fewer than 5 digits (did a spreadsheet drop its leading zeros?)"
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
        rejects.add(
            new Reject(
                line,
                "level '" + levelValue + "': ZIPs align to TERRITORY-level territories only"));
        continue;
      }
      String parentOrNull = parentName.isEmpty() ? null : parentName;
      Row row;
      String key;
      if (countyLine) {
        boolean byFips = !rawFips.isEmpty();
        row =
            new Row(
                line,
                null,
                byFips ? rawFips : null,
                byFips ? null : rawState.toUpperCase(Locale.ROOT),
                byFips ? null : rawCounty,
                name,
                parentOrNull);
        key = byFips ? rawFips : row.countyState() + ":" + rawCounty.toLowerCase(Locale.ROOT);
      } else {
        row = new Row(line, zipMatch.group(1), null, null, null, name, parentOrNull);
        key = row.zip5();
      }
      Row earlier = (countyLine ? byCounty : byZip).putIfAbsent(key, row);
      if (earlier != null) {
        if (!earlier.territory().equalsIgnoreCase(row.territory())) {
          rejects.add(
              new Reject(
                  line,
                  (countyLine
                          ? "county " + (row.countyName() == null ? key : rawCounty)
                          : "ZIP " + key)
                      + " is aligned to '"
                      + earlier.territory()
                      + "' on line "
                      + earlier.line()
                      + " already"));
        }
        continue;
      }
      rows.add(row);
    }
    return new AlignmentFile(id != null, read, rows, rejects);
  }

  private static @Nullable Integer column(Map<String, Integer> columns, Set<String> names) {
    return columns.entrySet().stream()
        .filter(e -> names.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .min(Integer::compare)
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
