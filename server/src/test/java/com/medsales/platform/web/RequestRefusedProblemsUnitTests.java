package com.medsales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.platform.AlreadyExists;
import com.medsales.platform.ConflictingState;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.NotPermitted;
import com.medsales.platform.RecordGone;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.RequestRefused;
import com.medsales.platform.SignInFailed;
import com.medsales.platform.SignInPaused;
import com.medsales.platform.StaleVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal a module throws answers through the platform's one advice: its fact's status and
 * title, the message as detail, field errors as {@code errors}, what the caller needs to recover as
 * members of their own, and no member without a value.
 */
class RequestRefusedProblemsUnitTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A module's own refusal, named for a narrower fact: it answers as the fact it extends. */
  static final class FileRejected extends InvalidFields {
    FileRejected() {
      super(
          "The file has 2 rejected lines; nothing was applied.",
          Map.of(),
          Map.of("rejects", List.of(3, 7)));
    }
  }

  static final Map<String, Supplier<RequestRefused>> REFUSALS =
      Map.ofEntries(
          Map.entry("not-found", () -> new RecordNotFound("The contact")),
          Map.entry(
              "invalid",
              () ->
                  new InvalidFields(
                      Map.of("npi", List.of("must be 10 digits", "is not in the registry")))),
          Map.entry("file-rejected", FileRejected::new),
          Map.entry(
              "stale",
              () ->
                  new StaleVersion(
                      "Someone else changed this contact.", Map.of("id", "c1", "version", 4))),
          Map.entry(
              "stale-at-version", () -> StaleVersion.atVersion("The territory was changed.", 9)),
          Map.entry(
              "exists",
              () ->
                  new AlreadyExists(
                      "A team with that name exists.",
                      Map.of("name", List.of("is taken")),
                      Map.of("current", Map.of("owner", "User crm-rep")))),
          Map.entry(
              "state",
              () -> new ConflictingState("Run 5 is PUBLISHED; only a FAILED run can be retried")),
          Map.entry("gone", () -> new RecordGone("This task was deleted more than 30 days ago.")),
          Map.entry(
              "not-permitted",
              () -> new NotPermitted("Only the owner, their manager or an admin may change this.")),
          Map.entry(
              "sign-in-failed",
              () -> new SignInFailed("The user name or password is not correct.")),
          Map.entry(
              "sign-in-paused",
              () -> new SignInPaused("Too many failed password attempts.", Duration.ofSeconds(90))),
          Map.entry("unmapped", () -> new RequestRefused("A fact the advice does not know.") {}));

  @RestController
  static class Refusing {
    @GetMapping("/refuse/{what}")
    String refuse(@PathVariable String what) {
      throw REFUSALS.get(what).get();
    }
  }

  final MockMvcTester mvc =
      MockMvcTester.create(
          MockMvcBuilders.standaloneSetup(new Refusing())
              .setControllerAdvice(new ProblemDetailsAdvice())
              .build());

  record Answer(int status, JsonNode body, MvcTestResult result) {}

  Answer refuse(String what) {
    MvcTestResult result = mvc.get().uri("/refuse/" + what).exchange();
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode body = JSON.readTree(result.getResponse().getContentAsByteArray());
    List<String> nulls = new ArrayList<>();
    body.properties()
        .forEach(
            member -> {
              if (member.getValue().isNull()) {
                nulls.add(member.getKey());
              }
            });
    assertThat(nulls).as("members without a value in %s", body).isEmpty();
    assertThat(body.get("status").asInt()).isEqualTo(result.getResponse().getStatus());
    return new Answer(result.getResponse().getStatus(), body, result);
  }

  @Test
  void anUnknownRecordIsA404WithItsMessageAsDetail() {
    Answer answer = refuse("not-found");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("title").asString()).isEqualTo("Not found");
    assertThat(answer.body().get("detail").asString()).isEqualTo("The contact was not found.");
    assertThat(answer.body().has("errors")).isFalse();
  }

  @Test
  void invalidFieldsAreA400WithOneEntryPerFieldAndProblem() {
    Answer answer = refuse("invalid");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("title").asString()).isEqualTo("Invalid request");
    assertThat(answer.body().get("detail").asString())
        .isEqualTo("The request has invalid fields: npi.");
    assertThat(answer.body().get("errors"))
        .isEqualTo(
            JSON.readTree(
                "[{\"field\":\"npi\",\"message\":\"must be 10 digits\"},{\"field\":\"npi\",\"message\":\"is not in the registry\"}]"));
  }

  @Test
  void aModulesOwnRefusalAnswersAsTheFactItExtendsWithItsProperties() {
    Answer answer = refuse("file-rejected");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("rejects").toString()).isEqualTo("[3,7]");
    assertThat(answer.body().has("errors")).isFalse();
  }

  @Test
  void aStaleVersionIsA409CarryingTheRecordAsItIsNowOrItsCurrentVersion() {
    Answer stale = refuse("stale");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("title").asString()).isEqualTo("Conflict");
    assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(4);

    Answer versionOnly = refuse("stale-at-version");
    assertThat(versionOnly.status()).isEqualTo(409);
    assertThat(versionOnly.body().get("currentVersion").asInt()).isEqualTo(9);
    assertThat(versionOnly.body().has("current")).isFalse();
  }

  @Test
  void whatExistsAlreadyIsA409NamingTheTakenFieldAndWhatTheCallerMayKnowOfIt() {
    Answer answer = refuse("exists");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().get("errors"))
        .isEqualTo(JSON.readTree("[{\"field\":\"name\",\"message\":\"is taken\"}]"));
    assertThat(answer.body().get("current").get("owner").asString()).isEqualTo("User crm-rep");
  }

  @Test
  void aStateThatStandsInTheWayIsA409() {
    Answer answer = refuse("state");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().get("detail").asString()).contains("only a FAILED run can be retried");
  }

  @Test
  void aRecordPastRestoringIsA410() {
    assertThat(refuse("gone").status()).isEqualTo(410);
  }

  @Test
  void whatTheCallerMayNotDoIsA403SayingWhoMay() {
    Answer answer = refuse("not-permitted");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body().get("title").asString()).isEqualTo("Forbidden");
    assertThat(answer.body().get("detail").asString()).contains("owner");
  }

  @Test
  void aFailedSignInIsA401AndAPausedOneA429SayingWhenToRetry() {
    Answer failed = refuse("sign-in-failed");
    assertThat(failed.status()).isEqualTo(401);
    assertThat(failed.body().get("title").asString()).isEqualTo("Sign-in failed");

    Answer paused = refuse("sign-in-paused");
    assertThat(paused.status()).isEqualTo(429);
    assertThat(paused.body().get("title").asString()).isEqualTo("Sign-in paused");
    assertThat(paused.result().getResponse().getHeader("Retry-After")).isEqualTo("90");
  }

  @Test
  void aRefusalOfNoKnownFactIsStillAProblemDetailNotA500() {
    assertThat(refuse("unmapped").status()).isEqualTo(400);
  }
}
