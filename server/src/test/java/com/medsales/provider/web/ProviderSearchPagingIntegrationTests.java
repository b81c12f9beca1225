package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.Ingestions;
import com.medsales.testing.OwnerJdbc;
import com.medsales.testing.SignedIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keyset pages stay whole while an ingestion publishes between two page requests. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderSearchPagingIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ORGANIZATIONS = "nppes/npidata_pfile_2021-12_organizations_998.csv";
  private static final String QUERY = "state=TX&entityType=ORGANIZATION&size=50";
  // the NPIs this test adds: 19990000 followed by a digit and the check digit
  private static final long ADDED_FROM = 1_999_000_000L;

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @Autowired BulkConnections bulk;
  @Autowired CacheManager caches;
  @TempDir Path dir;

  @BeforeEach
  void registry() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
  }

  @AfterEach
  void withoutTheAddedOrganizations() {
    // the other tests of the shared database expect the samples alone (the same monthly file again
    // would be skipped as
    // already published): the added NPIs leave every table that names an NPI, and the caches forget
    // them (but for a
    // build's _next table, which a background rebuild of the drug prescribers may be filling and
    // dropping right now)
    JdbcClient owner = OwnerJdbc.of(bulk);
    List<String> tables =
        owner
            .sql(
                """
            SELECT DISTINCT format('%I', c.table_name) FROM information_schema.columns c
            JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p')
            WHERE c.table_schema = 'public' AND c.column_name = 'npi' AND NOT t.relispartition
              AND c.table_name NOT LIKE '%\\_next'
            """)
            .query(String.class)
            .list();
    tables.forEach(
        table ->
            owner
                .sql("DELETE FROM " + table + " WHERE npi BETWEEN :from AND :to")
                .param("from", ADDED_FROM)
                .param("to", ADDED_FROM + 49)
                .update());
    caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
  }

  private JsonNode get(String query) throws Exception {
    var result = mvc.get().uri(java.net.URI.create("/api/v1/providers?" + query)).exchange();
    assertThat(result).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  @Test
  void pagesWithoutDuplicatesOrGapsWhileAPublishAddsProvidersAheadOfTheCursor() throws Exception {
    List<String> before = new ArrayList<>();
    JsonNode page = get(QUERY);
    page.get("items").forEach(item -> before.add(item.get("npi").asString()));
    Set<String> texas =
        new HashSet<>(
            jdbc.sql(
                    """
            SELECT p.npi::text FROM provider p JOIN provider_address a ON a.npi = p.npi AND a.kind = 'PRACTICE' AND a.seq = 1
            WHERE p.entity_type = 2 AND p.active AND a.state = 'TX'
            """)
                .query(String.class)
                .list());

    // between the first page and the second, a weekly file publishes five Texas organisations that
    // sort before every
    // name already read (and changes nothing else): an offset would read five rows of page one
    // again
    List<Map<String, String>> added = new ArrayList<>();
    for (Map<String, String> row : SampleRegistry.rows(ORGANIZATIONS)) {
      if (added.size() < 5
          && "TX".equals(row.get("Provider Business Practice Location Address State Name"))) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        copy.put("NPI", npi("19990000" + added.size()));
        copy.put(
            "Provider Organization Name (Legal Business Name)",
            "0000 ADDED DURING PAGING " + added.size());
        added.add(copy);
      }
    }
    Ingestions.runWhenFree(
        ingestion,
        "nppes-weekly",
        SampleRegistry.write(dir, "npidata_pfile_weekly_added.csv", added, r -> r).toString());
    assertThat(
            jdbc.sql("SELECT count(*) FROM provider WHERE npi BETWEEN :from AND :to")
                .param("from", ADDED_FROM)
                .param("to", ADDED_FROM + 49)
                .query(Long.class)
                .single())
        .as("the weekly file published")
        .isEqualTo(5);

    List<String> seen = new ArrayList<>(before);
    while (!page.get("nextCursor").isNull()) {
      page = get(QUERY + "&cursor=" + page.get("nextCursor").asString());
      page.get("items").forEach(item -> seen.add(item.get("npi").asString()));
    }

    assertThat(seen).as("no duplicates").doesNotHaveDuplicates();
    assertThat(seen)
        .as("no gaps: every organisation present before and after the publish")
        .containsAll(texas);
    assertThat(seen)
        .as("the new ones sort before the cursor")
        .noneMatch(npi -> npi.startsWith("1999"));
    assertThat(get(QUERY).get("items").get(0).get("npi").asString())
        .as("a new search sees them")
        .isEqualTo(npi("199900000"));
  }

  /** A valid NPI: the nine digits given and the Luhn check digit over the 80840 prefix. */
  private static String npi(String body) {
    int sum = 24; // the prefix 80840's contribution
    for (int i = body.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
      int d = body.charAt(i) - '0';
      if (doubled == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return body + (10 - sum % 10) % 10;
  }
}
