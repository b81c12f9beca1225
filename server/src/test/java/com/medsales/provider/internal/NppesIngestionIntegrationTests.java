package com.medsales.provider.internal;

import static com.medsales.provider.internal.NppesSamples.ORGANIZATIONS_2021;
import static com.medsales.provider.internal.NppesSamples.SAMPLE_2018;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.ingest.DataFreshness;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRun;
import com.medsales.ingest.IngestionRuns;
import com.medsales.ingest.ProgressListener;
import com.medsales.ingest.Reject;
import com.medsales.platform.BulkConnections;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.Providers;
import com.medsales.testing.OwnerJdbc;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * NPPES ingestion end to end on the real sample files, against the embedded PostgreSQL. The reject
 * share is raised to 0.5% here so that a handful of bad rows among the 998 real ones can publish;
 * {@link #failsAndPublishesNothing...} goes past it.
 */
@SpringBootTest(properties = "medsales.ingest.max-reject-share=0.005")
class NppesIngestionIntegrationTests {

  @Autowired Ingestion ingestion;
  @Autowired IngestionRuns runs;
  @Autowired Providers providers;
  // the owner: these tests empty public datasets, which the application's role may only read
  JdbcClient jdbc;

  @Autowired
  void useOwnerConnections(BulkConnections bulk) {
    jdbc = OwnerJdbc.of(bulk);
  }

  @Autowired DataFreshness freshness;
  @TempDir Path dir;

  @BeforeEach
  void emptyRegistry() {
    for (String table :
        List.of(
            "provider",
            "provider_address",
            "provider_taxonomy",
            "provider_identifier",
            "provider_other_name")) {
      jdbc.sql("TRUNCATE " + table).update();
    }
    jdbc.sql("DELETE FROM ingestion_run").update();
    freshness.evict();
  }

  private IngestionRun run(String kind, Path file) throws Exception {
    return ingestion.runNow(kind, file.toString(), ProgressListener.NONE);
  }

  @Test
  void loadsTheMonthlyArchiveFieldByField() throws Exception {
    IngestionRun run = run("nppes", NppesSamples.monthlyZip(dir));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.rowsRead()).isEqualTo(998);
    assertThat(run.rowsLoaded()).isEqualTo(998);
    assertThat(run.recordCount()).isEqualTo(998);
    assertThat(run.sourceSha256()).hasSize(64);
    var rows = NppesSamples.rows(ORGANIZATIONS_2021);
    for (NamedCsvRecord row : List.of(rows.get(0), rows.get(1), rows.get(500), rows.get(997))) {
      assertMatchesCsv(providers.find(Long.parseLong(row.getField("NPI"))).orElseThrow(), row);
    }
    // other names from othername_pfile, secondary locations from pl_pfile
    var vine = providers.find(1023011053L).orElseThrow();
    assertThat(vine.otherNames())
        .extracting(ProviderProfile.OtherName::name)
        .contains("Vine Discount Pharmacy & Medical Supply");
    long secondary =
        jdbc.sql("SELECT count(*) FROM provider_address WHERE kind = 'SECONDARY'")
            .query(Long.class)
            .single();
    assertThat(secondary).isEqualTo(9);
  }

  @Test
  void loadsIndividualsOfThe2018VintageFieldByField() throws Exception {
    IngestionRun run = run("nppes", NppesSamples.copy(dir, SAMPLE_2018));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.recordCount()).isEqualTo(99);
    var individuals =
        NppesSamples.rows(SAMPLE_2018).stream()
            .filter(r -> r.getField("Entity Type Code").equals("1"))
            .toList();
    for (NamedCsvRecord row : individuals.subList(0, 5)) {
      var profile = providers.find(Long.parseLong(row.getField("NPI"))).orElseThrow();
      assertMatchesCsv(profile, row);
      assertThat(profile.entityType()).isEqualTo(ProviderProfile.INDIVIDUAL);
      assertThat(profile.name().first())
          .isEqualTo(blankToNull(row.getField("Provider First Name")));
      assertThat(profile.sex()).isEqualTo(blankToNull(row.getField("Provider Gender Code")));
      assertThat(profile.certificationDate()).isNull(); // the 2018 file has no such column
    }
  }

  @Test
  void appliesAWeeklyFileAndADeactivationReportOnTop() throws Exception {
    run("nppes", NppesSamples.copy(dir, ORGANIZATIONS_2021));
    // a weekly file: the 2018 sample (new providers) plus one 2021 organisation that moved
    List<String> lines = NppesSamples.lines(ORGANIZATIONS_2021);
    String moved = lines.get(1);
    String npi = moved.substring(1, 11);
    String oldAddress =
        NppesSamples.rows(ORGANIZATIONS_2021)
            .get(0)
            .getField("Provider First Line Business Practice Location Address");
    String updated = moved.replace("\"" + oldAddress + "\"", "\"1 MEDICAL CENTER DR\"");
    List<String> weekly = new ArrayList<>(NppesSamples.lines(SAMPLE_2018));
    weekly.add(
        updated.substring(
            0, updated.lastIndexOf(",\""))); // the 2018 header has no Certification Date
    IngestionRun week =
        run(
            "nppes-weekly",
            NppesSamples.write(
                dir, "npidata_pfile_weekly.csv", bytes(NppesSamples.joinLines(weekly))));

    assertThat(week.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(week.recordCount()).isEqualTo(998 + 99);
    assertThat(week.changes()).containsEntry("new", 99L).containsEntry("updated", 1L);
    assertThat(changeGroups(week.id(), npi)).contains("addresses");
    assertThat(providers.find(Long.parseLong(npi)).orElseThrow().addresses())
        .filteredOn(a -> a.kind().equals("PRACTICE"))
        .extracting(ProviderProfile.Address::line1)
        .containsExactly("1 MEDICAL CENTER DR");

    Path report =
        NppesSamples.write(
            dir,
            "NPPES_Deactivated_NPI_Report.csv",
            bytes("\"NPI\",\"NPPES Deactivation Date\"\n\"" + npi + "\",\"11/02/2026\"\n"));
    IngestionRun deactivation = run("nppes-deactivations", report);

    assertThat(deactivation.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(deactivation.changes()).containsEntry("deactivated", 1L);
    var profile = providers.find(Long.parseLong(npi)).orElseThrow();
    assertThat(profile.status()).isEqualTo(ProviderProfile.DEACTIVATED);
    assertThat(profile.deactivationDate()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(profile.name().organization()).isNotNull(); // still queryable, with its facts
  }

  @Test
  void appliesTheDeactivationReportAsPublishedAZippedSpreadsheet() throws Exception {
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));
    var rows = NppesSamples.rows(SAMPLE_2018);
    long first = Long.parseLong(rows.get(0).getField("NPI"));
    long second = Long.parseLong(rows.get(1).getField("NPI"));
    Path report =
        new DeactivationWorkbooks()
            .row(String.valueOf(first), LocalDate.of(2026, 11, 2))
            .row(second, "11/03/2026")
            .writeZipped(
                dir.resolve("NPPDeactivatedNPIReport20261109.zip"),
                "NPPES Deactivated NPI Report 20261109.xlsx");

    IngestionRun deactivation = run("nppes-deactivations", report);

    assertThat(deactivation.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(deactivation.rowsRead()).isEqualTo(2);
    assertThat(deactivation.changes()).containsEntry("deactivated", 2L);
    assertThat(providers.find(first).orElseThrow().deactivationDate())
        .isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(providers.find(second).orElseThrow().deactivationDate())
        .isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(providers.find(second).orElseThrow().status())
        .isEqualTo(ProviderProfile.DEACTIVATED);
  }

  @Test
  void aMonthlyFileBringsItsSearchTablesLiveWithTheRegistryAndAWeeklyOneRebuildsThem()
      throws Exception {
    IngestionRun monthly = run("nppes", NppesSamples.copy(dir, ORGANIZATIONS_2021));

    // built in the index lanes from the _next tables and renamed in the publishing transaction: the
    // rebuild is skipped
    assertThat(searchTablesRun()).containsOnly("run " + monthly.id());
    assertThat(jdbc.sql("SELECT count(*) FROM provider_name_search").query(Long.class).single())
        .isEqualTo(
            jdbc.sql("SELECT count(DISTINCT search_name) FROM provider")
                .query(Long.class)
                .single());
    assertThat(
            jdbc.sql("SELECT count(*) FROM provider_specialty_location").query(Long.class).single())
        .isEqualTo(
            jdbc.sql(
                    """
                SELECT count(*) FROM provider_taxonomy t
                JOIN provider_address a ON a.npi = t.npi AND a.kind = 'PRACTICE' AND a.seq = 1 WHERE a.zip5 IS NOT NULL
                """)
                .query(Long.class)
                .single());
    assertThat(tableExists("provider_name_search_next")).isFalse();

    IngestionRun weekly = run("nppes-weekly", NppesSamples.copy(dir, SAMPLE_2018));

    assertThat(searchTablesRun()).containsOnly("run " + weekly.id());
    assertThat(jdbc.sql("SELECT count(*) FROM provider_name_search").query(Long.class).single())
        .isEqualTo(
            jdbc.sql("SELECT count(DISTINCT search_name) FROM provider")
                .query(Long.class)
                .single());
  }

  private List<String> searchTablesRun() {
    return jdbc.sql(
            "SELECT obj_description(CAST(t AS regclass), 'pg_class') FROM unnest(ARRAY['provider_specialty_location',"
                + " 'provider_name_search']) t")
        .query(String.class)
        .list();
  }

  @Test
  void aMonthlyFilePublishesTheRegistryWithItsKeysIndexesAndStatistics() throws Exception {
    run("nppes", NppesSamples.copy(dir, ORGANIZATIONS_2021));
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));

    // the unique indexes the two lanes built became the primary keys, and every table was analysed
    // after its
    // expression indexes (their statistics are what the affiliation queries' estimates rest on)
    for (String table :
        List.of(
            "provider",
            "provider_address",
            "provider_taxonomy",
            "provider_identifier",
            "provider_other_name")) {
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM pg_constraint WHERE conrelid = CAST(:t AS regclass) AND contype = 'p'")
                  .param("t", table)
                  .query(Long.class)
                  .single())
          .as(table)
          .isOne();
      assertThat(
              jdbc.sql(
                      "SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = :t")
                  .param("t", table)
                  .query(Boolean.class)
                  .single())
          .as(table)
          .isTrue();
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM pg_stats WHERE tablename IN ('provider_org_name_key_r' || :run,"
                        + " 'provider_address_key_r' || :run, 'provider_person_name_r' || :run)")
                .param(
                    "run", jdbc.sql("SELECT max(id) FROM ingestion_run").query(Long.class).single())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void refusesAFileWithAMissingColumnAndPublishesNothing() throws Exception {
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));
    List<String> lines = NppesSamples.lines(ORGANIZATIONS_2021);
    lines.set(0, lines.get(0).replace("\"Provider First Name\"", "\"Provider Given Name\""));
    Path broken =
        NppesSamples.write(dir, "npidata_missing_column.csv", bytes(NppesSamples.joinLines(lines)));

    assertThatThrownBy(() -> run("nppes", broken))
        .isInstanceOf(Ingestion.IngestionFailed.class)
        .hasMessageContaining("Missing required column 'Provider First Name'");
    assertThat(count("provider")).isEqualTo(99);
    assertThat(tableExists("provider_next")).isFalse();
  }

  @Test
  void refusesATruncatedArchiveAndPublishesNothing() throws Exception {
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));
    byte[] zip = Files.readAllBytes(NppesSamples.monthlyZip(dir));
    Path truncated =
        NppesSamples.write(dir, "NPPES_truncated.zip", Arrays.copyOf(zip, zip.length / 2));

    assertThatThrownBy(() -> run("nppes", truncated))
        .isInstanceOf(Ingestion.IngestionFailed.class)
        .hasMessageContaining("truncated or damaged");
    assertThat(count("provider")).isEqualTo(99);
    assertThat(runs.recent(null, 1).getFirst().status()).isEqualTo(IngestionRun.Status.FAILED);
  }

  @Test
  void rejectsBadRowsWithFileLineAndReasonWhileTheGoodRowsPublish() throws Exception {
    List<String> lines = NppesSamples.lines(ORGANIZATIONS_2021);
    lines.set(3, badCheckDigit(lines.get(3)));
    lines.set(5, lines.get(5).replaceFirst("\"(\\d\\d)/(\\d\\d)/(\\d{4})\"", "\"13/45/2020\""));
    byte[] file = bytes(NppesSamples.joinLines(lines));
    byte[] withBadByte = insertInvalidUtf8(file, 9);

    IngestionRun run = run("nppes", NppesSamples.write(dir, "npidata_bad_rows.csv", withBadByte));

    assertThat(run.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(run.rowsRead()).isEqualTo(998);
    assertThat(run.rowsRejected()).isEqualTo(3);
    assertThat(run.recordCount()).isEqualTo(995);
    List<Reject> rejects = runs.rejects(run.id(), 10);
    assertThat(rejects).extracting(Reject::lineNumber).containsExactly(4L, 6L, 9L);
    assertThat(rejects).extracting(Reject::fileName).containsOnly("npidata_bad_rows.csv");
    assertThat(rejects.get(0).column()).isEqualTo("NPI");
    assertThat(rejects.get(0).reason()).isEqualTo("NPI check digit is wrong");
    assertThat(rejects.get(1).reason()).isEqualTo("Not a date (MM/DD/YYYY)");
    assertThat(rejects.get(1).value()).isEqualTo("13/45/2020");
    assertThat(rejects.get(2).reason()).isEqualTo("Not valid UTF-8 text");
  }

  @Test
  void failsAndPublishesNothingOnceRejectsPassTheThreshold() throws Exception {
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));
    List<String> lines = NppesSamples.lines(ORGANIZATIONS_2021);
    for (int i = 1; i <= 6; i++) {
      lines.set(i * 10, badCheckDigit(lines.get(i * 10)));
    }

    assertThatThrownBy(
            () ->
                run(
                    "nppes",
                    NppesSamples.write(
                        dir, "npidata_many_bad.csv", bytes(NppesSamples.joinLines(lines)))))
        .isInstanceOf(Ingestion.IngestionFailed.class)
        .hasMessageContaining("6 of 998 rows rejected");
    assertThat(count("provider")).isEqualTo(99);
    assertThat(runs.rejects(runs.recent(null, 1).getFirst().id(), 100)).hasSize(6);
  }

  @Test
  void aRunThatDiesMidLoadLeavesThePublishedRegistryAndTheNextRunSucceeds() throws Exception {
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));
    Path monthly = NppesSamples.copy(dir, ORGANIZATIONS_2021);

    // dies in the middle of loading, as a crashed process would, from the registry's point of view
    assertThatThrownBy(
            () ->
                ingestion.runNow(
                    "nppes",
                    monthly.toString(),
                    p -> {
                      if (p.phase().equals("loading") && p.rowsRead() > 0) {
                        throw new IllegalStateException("killed");
                      }
                    }))
        .isInstanceOf(Ingestion.IngestionFailed.class);
    assertThat(count("provider")).isEqualTo(99);
    // what kill -9 would leave behind: half-filled next tables
    jdbc.sql("CREATE TABLE IF NOT EXISTS provider_next (LIKE provider)").update();
    jdbc.sql("INSERT INTO provider_next SELECT * FROM provider LIMIT 10").update();

    IngestionRun good = run("nppes", monthly);

    assertThat(good.status()).isEqualTo(IngestionRun.Status.PUBLISHED);
    assertThat(count("provider")).isEqualTo(998);
    assertThat(good.changes()).containsEntry("new", 998L).containsEntry("removed", 99L);
    assertThat(tableExists("provider_next")).isFalse();
  }

  @Test
  void aFinishedRunHoldsNoLockOnItsDataset() throws Exception {
    run("nppes", NppesSamples.copy(dir, SAMPLE_2018));
    assertThatThrownBy(() -> run("nppes", dir.resolve("missing.csv")))
        .isInstanceOf(Ingestion.IngestionFailed.class);

    // the dataset's own lock (other work of the shared test context may hold advisory locks of its
    // own meanwhile)
    assertThat(
            jdbc.sql(
                    """
            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
               AND ((classid::bigint << 32) | objid::bigint) = hashtext('medsales-ingest:nppes')::bigint""")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void reRunningTheSameFileIsHarmless() throws Exception {
    Path file = NppesSamples.copy(dir, ORGANIZATIONS_2021);
    run("nppes", file);

    IngestionRun again = run("nppes", file);

    assertThat(again.status()).isEqualTo(IngestionRun.Status.SKIPPED);
    assertThat(count("provider")).isEqualTo(998);
  }

  @Test
  void healthShowsTheFreshnessOfThePublishedRegistry() throws Exception {
    run("nppes", NppesSamples.copy(dir, ORGANIZATIONS_2021));

    var published = freshness.published().get(com.medsales.ingest.Dataset.NPPES);

    assertThat(published).isNotNull();
    assertThat(published.recordCount()).isEqualTo(998);
  }

  @Test
  void geocodesPracticeLocationsFromTheirZip() throws Exception {
    run("nppes", NppesSamples.copy(dir, ORGANIZATIONS_2021));

    var practice = providers.find(1023011053L).orElseThrow().addresses().getFirst();

    assertThat(practice.kind()).isEqualTo("PRACTICE");
    assertThat(practice.latitude()).isEqualTo(34.088017);
    assertThat(practice.geoPrecision()).isEqualTo("ZIP5");
    Long withinRadius =
        jdbc.sql(
                """
                SELECT count(*) FROM provider_address
                WHERE kind <> 'MAILING' AND latitude IS NOT NULL
                  AND earth_box(ll_to_earth(34.088017, -118.327168), 5000) @> ll_to_earth(latitude, longitude)
                  AND earth_distance(ll_to_earth(34.088017, -118.327168), ll_to_earth(latitude, longitude)) < 5000
                """)
            .query(Long.class)
            .single();
    assertThat(withinRadius).isPositive();
  }

  private void assertMatchesCsv(ProviderProfile p, NamedCsvRecord row) {
    assertThat(p.npi()).isEqualTo(row.getField("NPI"));
    assertThat(p.entityType())
        .isEqualTo(row.getField("Entity Type Code").equals("1") ? "INDIVIDUAL" : "ORGANIZATION");
    assertThat(p.name().organization())
        .isEqualTo(blankToNull(row.getField("Provider Organization Name (Legal Business Name)")));
    assertThat(p.name().last())
        .isEqualTo(blankToNull(row.getField("Provider Last Name (Legal Name)")));
    assertThat(p.name().credential())
        .isEqualTo(blankToNull(row.getField("Provider Credential Text")));
    assertThat(p.enumerationDate()).isEqualTo(date(row.getField("Provider Enumeration Date")));
    assertThat(p.lastUpdateDate()).isEqualTo(date(row.getField("Last Update Date")));
    var practice =
        p.addresses().stream().filter(a -> a.kind().equals("PRACTICE")).findFirst().orElseThrow();
    assertThat(practice.line1())
        .isEqualTo(row.getField("Provider First Line Business Practice Location Address"));
    assertThat(practice.city())
        .isEqualTo(row.getField("Provider Business Practice Location Address City Name"));
    assertThat(practice.state())
        .isEqualTo(row.getField("Provider Business Practice Location Address State Name"));
    assertThat(practice.postalCode())
        .isEqualTo(row.getField("Provider Business Practice Location Address Postal Code"));
    var mailing =
        p.addresses().stream().filter(a -> a.kind().equals("MAILING")).findFirst().orElseThrow();
    assertThat(mailing.line1())
        .isEqualTo(row.getField("Provider First Line Business Mailing Address"));
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      String code = row.getField("Healthcare Provider Taxonomy Code_" + i);
      if (!code.isEmpty()) {
        codes.add(code);
        // one code may come several times, licensed in several states
        String license = blankToNull(row.getField("Provider License Number_" + i));
        String state = blankToNull(row.getField("Provider License Number State Code_" + i));
        boolean primary =
            row.getField("Healthcare Provider Primary Taxonomy Switch_" + i).equals("Y");
        assertThat(p.taxonomies())
            .anyMatch(
                t ->
                    t.code().equals(code)
                        && java.util.Objects.equals(t.licenseNumber(), license)
                        && java.util.Objects.equals(t.licenseState(), state)
                        && t.primary() == primary);
      }
    }
    assertThat(p.taxonomies())
        .extracting(ProviderProfile.Taxonomy::code)
        .containsExactlyInAnyOrderElementsOf(codes);
    long identifiers =
        java.util.stream.IntStream.rangeClosed(1, 50)
            .filter(i -> !row.getField("Other Provider Identifier_" + i).isEmpty())
            .count();
    assertThat(p.identifiers()).hasSize((int) identifiers);
    if (!codes.isEmpty() && p.taxonomies().stream().anyMatch(t -> t.displayName() == null)) {
      // every code in these files is in the NUCC 25.1 code set
      throw new AssertionError("taxonomy without a human name: " + p.taxonomies());
    }
  }

  private List<String> changeGroups(long runId, String npi) {
    return jdbc.sql("SELECT unnest(groups) FROM provider_change WHERE run_id = :run AND npi = :npi")
        .param("run", runId)
        .param("npi", Long.parseLong(npi))
        .query(String.class)
        .list();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private boolean tableExists(String table) {
    return jdbc.sql("SELECT to_regclass(:t) IS NOT NULL")
        .param("t", table)
        .query(Boolean.class)
        .single();
  }

  private static String badCheckDigit(String line) {
    char last = line.charAt(10);
    return line.substring(0, 10) + (char) ('0' + (last - '0' + 1) % 10) + line.substring(11);
  }

  private static byte[] insertInvalidUtf8(byte[] file, int lineNumber) {
    // put a lone 0xFF into the organisation name of the given line (1-based)
    int line = 1;
    for (int i = 0; i < file.length; i++) {
      if (line == lineNumber) {
        int nameStart = indexOfNth(file, i, (byte) '"', 9); // the start of field 5's text
        byte[] result = Arrays.copyOf(file, file.length + 1);
        System.arraycopy(file, nameStart + 1, result, nameStart + 2, file.length - nameStart - 1);
        result[nameStart + 1] = (byte) 0xFF;
        return result;
      }
      if (file[i] == '\n') {
        line++;
      }
    }
    throw new IllegalArgumentException("no line " + lineNumber);
  }

  private static int indexOfNth(byte[] bytes, int from, byte b, int n) {
    for (int i = from, seen = 0; i < bytes.length; i++) {
      if (bytes[i] == b && ++seen == n) {
        return i;
      }
    }
    throw new IllegalArgumentException();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static LocalDate date(String mmddyyyy) {
    if (mmddyyyy.isEmpty()) {
      return null;
    }
    String[] p = mmddyyyy.split("/");
    return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[0]), Integer.parseInt(p[1]));
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
