package com.medsales.crm.web;

import com.medsales.crm.internal.Accounts;
import com.medsales.crm.internal.RecordStore;
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

/** Accounts: hospitals, practices, groups, optionally linked to an organisation NPI. */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/accounts")
@Tag(name = "CRM: accounts")
class AccountController {

  private final Accounts accounts;
  private final Timeline timeline;
  private final Validator validator;

  AccountController(Accounts accounts, Timeline timeline, Validator validator) {
    this.accounts = accounts;
    this.timeline = timeline;
    this.validator = validator;
  }

  record NewAccount(
      @NotBlank @Size(max = 300) String name,
      @Pattern(
              regexp = "HOSPITAL|PRACTICE|GROUP|IDN|OTHER",
              message = "must be HOSPITAL, PRACTICE, GROUP, IDN or OTHER")
          String kind,
      @Nullable @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi,
      @Nullable @Size(max = 50) String phone,
      @Nullable @Size(max = 300) String website,
      @Nullable @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String zip5,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 50) String> tags,
      @Nullable @Size(max = 10000) String notes) {}

  /**
   * The fields a PATCH may change, each optional (null clears it), and the version the client last
   * read.
   */
  record AccountChange(
      @Nullable @Size(max = 300) String name,
      @Nullable
          @Pattern(
              regexp = "HOSPITAL|PRACTICE|GROUP|IDN|OTHER",
              message = "must be HOSPITAL, PRACTICE, GROUP, IDN or OTHER")
          String kind,
      @Nullable @Size(max = 50) String phone,
      @Nullable @Size(max = 300) String website,
      @Nullable @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String zip5,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 50) String> tags,
      @Nullable @Size(max = 10000) String notes,
      @NotNull Long version) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an account, optionally linked to an organisation NPI")
  Accounts.AccountView create(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewAccount a) {
    return accounts.create(
        user,
        new Accounts.NewAccount(
            a.name(),
            a.kind() == null ? "OTHER" : a.kind(),
            a.npi(),
            a.phone(),
            a.website(),
            a.zip5(),
            a.ownerId(),
            a.tags(),
            a.notes()));
  }

  @GetMapping
  @Operation(summary = "Accounts I may see, by name")
  List<Accounts.AccountView> list(
      @RequestParam(required = false) @Size(max = 200) @Nullable String q,
      @RequestParam(required = false) @Size(max = 50) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    return accounts.list(q, tag, ownerId, deleted, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "An account with its organisation's current public facts")
  Accounts.AccountView find(@PathVariable UUID id) {
    return accounts.find(id, true);
  }

  @PatchMapping("/{id}")
  @Operation(
      summary =
          "Change fields; send the version you read (409 with the current record if it changed since)")
  Accounts.AccountView update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = AccountChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    return accounts.update(
        id, Changes.version(body), Changes.checked(validator, body, AccountChange.class));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete (restorable for 30 days)")
  void delete(@PathVariable UUID id) {
    accounts.delete(id);
  }

  @PostMapping("/{id}/restore")
  @Operation(summary = "Restore an account deleted in the last 30 days")
  Accounts.AccountView restore(@PathVariable UUID id) {
    return accounts.restore(id);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Who changed which field, from what, to what")
  List<RecordStore.Change> history(@PathVariable UUID id) {
    return accounts.history(id);
  }

  @GetMapping("/{id}/timeline")
  @Operation(summary = "CRM activity and public-data events, newest first")
  List<Timeline.Event> timeline(
      @PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return timeline.ofAccount(id, size);
  }
}
