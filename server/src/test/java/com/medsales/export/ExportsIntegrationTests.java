package com.medsales.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.export.internal.Exports;
import com.medsales.ingest.Ingestion;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.Ingestions;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports over real HTTP on the real sample registry: the file holds what the list pages through
 * (CSV and XLSX read back), a rep's export only what the rep sees, the cap refuses up front,
 * formulas are neutralised, an expired export is gone, and each step is audited.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "medsales.export.max-rows-rep=3")
class ExportsIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "export test passphrase";
  static final String JIA = "1184802050";

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Ingestion ingestion;
  @Autowired Exports exports;
  @Autowired Finished finished;
  @Autowired com.medsales.storage.FileStore files;
  @TempDir Path dir;
  TestTenants tenants;
  UUID tenant;

  /** Every {@link ExportFinished} this context published. */
  static class Finished {
    final List<ExportFinished> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ExportFinished event) {
      events.add(event);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Listening {
    @Bean
    Finished finished() {
      return new Finished();
    }
  }

  @BeforeEach
  void registryAndTeam() throws Exception {
    tenants = new TestTenants(bulk, passwords);
    if (tenants
            .owner()
            .sql("SELECT count(*) FROM provider WHERE npi = ?")
            .param(Long.parseLong(JIA))
            .query(Long.class)
            .single()
        == 0) {
      Path file = dir.resolve("npidata_pfile_2018_sample_99.csv");
      try (InputStream in =
          getClass().getResourceAsStream("/demo/nppes/npidata_pfile_2018_sample_99.csv")) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Ingestions.runWhenFree(ingestion, "nppes-weekly", file.toString());
    }
    tenant = tenants.tenant("exports");
    tenants.user(tenant, "export-rep", PASSWORD, "REP");
    tenants.user(tenant, "export-rep-2", PASSWORD, "REP");
    tenants.user(tenant, "export-admin", PASSWORD, "ADMIN");
    tenants.owner().sql("DELETE FROM crm_change WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM contact WHERE tenant_id = ?").param(tenant).update();
    tenants.owner().sql("DELETE FROM sign_in_failure").update();
  }

  TestBrowser as(String username) {
    var browser = new TestBrowser(port);
    assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(200);
    return browser;
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** Requests an export and waits for it to end; the finished export's view. */
  JsonNode exported(TestBrowser user, String kind, String format, Map<String, ?> params) {
    var created =
        user.post(
            "/api/v1/exports",
            JSON.writeValueAsString(Map.of("kind", kind, "format", format, "params", params)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    assertThat(json(created).get("status").asString()).isEqualTo("QUEUED");
    String id = json(created).get("id").asString();
    JsonNode[] view = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              view[0] = json(user.get("/api/v1/exports/" + id));
              return List.of("DONE", "FAILED").contains(view[0].get("status").asString());
            });
    assertThat(view[0].get("status").asString()).as(view[0].toString()).isEqualTo("DONE");
    return view[0];
  }

  byte[] download(TestBrowser user, JsonNode export) {
    HttpResponse<byte[]> file = user.bytes(export.get("downloadUrl").asString());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    return file.body();
  }

  static List<List<String>> csv(byte[] file) {
    assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    for (var record : CsvReader.builder().ofCsvRecord(text)) {
      rows.add(record.getFields());
    }
    return rows;
  }

  static List<List<String>> xlsx(byte[] file) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    var format = new DataFormatter();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      int columns = sheet.getRow(0).getLastCellNum();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
          var cell = row.getCell(i);
          cells.add(cell == null ? "" : format.formatCellValue(cell));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  /** NPI and name of every provider the search's pages hold, page after page. */
  List<List<String>> pagedProviders(TestBrowser user, String query) {
    List<List<String>> rows = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          json(
              user.get(
                  "/api/v1/providers?size=7&"
                      + query
                      + (cursor == null
                          ? ""
                          : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
      page.get("items")
          .forEach(i -> rows.add(List.of(i.get("npi").asString(), i.get("name").asString())));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    return rows;
  }

  @Test
  void aProviderExportHoldsExactlyWhatTheSearchPagesThroughInCsvAndXlsx() throws Exception {
    var admin = as("export-admin");
    List<List<String>> paged = pagedProviders(admin, "entityType=INDIVIDUAL&sort=name");
    assertThat(paged).hasSizeGreaterThan(20);

    JsonNode csvExport =
        exported(admin, "providers", "CSV", Map.of("entityType", "individual", "sort", "name"));
    List<List<String>> csv = csv(download(admin, csvExport));
    assertThat(csv.getFirst()).startsWith("NPI", "Name", "Entity type", "Status");
    assertThat(csv.subList(1, csv.size()).stream().map(r -> r.subList(0, 2)).toList())
        .isEqualTo(paged);
    assertThat(csvExport.get("rows").asLong()).isEqualTo(paged.size());
    assertThat(csvExport.get("progress").asInt()).isEqualTo(100);

    JsonNode xlsxExport =
        exported(admin, "providers", "XLSX", Map.of("entityType", "INDIVIDUAL", "sort", "name"));
    List<List<String>> xlsx = xlsx(download(admin, xlsxExport));
    assertThat(xlsx.subList(1, xlsx.size()).stream().map(r -> r.subList(0, 2)).toList())
        .isEqualTo(paged);
    assertThat(xlsx.getFirst()).isEqualTo(csv.getFirst());
  }

  @Test
  void theListsOwnRulesRefuseBadParametersBeforeAnythingIsQueued() {
    var admin = as("export-admin");
    var badSort =
        admin.post(
            "/api/v1/exports",
            "{\"kind\": \"providers\", \"format\": \"CSV\", \"params\": {\"sort\": \"shoe size\","
                + " \"radiusMiles\": 5}}");
    assertThat(badSort.statusCode()).isEqualTo(400);
    assertThat(json(badSort).get("errors").toString()).contains("sort").contains("radiusMiles");
    var tooLong =
        admin.post(
            "/api/v1/exports",
            "{\"kind\": \"contacts\", \"format\": \"CSV\", \"params\": {\"q\": \""
                + "x".repeat(201)
                + "\", \"colour\": \"red\"}}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json(tooLong).get("errors").toString()).contains("q").contains("colour");
    var unknownKind =
        admin.post("/api/v1/exports", "{\"kind\": \"spaceships\", \"format\": \"CSV\"}");
    assertThat(unknownKind.statusCode()).isEqualTo(400);
  }

  @Test
  void aRepsContactExportHoldsOnlyTheRepsContactsAndNeutralisesFormulas() throws Exception {
    var rep = as("export-rep");
    var other = as("export-rep-2");
    assertThat(
            rep.post(
                    "/api/v1/contacts",
                    "{\"firstName\": \"=HYPERLINK(\\\"http://evil.example\\\")\", \"lastName\":"
                        + " \"Formula\", \"tags\": [\"@risk\", \"+1\"], \"notes\": \"-2+3\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(rep.post("/api/v1/contacts", "{\"npi\": \"" + JIA + "\"}").statusCode())
        .isEqualTo(201);
    assertThat(
            other
                .post("/api/v1/contacts", "{\"firstName\": \"Not\", \"lastName\": \"Yours\"}")
                .statusCode())
        .isEqualTo(201);

    List<String> listed = new ArrayList<>();
    json(rep.get("/api/v1/contacts?size=200"))
        .get("items")
        .forEach(c -> listed.add(c.get("id").asString()));
    assertThat(listed).hasSize(2);

    List<List<String>> csv = csv(download(rep, exported(rep, "contacts", "CSV", Map.of())));
    assertThat(csv.subList(1, csv.size()).stream().map(r -> r.getFirst()).toList())
        .isEqualTo(listed);
    assertThat(csv.toString()).doesNotContain("Yours");
    List<String> formula =
        csv.stream().filter(r -> r.contains("Formula")).findFirst().orElseThrow();
    int first = csv.getFirst().indexOf("First name");
    assertThat(formula.get(first)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(formula.get(csv.getFirst().indexOf("Tags"))).isEqualTo("'@risk; +1");
    assertThat(formula.get(csv.getFirst().indexOf("Notes"))).isEqualTo("'-2+3");

    List<List<String>> xlsx = xlsx(download(rep, exported(rep, "contacts", "XLSX", Map.of())));
    assertThat(xlsx.subList(1, xlsx.size()).stream().map(r -> r.getFirst()).toList())
        .isEqualTo(listed);
    List<String> formulaRow =
        xlsx.stream().filter(r -> r.contains("Formula")).findFirst().orElseThrow();
    assertThat(formulaRow.get(first)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
  }

  @Test
  void overTheRepsCapTheExportIsRefusedUpFrontWithTheCountAndAudited() {
    var rep = as("export-rep");
    long providers = json(rep.get("/api/v1/providers?size=1")).get("total").asLong();

    var refused = rep.post("/api/v1/exports", "{\"kind\": \"providers\", \"format\": \"CSV\"}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json(refused).get("rows").asLong()).isEqualTo(providers);
    assertThat(json(refused).get("limit").asLong()).isEqualTo(3);
    assertThat(json(refused).get("detail").asString()).contains("at most 3");
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT count(*) FROM export WHERE tenant_id = ? AND user_id = ? AND kind = 'providers'")
                .params(tenant, tenants.userId("export-rep"))
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            tenants
                .owner()
                .sql(
                    "SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'export.request'"
                        + " AND outcome = 'DENIED' AND (details->>'rows')::bigint = ?")
                .params(tenant, providers)
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void anExportIsAuditedWithItsParametersRowsAndEachDownloadAndAnnouncedWhenItEnds() {
    var admin = as("export-admin");
    JsonNode export = exported(admin, "providers", "CSV", Map.of("state", "NY"));
    download(admin, export);
    download(admin, export);
    String id = export.get("id").asString();

    var actions =
        tenants
            .owner()
            .sql(
                "SELECT action, details->>'rows' AS rows, details->'params'->>'state' AS state, actor"
                    + " FROM audit_event WHERE target = ? ORDER BY id")
            .param(id)
            .query()
            .listOfRows();
    assertThat(actions)
        .extracting(r -> r.get("action"))
        .containsExactly("export.request", "export.complete", "export.download", "export.download");
    assertThat(actions.getFirst().get("state")).isEqualTo("NY");
    assertThat(actions.getFirst().get("actor")).isEqualTo("export-admin");
    assertThat(actions.get(1).get("rows")).isEqualTo(export.get("rows").asString());
    assertThat(finished.events)
        .contains(
            new ExportFinished(
                tenant, tenants.userId("export-admin"), UUID.fromString(id), "DONE"));
    // mine: listed for me, unknown to a colleague
    assertThat(json(admin.get("/api/v1/exports")).toString()).contains(id);
    assertThat(as("export-rep").get("/api/v1/exports/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aDownloadAfterExpiryIsGoneAndTheCleanUpRemovesTheFile() throws Exception {
    var admin = as("export-admin");
    JsonNode export = exported(admin, "territory-stats", "CSV", Map.of());
    String id = export.get("id").asString();
    tenants
        .owner()
        .sql("UPDATE export SET expires_at = now() - interval '1 second' WHERE id = ?::uuid")
        .param(id)
        .update();

    assertThat(admin.get("/api/v1/exports/" + id + "/download").statusCode()).isEqualTo(410);
    assertThat(json(admin.get("/api/v1/exports/" + id)).get("downloadUrl").isNull()).isTrue();
    String key =
        tenants
            .owner()
            .sql("SELECT file_key FROM export WHERE id = ?::uuid")
            .param(id)
            .query(String.class)
            .single();
    assertThat(exports.removeExpired()).isPositive();
    assertThat(
            tenants
                .owner()
                .sql("SELECT file_removed_at IS NOT NULL FROM export WHERE id = ?::uuid")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(key).startsWith("exports/" + tenant + "/");
    assertThat(files.exists(key)).isFalse();
  }
}
