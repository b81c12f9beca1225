package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.testing.SignedIn;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organisations and inferred affiliations over the real NPPES samples. Real cases: DEREK FERGUSON
 * (1154586121, NJ) practises at 375 ROUTE 10, 07981, where FERGUSON LIFE HEALTH CENTERS OF NEW
 * JERSEY (1578065728) practises and names him its authorised official; its Florida sister
 * (1487156634) names him too, but he does not practise in Florida. TRANSCARE NEW YORK (1215930193)
 * shares the other name TRANSCARE with five TransCare organisations and its address (25 14TH ST,
 * 11215) with TC AMBULANCE CORPORATION (1477556348).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class OrganizationIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @BeforeEach
  void registry() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
  }

  private JsonNode get(String uri) throws Exception {
    var result = mvc.get().uri(java.net.URI.create(uri)).exchange();
    assertThat(result).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  private static Map<String, List<String>> inferred(JsonNode affiliations) {
    Map<String, List<String>> byNpi = new HashMap<>();
    for (JsonNode a : affiliations) {
      byNpi.put(
          a.get("npi").asString(),
          a.get("inferredBy").valueStream().map(JsonNode::asString).toList());
    }
    return byNpi;
  }

  @Test
  void profilesAnOrganisationWithItsOfficialAndTheIndividualsAtItsAddress() throws Exception {
    JsonNode profile = get("/api/v1/organizations/1578065728");

    assertThat(profile.get("organization").get("name").get("organization").asString())
        .isEqualTo("FERGUSON LIFE HEALTH CENTERS OF NEW JERSEY");
    Map<String, List<String>> affiliated = inferred(profile.get("affiliatedProviders"));
    assertThat(affiliated)
        .containsEntry("1154586121", List.of("AUTHORIZED_OFFICIAL", "SAME_PRACTICE_ADDRESS"));
    JsonNode derek = profile.get("affiliatedProviders").get(0);
    assertThat(derek.get("npi").asString()).isEqualTo("1154586121");
    assertThat(derek.get("entityType").asString()).isEqualTo("INDIVIDUAL");
    assertThat(derek.get("name").asString()).startsWith("DEREK").contains("FERGUSON");
    assertThat(derek.get("primarySpecialty").get("code").asString()).isNotBlank();
    // his practice point, for the organisation's map: at his New Jersey ZIP's centroid
    assertThat(derek.get("latitude").asDouble()).isBetween(38.9, 41.4);
    assertThat(derek.get("longitude").asDouble()).isBetween(-75.6, -73.9);
    assertThat(profile.get("totals").get("affiliatedProviders").asInt())
        .isEqualTo(affiliated.size());
    assertThat(profile.get("totals").get("affiliatedIndividuals").asInt())
        .isGreaterThanOrEqualTo(1);

    // the Florida centre names him too, but he practises only in New Jersey
    assertThat(inferred(get("/api/v1/organizations/1487156634").get("affiliatedProviders")))
        .doesNotContainKey("1154586121");
  }

  @Test
  void infersAffiliationsThroughSharedOtherNamesAndAddresses() throws Exception {
    JsonNode profile = get("/api/v1/organizations/1215930193");

    Map<String, List<String>> affiliated = inferred(profile.get("affiliatedProviders"));
    for (String sister :
        List.of("1689677551", "1164425922", "1053314807", "1679576417", "1497758254")) {
      assertThat(affiliated.get(sister)).as(sister).contains("OTHER_NAME");
    }
    assertThat(affiliated.get("1477556348"))
        .contains("SAME_PRACTICE_ADDRESS")
        .doesNotContain("OTHER_NAME");
    assertThat(affiliated).doesNotContainKey("1215930193");
  }

  @Test
  void showsTheOrganisationsAProviderIsAffiliatedWithOnTheProvidersProfile() throws Exception {
    JsonNode profile = get("/api/v1/providers/1154586121");

    Map<String, List<String>> affiliations = inferred(profile.get("affiliations"));
    assertThat(affiliations).containsOnlyKeys("1578065728");
    assertThat(profile.get("affiliations").get(0).get("entityType").asString())
        .isEqualTo("ORGANIZATION");
  }

  @Test
  void normalisesAddressesBeforeComparingThem() {
    String key = "SELECT medsales_address_key(:line, :zip)";
    String canonical =
        jdbc.sql(key)
            .param("line", "2880 NETHERTON DR STE 200")
            .param("zip", "63136")
            .query(String.class)
            .single();
    for (String variant :
        List.of(
            "2880 Netherton Drive, Suite 200",
            "2880 NETHERTON DR. #200",
            "2880 Netherton Dr  Ste. 4B")) {
      assertThat(
              jdbc.sql(key)
                  .param("line", variant)
                  .param("zip", "63136")
                  .query(String.class)
                  .single())
          .as(variant)
          .isEqualTo(canonical);
    }
    assertThat(canonical).isEqualTo("2880 NETHERTON DR|63136");
    assertThat(
            jdbc.sql(key)
                .param("line", "2880 NETHERTON DR")
                .param("zip", "63137")
                .query(String.class)
                .single())
        .isNotEqualTo(canonical);
    assertThat(
            jdbc.sql(
                    "SELECT medsales_org_name_key('Transcare, Inc.') = medsales_org_name_key('TRANSCARE')")
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void searchesOrganisationsOnly() throws Exception {
    JsonNode page = get("/api/v1/organizations?name=Transcare%20New%20York&state=NY");

    assertThat(page.get("items").get(0).get("npi").asString()).isEqualTo("1215930193");
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("entityType").asString()).isEqualTo("ORGANIZATION");
    }
    // an individual's name finds no organisation
    JsonNode individuals = get("/api/v1/organizations?name=Derek%20Ferguson&state=NJ");
    assertThat(individuals.get("items").valueStream().map(i -> i.get("npi").asString()))
        .doesNotContain("1154586121");
    JsonNode tx = get("/api/v1/organizations?state=TX&size=100");
    assertThat(tx.get("total").asLong()).isEqualTo(116);
  }

  @Test
  void answersA404ForAnIndividualOrUnknownNpiAndA400ForAMalformedOne() {
    var individual = mvc.get().uri("/api/v1/organizations/1154586121").exchange();
    assertThat(individual).hasStatus(404);
    assertThat(individual).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(mvc.get().uri("/api/v1/organizations/1234567893").exchange()).hasStatus(404);
    var malformed = mvc.get().uri("/api/v1/organizations/1234567890").exchange();
    assertThat(malformed).hasStatus(400);
    assertThat(malformed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("npi");
    var badSearch =
        mvc.get().uri("/api/v1/organizations?state=Texas&zip=7&radiusMiles=10&size=0").exchange();
    assertThat(badSearch).hasStatus(400);
    assertThat(badSearch)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("state", "zip", "radiusMiles", "size");
  }

  @Test
  void listsTheTaxonomyCodeSet() throws Exception {
    JsonNode list = get("/api/v1/taxonomies");

    assertThat(list.size()).isGreaterThan(800);
    assertThat(
            list.valueStream()
                .filter(t -> t.get("code").asString().equals("207R00000X"))
                .findFirst()
                .orElseThrow()
                .get("displayName")
                .asString())
        .isEqualTo("Internal Medicine Physician");
  }
}
