package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.testing.SignedIn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Volume filters and sorts of GET /api/v1/providers. The NPPES samples and CMS files share no NPI,
 * so real rows are moved onto sample providers: the Part B rows of the first five Mohs surgeons of
 * 2021, and the 130 real Open Payments rows of 2024 dealt out in turn, each onto one of five
 * individuals of the 2018 sample. Expected figures are summed here from the same rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderVolumeSearchIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PARTB =
      "partb/MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv";
  private static final String PAYMENTS =
      "openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv";

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  List<String> targets;
  List<Map<String, String>> partB;
  List<Map<String, String>> payments;

  @BeforeEach
  void data() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
    targets =
        jdbc.sql(
                "SELECT npi::text FROM provider WHERE entity_type = 1 AND npi <> 1669586954 ORDER BY npi LIMIT 5")
            .query(String.class)
            .list();
    List<String> surgeons = new ArrayList<>();
    partB = new ArrayList<>();
    for (Map<String, String> row : SampleRegistry.rows(PARTB)) {
      String npi = row.get("Rndrng_NPI");
      if (!surgeons.contains(npi) && surgeons.size() < 5) {
        surgeons.add(npi);
      }
      if (surgeons.contains(npi)) {
        row.put("Rndrng_NPI", targets.get(surgeons.indexOf(npi)));
        partB.add(row);
      }
    }
    payments = SampleRegistry.rows(PAYMENTS);
    for (int i = 0; i < payments.size(); i++) {
      payments.get(i).put("Covered_Recipient_NPI", targets.get(i % 5));
    }
    boolean loaded =
        jdbc.sql("SELECT count(*) FROM partb_rollup WHERE data_year = 2024 AND npi = :npi")
                .param("npi", Long.parseLong(targets.get(0)))
                .query(Long.class)
                .single()
            == 1;
    if (!loaded) {
      ingestion.runNow(
          "partb",
          SampleRegistry.write(dir, "partb_search_2024.csv", partB, r -> r).toString(),
          ProgressListener.NONE);
      ingestion.runNow(
          "openpayments",
          SampleRegistry.write(dir, "OP_DTL_GNRL_PGYR2024_search.csv", payments, r -> r).toString(),
          ProgressListener.NONE);
    }
  }

  private Map<String, BigDecimal> sum(
      List<Map<String, String>> rows,
      String npiColumn,
      String valueColumn,
      java.util.function.Predicate<Map<String, String>> which) {
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Map<String, String> row : rows) {
      if (which.test(row) && !row.get(valueColumn).isBlank()) {
        sums.merge(row.get(npiColumn), new BigDecimal(row.get(valueColumn)), BigDecimal::add);
      }
    }
    return sums;
  }

  private JsonNode get(String query) throws Exception {
    var result = mvc.get().uri(java.net.URI.create("/api/v1/providers?" + query)).exchange();
    assertThat(result).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsString());
  }

  private static Map<String, BigDecimal> column(JsonNode page, String field) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (JsonNode item : page.get("items")) {
      values.put(
          item.get("npi").asString(),
          item.get(field).isNull() ? null : item.get(field).decimalValue());
    }
    return values;
  }

  @Test
  void filtersOnPartBBeneficiariesOfTheProceduresGiven() throws Exception {
    Map<String, BigDecimal> benes =
        sum(partB, "Rndrng_NPI", "Tot_Benes", r -> r.get("HCPCS_Cd").equals("17311"));
    BigDecimal threshold = benes.values().stream().sorted().toList().get(benes.size() / 2);
    Set<String> expected = new HashSet<>();
    benes.forEach(
        (npi, n) -> {
          if (n.compareTo(threshold) >= 0) {
            expected.add(npi);
          }
        });

    JsonNode page = get("hcpcs=17311&minBeneficiaries=" + threshold.toPlainString());

    assertThat(column(page, "beneficiaries").keySet())
        .containsExactlyInAnyOrderElementsOf(expected);
    column(page, "beneficiaries")
        .forEach((npi, n) -> assertThat(n).isEqualByComparingTo(benes.get(npi)));
    assertThat(expected).hasSizeBetween(1, 4);
  }

  @Test
  void filtersOnTheNatureOfPaymentAloneAndWithAnAmount() throws Exception {
    Map<String, BigDecimal> food =
        sum(
            payments,
            "Covered_Recipient_NPI",
            "Total_Amount_of_Payment_USDollars",
            r -> r.get("Nature_of_Payment_or_Transfer_of_Value").equals("Food and Beverage"));

    JsonNode page = get("nature=food%20and%20beverage&year=2024");

    assertThat(column(page, "payments").keySet())
        .containsExactlyInAnyOrderElementsOf(food.keySet());
    column(page, "payments")
        .forEach((npi, amount) -> assertThat(amount).isEqualByComparingTo(food.get(npi)));

    BigDecimal median = food.values().stream().sorted().toList().get(2);
    JsonNode combined =
        get("nature=Food%20and%20Beverage&year=2024&minPayment=" + median.toPlainString());
    assertThat(column(combined, "payments").values())
        .allSatisfy(amount -> assertThat(amount).isGreaterThanOrEqualTo(median));
    assertThat(combined.get("items"))
        .hasSize((int) food.values().stream().filter(a -> a.compareTo(median) >= 0).count());
    assertThat(get("nature=Grant&year=2024&minPayment=1000000").get("items")).isEmpty();
  }

  @Test
  void combinesProcedureBeneficiaryAndPaymentFilters() throws Exception {
    Map<String, BigDecimal> services = sum(partB, "Rndrng_NPI", "Tot_Srvcs", r -> true);
    Map<String, BigDecimal> travel =
        sum(
            payments,
            "Covered_Recipient_NPI",
            "Total_Amount_of_Payment_USDollars",
            r -> r.get("Nature_of_Payment_or_Transfer_of_Value").equals("Travel and Lodging"));

    JsonNode page =
        get(
            "hcpcs=17311&hcpcs=17312&hcpcs=17313&hcpcs=17314&hcpcs=17315&minBeneficiaries=1&nature=Travel%20and%20Lodging&year=2024");

    Set<String> expected = new HashSet<>(travel.keySet());
    expected.retainAll(services.keySet());
    assertThat(column(page, "services").keySet()).containsExactlyInAnyOrderElementsOf(expected);
    for (JsonNode item : page.get("items")) {
      String npi = item.get("npi").asString();
      assertThat(item.get("services").decimalValue()).isEqualByComparingTo(services.get(npi));
      assertThat(item.get("payments").decimalValue()).isEqualByComparingTo(travel.get(npi));
    }
  }

  @Test
  void sortsByYearlyVolumesHighestFirstWithStableKeysetPages() throws Exception {
    Map<String, BigDecimal> services = sum(partB, "Rndrng_NPI", "Tot_Srvcs", r -> true);
    Map<String, BigDecimal> paid =
        sum(payments, "Covered_Recipient_NPI", "Total_Amount_of_Payment_USDollars", r -> true);
    for (var sort : List.of(Map.entry("services", services), Map.entry("payments", paid))) {
      List<String> order = new ArrayList<>();
      List<BigDecimal> volumes = new ArrayList<>();
      JsonNode page = get("entityType=INDIVIDUAL&year=2024&size=2&sort=" + sort.getKey());
      while (true) {
        for (JsonNode item : page.get("items")) {
          order.add(item.get("npi").asString());
          volumes.add(item.get(sort.getKey()).decimalValue());
        }
        if (page.get("nextCursor").isNull()) {
          break;
        }
        page =
            get(
                "entityType=INDIVIDUAL&year=2024&size=2&sort="
                    + sort.getKey()
                    + "&cursor="
                    + page.get("nextCursor").asString());
      }
      // the registry's and those only a CMS file that another test class loaded names
      long individuals =
          jdbc.sql(
                  "SELECT (SELECT count(*) FROM provider WHERE entity_type = 1 AND active)"
                      + " + (SELECT count(*) FROM cms_provider WHERE entity_type = 1)")
              .query(Long.class)
              .single();
      assertThat(order)
          .as("every individual once")
          .hasSize((int) individuals)
          .doesNotHaveDuplicates();
      List<String> expectedTop =
          sort.getValue().entrySet().stream()
              .sorted(
                  Map.Entry.<String, BigDecimal>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(order.subList(0, expectedTop.size()))
          .as(sort.getKey())
          .containsExactlyElementsOf(expectedTop);
      for (int i = 0; i < expectedTop.size(); i++) {
        assertThat(volumes.get(i)).isEqualByComparingTo(sort.getValue().get(expectedTop.get(i)));
      }
      assertThat(volumes).isSortedAccordingTo(Comparator.reverseOrder());
      // those without any volume follow by NPI
      List<String> rest = order.subList(expectedTop.size(), order.size());
      assertThat(rest).isSorted();
    }
  }

  @Test
  void sortsAFilteredSearchByTheFilteredVolume() throws Exception {
    Map<String, BigDecimal> mohs =
        sum(partB, "Rndrng_NPI", "Tot_Srvcs", r -> r.get("HCPCS_Cd").equals("17311"));

    JsonNode page = get("hcpcs=17311&sort=services");

    List<BigDecimal> volumes = new ArrayList<>(column(page, "services").values());
    assertThat(column(page, "services").keySet())
        .containsExactlyInAnyOrderElementsOf(mohs.keySet());
    assertThat(volumes).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(volumes.get(0))
        .isEqualByComparingTo(mohs.values().stream().max(Comparator.naturalOrder()).orElseThrow());
  }

  @Test
  void namesEveryBadVolumeParameter() {
    var result =
        mvc.get()
            .uri(
                "/api/v1/providers?hcpcs=1731&minBeneficiaries=-1&minClaims=-5&minPayment=10&maxPayment=5&nature="
                    + "x".repeat(201)
                    + "&year=1999&sort=volume")
            .exchange();

    assertThat(result).hasStatus(400);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder(
            "hcpcs", "minBeneficiaries", "minClaims", "maxPayment", "nature", "year", "sort");

    var types =
        mvc.get()
            .uri("/api/v1/providers?minServices=many&minBeneficiaries=x&year=last&size=big")
            .exchange();
    assertThat(types).hasStatus(400);
    assertThat(types)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("minServices", "minBeneficiaries", "year", "size");
  }
}
