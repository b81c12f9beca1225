package com.medsales.crm.web;

import com.medsales.crm.internal.Activities;
import com.medsales.crm.internal.Timeline;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logging calls and visits (with a follow-up task in the same request), and a provider's time line.
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1")
@Tag(name = "CRM: activities")
class ActivityController {

  private final Activities activities;
  private final Timeline timeline;

  private final Validator validator;

  ActivityController(Activities activities, Timeline timeline, Validator validator) {
    this.activities = activities;
    this.timeline = timeline;
    this.validator = validator;
  }

  record FollowUp(
      @NotBlank @Size(max = 300) String title,
      @Nullable LocalDate dueDate,
      @Nullable OffsetDateTime remindAt,
      @Nullable @Pattern(regexp = "LOW|NORMAL|HIGH", message = "must be LOW, NORMAL or HIGH")
          String priority) {}

  record NewActivity(
      @NotNull
          @Pattern(
              regexp = "CALL|VISIT|EMAIL|LUNCH|IN_SERVICE|NOTE",
              message = "must be CALL, VISIT, EMAIL, LUNCH, IN_SERVICE or NOTE")
          String kind,
      @Nullable OffsetDateTime occurredAt,
      @NotBlank @Size(max = 300) String subject,
      @Nullable @Size(max = 20000) String notes,
      @Nullable @Size(max = 1000) String outcome,
      @Nullable @Size(max = 1000) String nextStep,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 100) String> products,
      @Nullable UUID accountId,
      @Nullable @Size(max = 50) List<@NotNull UUID> attendeeIds,
      @Nullable @Valid FollowUp followUp) {}

  /**
   * The fields a PATCH may change, each optional (null clears it), and the version the client last
   * read.
   */
  record ActivityChange(
      @Nullable
          @Pattern(
              regexp = "CALL|VISIT|EMAIL|LUNCH|IN_SERVICE|NOTE",
              message = "must be CALL, VISIT, EMAIL, LUNCH, IN_SERVICE or NOTE")
          String kind,
      @Nullable OffsetDateTime occurredAt,
      @Nullable @Size(max = 300) String subject,
      @Nullable @Size(max = 20000) String notes,
      @Nullable @Size(max = 1000) String outcome,
      @Nullable @Size(max = 1000) String nextStep,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 100) String> products,
      @Nullable UUID accountId,
      @NotNull Long version) {}

  @PostMapping("/activities")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Log a call, visit, e-mail, lunch, in-service or note, optionally with a follow-up task")
  Activities.ActivityView log(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewActivity a) {
    var followUp =
        a.followUp() == null
            ? null
            : new Activities.FollowUp(
                a.followUp().title(),
                a.followUp().dueDate(),
                a.followUp().remindAt(),
                a.followUp().priority());
    return activities.log(
        user,
        new Activities.NewActivity(
            a.kind(),
            a.occurredAt(),
            a.subject(),
            a.notes(),
            a.outcome(),
            a.nextStep(),
            a.products(),
            a.accountId(),
            a.attendeeIds() == null ? List.of() : a.attendeeIds(),
            followUp));
  }

  @GetMapping("/activities")
  @Operation(
      summary =
          "Activities I may see, newest first, by contact, account or owner; deleted=true for those deleted in the last 30 days, latest first")
  List<Activities.ActivityView> list(
      @RequestParam(required = false) @Nullable UUID contactId,
      @RequestParam(required = false) @Nullable UUID accountId,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return activities.list(contactId, accountId, ownerId, deleted, size);
  }

  @GetMapping("/activities/{id}")
  @Operation(summary = "One activity")
  Activities.ActivityView find(@PathVariable UUID id) {
    return activities.find(id);
  }

  @PatchMapping("/activities/{id}")
  @Operation(summary = "Change fields; send the version you read")
  Activities.ActivityView update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ActivityChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    return activities.update(
        id, Changes.version(body), Changes.checked(validator, body, ActivityChange.class));
  }

  @DeleteMapping("/activities/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete (restorable for 30 days)")
  void delete(@PathVariable UUID id) {
    activities.delete(id);
  }

  @PostMapping("/activities/{id}/restore")
  @Operation(summary = "Restore an activity deleted in the last 30 days")
  Activities.ActivityView restore(@PathVariable UUID id) {
    return activities.restore(id);
  }

  @GetMapping("/providers/{npi}/timeline")
  @Operation(
      summary =
          "A provider's time line: public-data events and my tenant's CRM work with the provider")
  List<Timeline.Event> providerTimeline(
      @PathVariable @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return timeline.ofProvider(Long.parseLong(npi), size);
  }
}
