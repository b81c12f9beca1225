package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.ingest.ProgressListener;
import com.medsales.testing.SignedIn;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderControllerIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @TempDir Path dir;

  @Test
  void answersAProvidersFactsA404ForAnUnknownNpiAndA400ForAMalformedOne() throws Exception {
    Path file = dir.resolve("npidata_pfile_2021-12_organizations_998.csv");
    try (InputStream in =
        getClass().getResourceAsStream("/demo/nppes/npidata_pfile_2021-12_organizations_998.csv")) {
      Files.copy(in, file);
    }
    ingestion.runNow("nppes-weekly", file.toString(), ProgressListener.NONE);

    var found = mvc.get().uri("/api/v1/providers/1023011053").exchange();
    assertThat(found).hasStatusOk();
    assertThat(found).bodyJson().extractingPath("$.npi").isEqualTo("1023011053");
    assertThat(found).bodyJson().extractingPath("$.entityType").isEqualTo("ORGANIZATION");
    assertThat(found).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
    assertThat(found)
        .bodyJson()
        .extractingPath("$.name.organization")
        .isEqualTo("VINE DISCOUNT PHARMACY & MEDICAL SUPPLY");
    assertThat(found).bodyJson().extractingPath("$.addresses[0].kind").isEqualTo("PRACTICE");
    assertThat(found).bodyJson().extractingPath("$.addresses[0].zip5").isEqualTo("90038");
    assertThat(found).bodyJson().extractingPath("$.addresses[0].geoPrecision").isEqualTo("ZIP5");
    assertThat(found)
        .bodyJson()
        .extractingPath("$.taxonomies[0].displayName")
        .isEqualTo("Community/Retail Pharmacy");
    assertThat(found).bodyJson().extractingPath("$.authorizedOfficial.last").isEqualTo("PAPOYAN");

    var unknown = mvc.get().uri("/api/v1/providers/1234567893").exchange();
    assertThat(unknown).hasStatus(404);
    assertThat(unknown).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

    var malformed = mvc.get().uri("/api/v1/providers/1234567890").exchange();
    assertThat(malformed).hasStatus(400);
    assertThat(malformed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("npi");
    assertThat(mvc.get().uri("/api/v1/providers/12ab").exchange()).hasStatus(400);
  }
}
