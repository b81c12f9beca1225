package com.medsales.platform.web;

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
 * What the jar serves besides the API: the packaged web app, its client-side routes, and errors as
 * ProblemDetail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class WebSurfaceIntegrationTests {

  @Autowired MockMvcTester mvc;

  @Test
  void servesTheWebAppAtTheRootWithoutCaching() {
    assertThat(mvc.get().uri("/").exchange()).hasForwardedUrl("index.html");

    var result = mvc.get().uri("/index.html").exchange();
    assertThat(result).hasStatusOk();
    assertThat(result).bodyText().contains("<div id=\"root\">");
    assertThat(result).headers().hasValue("Cache-Control", "no-cache");
  }

  @Test
  void answersClientSideRoutesWithTheAppSoReloadsWork() {
    var result = mvc.get().uri("/providers/1234567893/timeline").exchange();
    assertThat(result).hasStatusOk();
    assertThat(result).bodyText().contains("<div id=\"root\">");
  }

  @Test
  void unknownApiRoutesAreProblemDetailsNotTheAppForASignedInUser() {
    var result =
        mvc.get().uri("/api/v1/no-such-thing").accept(MediaType.APPLICATION_JSON).exchange();
    assertThat(result).hasStatus(404);
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
    assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/no-such-thing");
  }

  @Test
  void missingAssetsAre404NotTheApp() {
    assertThat(mvc.get().uri("/assets/missing-0123abcd.js").exchange()).hasStatus(404);
  }

  @Test
  void hashedAssetsAreCachedForAYear() throws Exception {
    var index = mvc.get().uri("/index.html").exchange().getResponse().getContentAsString();
    var matcher = java.util.regex.Pattern.compile("/assets/[^\"]+\\.js").matcher(index);
    assertThat(matcher.find()).as("index.html references a hashed script").isTrue();
    var asset = mvc.get().uri(matcher.group()).exchange();
    assertThat(asset).hasStatusOk();
    assertThat(asset.getResponse().getHeader("Cache-Control"))
        .contains("max-age=31536000")
        .contains("immutable");
  }

  @Test
  void publishesTheOpenApiDocumentWithHealth() {
    var result = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.paths['/health'].get").isNotNull();
  }
}
