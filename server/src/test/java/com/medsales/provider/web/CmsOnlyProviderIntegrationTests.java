package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.testing.Ingestions;
import com.medsales.testing.SignedIn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Providers only the CMS files name (cms_provider, V83) on the real samples, which barely meet the
 * registry sample: Part B 2021 Mohs rows, the first Part D 2013 rows and 130 Open Payments 2024
 * rows beside the 998 organisations of December 2021 and 99 providers of 2018. A context of its own
 * (the property), so that the CMS data it loads does not change what other test classes count.
 */
@SpringBootTest(properties = "medsales.test-context=cms-only-providers")
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class CmsOnlyProviderIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @BeforeEach
  void samples() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
    if (jdbc.sql(
                "SELECT count(*) FROM ingestion_run WHERE dataset <> 'nppes' AND status = 'PUBLISHED'")
            .query(Long.class)
            .single()
        < 3) {
      Ingestions.runWhenFree(
          ingestion,
          "partb",
          SampleRegistry.copy(
                  dir, "partb/MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv")
              .toString());
      ingestion.runNow(
          "partd",
          SampleRegistry.copy(dir, "partd/PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab")
              .toString(),
          2013,
          com.medsales.ingest.ProgressListener.NONE);
      Ingestions.runWhenFree(
          ingestion,
          "openpayments",
          SampleRegistry.copy(
                  dir, "openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv")
              .toString());
    }
  }

  private JsonNode get(String path) throws Exception {
    var result = mvc.get().uri(java.net.URI.create(path)).exchange();
    assertThat(result).as(path).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  private long total(String query) throws Exception {
    return get("/api/v1/providers?" + query).get("total").asLong();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * A Part B dermatologist of 2021 that the registry lacks, with the Mohs code and a geocoded ZIP.
   */
  private Map<String, Object> partBDermatologist() {
    return jdbc.sql(
            """
            SELECT c.npi, c.first_name, c.last_name, c.city, c.state, c.zip5 FROM cms_provider c
            WHERE c.source = 'partB' AND c.specialty = 'Dermatology' AND c.geo_precision = 'ZIP5'
              AND EXISTS (SELECT 1 FROM partb_service s WHERE s.npi = c.npi AND s.hcpcs_code = '17311')
            ORDER BY c.npi LIMIT 1
            """)
        .query()
        .singleRow();
  }

  @Test
  void findsAProviderOnlyPartBNamesByEveryFilterItsRowSupports() throws Exception {
    var cms = partBDermatologist();
    String npi = "npi=" + cms.get("npi");
    String otherState = "CA".equals(cms.get("state")) ? "NY" : "CA";

    JsonNode byName =
        get("/api/v1/providers?name=" + encode(cms.get("first_name") + " " + cms.get("last_name")));
    JsonNode item = null;
    for (JsonNode candidate : byName.get("items")) {
      if (candidate.get("npi").asString().equals(String.valueOf(cms.get("npi")))) {
        item = candidate;
      }
    }
    assertThat(item).as("found by name").isNotNull();
    assertThat(item.get("inRegistry").asBoolean()).isFalse();
    assertThat(item.get("status").asString()).isEqualTo("NOT_IN_REGISTRY");
    assertThat(item.get("address").get("zip5").asString()).isEqualTo(cms.get("zip5"));
    assertThat(item.get("primarySpecialty").get("code").asString())
        .isEqualTo("207N00000X"); // the crosswalk's Dermatology

    assertThat(total(npi + "&specialty=Dermatology")).isEqualTo(1);
    assertThat(total(npi + "&entityType=INDIVIDUAL")).isEqualTo(1);
    assertThat(total(npi + "&state=" + cms.get("state"))).isEqualTo(1);
    assertThat(total(npi + "&state=" + otherState)).isZero();
    assertThat(total(npi + "&city=" + encode((String) cms.get("city")))).isEqualTo(1);
    assertThat(total(npi + "&zip=" + cms.get("zip5"))).isEqualTo(1);
    assertThat(total(npi + "&near=" + cms.get("zip5") + "&radiusMiles=1")).isEqualTo(1);
    assertThat(total(npi + "&hcpcs=17311&year=2021")).isEqualTo(1);
    assertThat(total(npi + "&status=DEACTIVATED")).isZero();
    // specialty within a radius and nothing else: the candidate path
    List<String> nearby =
        get("/api/v1/providers?specialty=Dermatology&near="
                + cms.get("zip5")
                + "&radiusMiles=1&size=100")
            .get("items")
            .valueStream()
            .map(i -> i.get("npi").asString())
            .toList();
    assertThat(nearby).contains(String.valueOf(cms.get("npi")));
  }

  @Test
  void profilesAnswerForProvidersOnlyPartDOrOpenPaymentsName() throws Exception {
    Long prescriber =
        jdbc.sql("SELECT min(npi) FROM cms_provider WHERE source = 'partD'")
            .query(Long.class)
            .single();
    Long recipient =
        jdbc.sql("SELECT min(npi) FROM cms_provider WHERE source = 'openPayments'")
            .query(Long.class)
            .single();

    JsonNode partD = get("/api/v1/providers/" + prescriber);
    JsonNode payments = get("/api/v1/providers/" + recipient);

    assertThat(partD.get("inRegistry").asBoolean()).isFalse();
    assertThat(partD.get("partD")).isNotEmpty();
    assertThat(partD.get("addresses").get(0).get("state").asString()).isNotBlank();
    assertThat(payments.get("inRegistry").asBoolean()).isFalse();
    assertThat(payments.get("openPayments")).isNotEmpty();
    assertThat(payments.get("name").get("last").asString()).isNotBlank();
  }

  @Test
  void anOrganisationOnlyPartBNamesHasAnOrganisationProfileMarkedNotInTheRegistry()
      throws Exception {
    // an ambulatory surgical centre of the 2021 Mohs rows (entity code O) that the registry sample
    // lacks
    var asc =
        jdbc.sql(
                """
            SELECT npi, organization_name, line1, city, state, zip5 FROM cms_provider
            WHERE source = 'partB' AND entity_type = 2 ORDER BY npi LIMIT 1
            """)
            .query()
            .singleRow();
    String npi = String.valueOf(asc.get("npi"));
    List<String> listed =
        get("/api/v1/organizations?name="
                + encode((String) asc.get("organization_name"))
                + "&size=100")
            .get("items")
            .valueStream()
            .map(i -> i.get("npi").asString())
            .toList();
    assertThat(listed).as("organisation search lists it").contains(npi);

    JsonNode profile = get("/api/v1/organizations/" + npi);

    assertThat(profile.get("npi").asString()).isEqualTo(npi);
    JsonNode organization = profile.get("organization");
    assertThat(organization.get("inRegistry").asBoolean()).isFalse();
    assertThat(organization.get("status").asString()).isEqualTo("NOT_IN_REGISTRY");
    assertThat(organization.get("entityType").asString()).isEqualTo("ORGANIZATION");
    assertThat(organization.get("name").get("organization").asString())
        .isEqualTo(asc.get("organization_name"));
    JsonNode address = organization.get("addresses").get(0);
    assertThat(address.get("line1").asString()).isEqualTo(asc.get("line1"));
    assertThat(address.get("city").asString()).isEqualTo(asc.get("city"));
    assertThat(address.get("state").asString()).isEqualTo(asc.get("state"));
    assertThat(address.get("zip5").asString()).isEqualTo(asc.get("zip5"));
    assertThat(organization.get("partB")).isNotEmpty();
    assertThat(profile.get("totals").get("affiliatedProviders").asInt()).isZero();

    // an individual only Part B names is a provider, not an organisation
    Object individual = partBDermatologist().get("npi");
    assertThat(mvc.get().uri("/api/v1/organizations/" + individual).exchange()).hasStatus(404);
  }

  @Test
  void findsPrescribersOfADrugInAStateAndRecipientsByAnyPartOfThePayersName() throws Exception {
    JsonNode prescribers =
        get("/api/v1/providers?drug=HYDROCODONE-ACETAMINOPHEN&state=CA&sort=claims");
    assertThat(prescribers.get("total").asLong()).isGreaterThanOrEqualTo(10);

    JsonNode depuy = get("/api/v1/providers?manufacturer=DePuy%20Synthes&sort=payments");
    assertThat(depuy.get("total").asLong()).isPositive();
    assertThat(depuy.get("items").get(0).get("payments").decimalValue().signum()).isPositive();
    assertThat(total("manufacturer=depuy%20synthes%20sales"))
        .isEqualTo(total("manufacturer=DePuy%20Synthes%20Sales%20Inc."));
    // "Johnson & Johnson Vision Care, Inc.": its one spelling is JOHNSON AND JOHNSON VISION CARE
    assertThat(total("manufacturer=Johnson%20and%20Johnson")).isPositive();
  }

  @Test
  void onceTheRegistryHoldsTheNpiItsFactsWin() throws Exception {
    var cms = partBDermatologist();
    long npi = ((Number) cms.get("npi")).longValue();
    // a weekly file whose one row is a real 2018 row given this NPI
    Map<String, String> row =
        new LinkedHashMap<>(
            SampleRegistry.rows("nppes/npidata_pfile_2018_sample_99.csv").stream()
                .filter(r -> "1".equals(r.get("Entity Type Code")))
                .findFirst()
                .orElseThrow());
    row.put("NPI", String.valueOf(npi));
    Path weekly =
        SampleRegistry.write(dir, "npidata_pfile_20240101-20240107.csv", List.of(row), r -> r);
    Ingestions.runWhenFree(ingestion, "nppes-weekly", weekly.toString());

    assertThat(
            jdbc.sql("SELECT count(*) FROM cms_provider WHERE npi = ?")
                .param(npi)
                .query(Long.class)
                .single())
        .isZero();
    JsonNode profile = get("/api/v1/providers/" + npi);
    assertThat(profile.get("inRegistry").asBoolean()).isTrue();
    assertThat(profile.get("name").get("last").asString())
        .isEqualTo(row.get("Provider Last Name (Legal Name)"));
    assertThat(profile.get("partB")).isNotEmpty();
    JsonNode item = get("/api/v1/providers?npi=" + npi).get("items").get(0);
    assertThat(item.get("inRegistry").asBoolean()).isTrue();
    assertThat(item.get("status").asString()).isEqualTo("ACTIVE");
    // the next test's samples() finds one provider too many and loads the samples' registry again
  }
}
