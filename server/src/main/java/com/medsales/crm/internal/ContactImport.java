package com.medsales.crm.internal;

import com.medsales.crm.internal.RecordStore.Table;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RequestRefused;
import com.medsales.shared.LikePatterns;
import com.medsales.shared.Npi;
import com.medsales.shared.NulBytes;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing another CRM's contacts from CSV: each row is matched to a provider by name (trigram
 * similarity, so typos still match), ZIP and specialty, with a confidence score. Sure matches link
 * to the NPI; uncertain ones wait for the user's decision in the preview; rows without a match
 * become plain contacts. Nothing is lost: every created contact keeps its source row, and a row
 * whose provider is already a contact fills that contact's empty e-mail and phone.
 */
@Service
public class ContactImport {

  static final int MAX_ROWS = 5_000;
  static final double SURE = 0.80;
  static final double POSSIBLE = 0.45;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final RecordStore records;
  private final Contacts contacts;

  ContactImport(JdbcClient jdbc, RecordStore records, Contacts contacts) {
    this.jdbc = jdbc;
    this.records = records;
    this.contacts = contacts;
  }

  public record Row(
      long line,
      Map<String, String> input,
      @Nullable String firstName,
      String lastName,
      @Nullable String specialty,
      @Nullable String zip5,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String title,
      @Nullable String npi) {}

  public record Reject(long line, String reason) {}

  public record Candidate(
      String npi,
      String name,
      @Nullable String specialty,
      @Nullable String zip5,
      double confidence) {}

  public record Match(
      long line,
      Map<String, String> input,
      String status,
      double confidence,
      @Nullable Candidate match,
      List<Candidate> candidates,
      @Nullable UUID existingContactId) {}

  public record Preview(
      int rowsRead, List<Reject> rejects, List<Match> rows, Map<String, Long> counts) {}

  private static final Map<String, List<String>> COLUMNS =
      Map.of(
          "firstName", List.of("first_name", "firstname", "first name", "given name"),
          "lastName", List.of("last_name", "lastname", "last name", "surname", "family name"),
          "specialty", List.of("specialty", "speciality"),
          "zip5", List.of("zip", "zip5", "zip code", "zip_code", "postal code", "postal_code"),
          "email", List.of("email", "e-mail", "email address"),
          "phone", List.of("phone", "phone number", "telephone"),
          "title", List.of("title"),
          "npi", List.of("npi"));

  /** Reads the file: a header naming at least a last-name column, then one contact per line. */
  static List<Row> parse(String csv, List<Reject> rejects) {
    int nulLine = NulBytes.lineOfFirst(csv);
    if (nulLine > 0) {
      throw InvalidFields.of(
          "file", "has a NUL byte on line " + nulLine + "; it is not a text CSV file");
    }
    List<Row> rows = new ArrayList<>();
    try (var reader =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(new StringReader(csv))) {
      Iterator<CsvRecord> it = reader.iterator();
      if (!it.hasNext()) {
        throw InvalidFields.of("file", "is empty: a header row is needed");
      }
      List<String> header =
          it.next().getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      Map<String, Integer> at = new LinkedHashMap<>();
      COLUMNS.forEach(
          (field, names) -> {
            for (int i = 0; i < header.size(); i++) {
              if (names.contains(header.get(i))) {
                at.put(field, i);
                break;
              }
            }
          });
      if (!at.containsKey("lastName") && !at.containsKey("npi")) {
        throw InvalidFields.of(
            "file", "needs a last_name (or npi) column; found: " + String.join(", ", header));
      }
      while (it.hasNext()) {
        CsvRecord record = it.next();
        long line = record.getStartingLineNumber();
        if (rows.size() >= MAX_ROWS) {
          throw InvalidFields.of("file", "has more than " + MAX_ROWS + " rows; split it");
        }
        Map<String, String> input = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
          input.put(header.get(i), record.getField(i));
        }
        Map<String, @Nullable String> f = new LinkedHashMap<>();
        at.forEach(
            (field, index) ->
                f.put(
                    field,
                    index < record.getFieldCount()
                        ? Contacts.blank(record.getField(index))
                        : null));
        String npi = f.get("npi");
        if (npi != null && !Npi.isValid(npi)) {
          rejects.add(new Reject(line, "npi: " + Npi.problem(npi)));
          continue;
        }
        String zip = f.get("zip5");
        if (zip != null) {
          zip =
              zip.length() >= 5 && zip.substring(0, 5).matches("\\d{5}")
                  ? zip.substring(0, 5)
                  : null;
          if (zip == null) {
            rejects.add(new Reject(line, "zip: not a ZIP code: " + f.get("zip5")));
            continue;
          }
        }
        if (f.get("lastName") == null && npi == null) {
          rejects.add(new Reject(line, "last_name: a contact needs a last name (or an NPI)"));
          continue;
        }
        rows.add(
            new Row(
                line,
                input,
                f.get("firstName"),
                f.get("lastName") == null ? "" : f.get("lastName"),
                f.get("specialty"),
                zip,
                f.get("email"),
                f.get("phone"),
                f.get("title"),
                npi));
      }
    } catch (java.io.IOException e) {
      throw InvalidFields.of("file", "could not be read: " + e.getMessage());
    }
    return rows;
  }

  @Transactional(readOnly = true)
  public Preview preview(String csv) {
    List<Reject> rejects = new ArrayList<>();
    List<Row> rows = parse(csv, rejects);
    Map<Long, List<Candidate>> candidates = candidates(rows);
    List<Match> matches = new ArrayList<>();
    for (Row row : rows) {
      List<Candidate> found = candidates.getOrDefault(row.line(), List.of());
      Candidate best = found.isEmpty() ? null : found.getFirst();
      double second = found.size() > 1 ? found.get(1).confidence() : 0;
      String status;
      if (best != null
          && (row.npi() != null
              || (best.confidence() >= SURE && best.confidence() - second >= 0.1))) {
        status = "MATCHED";
      } else if (best != null && best.confidence() >= POSSIBLE) {
        status = "REVIEW";
      } else {
        status = "UNMATCHED";
      }
      UUID existing = null;
      if (!status.equals("UNMATCHED")) {
        existing = contacts.byNpi(Long.parseLong(best.npi())).orElse(null);
        if (status.equals("MATCHED") && existing != null) {
          status = "DUPLICATE";
        }
      }
      matches.add(
          new Match(
              row.line(),
              row.input(),
              status,
              best == null ? 0 : best.confidence(),
              status.equals("UNMATCHED") ? null : best,
              found,
              existing));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String s : List.of("MATCHED", "REVIEW", "UNMATCHED", "DUPLICATE")) {
      counts.put(s, matches.stream().filter(m -> m.status().equals(s)).count());
    }
    return new Preview(rows.size() + rejects.size(), rejects, matches, counts);
  }

  /**
   * The three best providers for every row at once, scored 60% name, 25% ZIP (or ZIP3), 15%
   * specialty.
   */
  private Map<Long, List<Candidate>> candidates(List<Row> rows) {
    Map<Long, List<Candidate>> result = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            SELECT r.line, c.npi, c.name, c.specialty, c.zip5, c.score
            FROM unnest(CAST(:lines AS bigint[]), CAST(:names AS text[]), CAST(:zips AS text[]), CAST(:specialties AS text[]),
                        CAST(:npis AS bigint[])) AS r(line, name, zip5, specialty, npi)
            CROSS JOIN LATERAL (
              SELECT p.npi, trim(concat_ws(' ', p.first_name, p.last_name)) AS name, spec.name AS specialty, loc.zip5,
                     CASE WHEN r.npi IS NOT NULL THEN 1.0 ELSE
                       0.60 * similarity(p.search_name, r.name)
                     + 0.25 * CASE WHEN r.zip5 IS NULL THEN 0
                                   WHEN EXISTS (SELECT 1 FROM provider_address a WHERE a.npi = p.npi AND a.kind <> 'MAILING' AND a.zip5 = r.zip5) THEN 1
                                   WHEN EXISTS (SELECT 1 FROM provider_address a WHERE a.npi = p.npi AND a.kind <> 'MAILING' AND left(a.zip5, 3) = left(r.zip5, 3)) THEN 0.5
                                   ELSE 0 END
                     + 0.15 * CASE WHEN r.specialty IS NULL THEN 0
                                   WHEN EXISTS (SELECT 1 FROM provider_taxonomy pt JOIN taxonomy t ON t.code = pt.code
                                                WHERE pt.npi = p.npi AND (t.display_name ILIKE '%' || r.specialty || '%'
                                                  OR t.classification ILIKE '%' || r.specialty || '%'
                                                  OR t.specialization ILIKE '%' || r.specialty || '%')) THEN 1
                                   ELSE 0 END
                     END AS score
              FROM provider p
              LEFT JOIN LATERAL (SELECT coalesce(t.display_name, t.classification) AS name FROM provider_taxonomy pt
                                 LEFT JOIN taxonomy t ON t.code = pt.code WHERE pt.npi = p.npi
                                 ORDER BY pt.is_primary DESC, pt.slot LIMIT 1) spec ON true
              LEFT JOIN LATERAL (SELECT a.zip5 FROM provider_address a WHERE a.npi = p.npi AND a.kind = 'PRACTICE'
                                 ORDER BY a.seq LIMIT 1) loc ON true
              WHERE (r.npi IS NOT NULL AND p.npi = r.npi)
                 OR (r.npi IS NULL AND p.entity_type = 1 AND p.search_name % r.name)
              ORDER BY score DESC, p.npi
              LIMIT 3
            ) c
            ORDER BY r.line, c.score DESC
            """)
        .param("lines", rows.stream().map(Row::line).toArray(Long[]::new))
        .param(
            "names",
            rows.stream().map(r -> searchName(r.firstName(), r.lastName())).toArray(String[]::new))
        .param("zips", rows.stream().map(Row::zip5).toArray(String[]::new))
        .param(
            "specialties",
            rows.stream().map(row -> LikePatterns.literal(row.specialty())).toArray(String[]::new))
        .param(
            "npis",
            rows.stream()
                .map(r -> r.npi() == null ? null : Long.parseLong(r.npi()))
                .toArray(Long[]::new))
        .query(
            (rs, n) -> {
              result
                  .computeIfAbsent(rs.getLong("line"), k -> new ArrayList<>())
                  .add(
                      new Candidate(
                          Long.toString(rs.getLong("npi")),
                          rs.getString("name"),
                          rs.getString("specialty"),
                          rs.getString("zip5"),
                          Math.round(rs.getDouble("score") * 100) / 100.0));
              return null;
            })
        .list();
    return result;
  }

  /** What search_name holds: lower case, letters and digits, single spaces. */
  static String searchName(@Nullable String first, String last) {
    return ((first == null ? "" : first) + " " + last)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  public record Result(int created, int linked, int plain, int mergedIntoExisting, int rejected) {}

  /**
   * Imports the file. {@code decisions} settles REVIEW rows by line: an NPI to link, or "none" for
   * a plain contact; an undecided REVIEW row becomes a plain contact (nothing is lost; it can be
   * linked later).
   */
  @Transactional
  public Result apply(MedsalesUser user, String csv, Map<String, String> decisions) {
    Preview preview = preview(csv);
    if (!preview.rejects().isEmpty()) {
      throw new InvalidFields(
          "The file has rows that cannot be imported; fix them and preview again.",
          Map.of(
              "file",
              preview.rejects().stream()
                  .map(r -> "line " + r.line() + ": " + r.reason())
                  .toList()));
    }
    List<Reject> ignored = new ArrayList<>();
    Map<Long, Row> rows = new LinkedHashMap<>();
    parse(csv, ignored).forEach(r -> rows.put(r.line(), r));
    int linked = 0;
    int plain = 0;
    int merged = 0;
    for (Match match : preview.rows()) {
      Row row = rows.get(match.line());
      String decision = decisions.get(Long.toString(match.line()));
      String npi =
          switch (match.status()) {
            case "MATCHED", "DUPLICATE" -> match.match().npi();
            case "REVIEW" ->
                decision != null
                        && !decision.equals("none")
                        && match.candidates().stream().anyMatch(c -> c.npi().equals(decision))
                    ? decision
                    : null;
            default -> null;
          };
      UUID existing = npi == null ? null : contacts.byNpi(Long.parseLong(npi)).orElse(null);
      if (existing != null) {
        fillEmpty(existing, row);
        merged++;
        continue;
      }
      if (npi != null
          && jdbc.sql("SELECT medsales_contact_exists(?)")
              .param(Long.parseLong(npi))
              .query(Boolean.class)
              .single()) {
        // a colleague's contact already: theirs stays as they keep it
        merged++;
        continue;
      }
      jdbc.sql(
              """
              INSERT INTO contact (tenant_id, npi, first_name, last_name, title, specialty, email, phone, zip5, owner_id,
                                   source, import_row)
              VALUES (medsales_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', ?::jsonb) RETURNING id
              """)
          .params(
              npi == null ? null : Long.parseLong(npi),
              npi == null ? row.firstName() : null,
              npi == null ? row.lastName() : null,
              row.title(),
              npi == null ? row.specialty() : null,
              row.email(),
              row.phone(),
              npi == null ? row.zip5() : null,
              user.userId(),
              JSON.writeValueAsString(row.input()))
          .query(UUID.class)
          .optional()
          .ifPresent(id -> records.created(Table.CONTACT, id));
      if (npi == null) {
        plain++;
      } else {
        linked++;
      }
    }
    return new Result(linked + plain, linked, plain, merged, 0);
  }

  private void fillEmpty(UUID contactId, Row row) {
    var current = records.current(Table.CONTACT, contactId);
    Map<String, @Nullable Object> changes = new LinkedHashMap<>();
    if (row.email() != null && current.get("email").isNull()) {
      changes.put("email", row.email());
    }
    if (row.phone() != null && current.get("phone").isNull()) {
      changes.put("phone", row.phone());
    }
    if (!changes.isEmpty()) {
      try {
        records.update(Table.CONTACT, contactId, current.get("version").asLong(), changes);
      } catch (RequestRefused notMine) {
        // a colleague's contact: the row is still reported as merged; their record stays as they
        // keep it
      }
    }
  }
}
