package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.testing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * How the search endpoints bind their typed filters: the spellings they accept, and one 400 for
 * every bad field.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class SearchParametersIntegrationTests {

  @Autowired MockMvcTester mvc;

  @Test
  void acceptsTheTypedFiltersInAnyCaseAndTheEntityTypeAsNppesCode() {
    for (String query :
        new String[] {
          "status=any",
          "status=Deactivated",
          "sort=Name",
          "sort=CLAIMS",
          "entityType=2",
          "entityType=%20individual%20"
        }) {
      assertThat(mvc.get().uri(java.net.URI.create("/api/v1/providers?" + query)).exchange())
          .as(query)
          .hasStatusOk();
    }
    assertThat(mvc.get().uri("/api/v1/organizations?status=ANY&sort=name").exchange())
        .hasStatusOk();
  }

  @Test
  void namesWhatTheBindingRefusesTogetherWithWhatTheSearchRefusesInOneProblemDetail() {
    var result =
        mvc.get()
            .uri("/api/v1/providers?status=gone&entityType=3&sort=volume&zip=123&size=x")
            .exchange();

    assertThat(result).hasStatus(400);
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("The search has invalid parameters.");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[?(@.field == 'status')].message")
        .asArray()
        .containsExactly("must be ACTIVE, DEACTIVATED or ANY");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[?(@.field == 'entityType')].message")
        .asArray()
        .containsExactly("must be INDIVIDUAL or ORGANIZATION (or NPPES's 1 or 2)");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[?(@.field == 'sort')].message")
        .asArray()
        .containsExactly(
            "must be one of [relevance, name, distance, services, claims, payments, basketVolume]");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[?(@.field == 'size')].message")
        .asArray()
        .containsExactly("is not a valid value");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("status", "entityType", "sort", "zip", "size");
  }

  @Test
  void keepsTheOrganisationSearchToItsOwnParameters() {
    // hcpcs is not a parameter of the organisation search: not bound, so neither refused nor
    // applied
    assertThat(mvc.get().uri("/api/v1/organizations?hcpcs=bad").exchange()).hasStatusOk();
    assertThat(mvc.get().uri("/api/v1/organizations?sort=volume").exchange()).hasStatus(400);
  }
}
