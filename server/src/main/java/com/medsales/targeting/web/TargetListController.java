package com.medsales.targeting.web;

import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.Role;
import com.medsales.targeting.TargetLists;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Target lists: the lists, their members with tiers, call goals and calls so far, a dynamic list's
 * changes, and attainment. Everyone reads the lists they may see; their owners, the owners'
 * managers and admins change them.
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/target-lists")
@Tag(name = "Target lists")
class TargetListController {

  private static final String NPI = "\\d{10}";

  private final TargetLists lists;
  private final Validator validator;

  TargetListController(TargetLists lists, Validator validator) {
    this.lists = lists;
    this.validator = validator;
  }

  record NewTargetList(
      @NotBlank @Size(max = 200) String name,
      @NotNull LocalDate periodStart,
      @NotNull LocalDate periodEnd,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 2000) String rule) {}

  @PostMapping
  @Operation(
      summary = "Create a target list",
      description =
          "ownerId defaults to me (a manager may create one for a rep of their team, an admin for anyone). A rule"
              + " (the query string of GET /api/v1/providers, e.g. state=OH&specialty=Cardiology) makes the list"
              + " dynamic: its members are what the rule matches (at most 5,000), re-evaluated after every publish.")
  ResponseEntity<TargetLists.TargetList> create(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewTargetList request) {
    var created =
        lists.create(
            user,
            new TargetLists.NewList(
                request.name(),
                request.periodStart(),
                request.periodEnd(),
                request.ownerId(),
                request.rule()));
    return ResponseEntity.created(URI.create("/api/v1/target-lists/" + created.id())).body(created);
  }

  @GetMapping
  @Operation(summary = "The lists I may see: mine and my team's (all for an admin)")
  List<TargetLists.TargetList> lists(@RequestParam(required = false) @Nullable UUID ownerId) {
    return lists.lists(ownerId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One target list")
  TargetLists.TargetList find(@PathVariable UUID id) {
    return lists.find(id);
  }

  /** The fields a PATCH may change, each optional, and the version the client last read. */
  record TargetListChange(
      @Nullable @Size(min = 1, max = 200) String name,
      @Nullable LocalDate periodStart,
      @Nullable LocalDate periodEnd,
      @Nullable UUID ownerId,
      @Nullable @Size(max = 2000) String rule,
      @NotNull Long version) {}

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change name, period, owner or rule; send the version you read",
      description =
          "A changed rule is re-evaluated at once; rule null or \"\" makes the list static and keeps its members.")
  TargetLists.TargetList update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = TargetListChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    var fields = Patches.checked(validator, body, TargetListChange.class);
    long version = Patches.version(body);
    fields.remove("version");
    return lists.update(id, version, fields);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a target list and its members")
  void delete(@PathVariable UUID id) {
    lists.delete(id);
  }

  record NewMembers(
      @Nullable @Size(max = TargetLists.MAX_MEMBERS_AT_ONCE)
          List<@NotNull @Pattern(regexp = NPI, message = "must be 10 digits") String> npis,
      @Nullable @Size(max = 2000) String search) {}

  @PostMapping("/{id}/members")
  @Operation(
      summary = "Add providers by NPI, or every provider a search matches",
      description =
          "Either npis, or search: the query string of GET /api/v1/providers (every match, not a page; at most 5,000,"
              + " refused beyond with the count).")
  TargetLists.Added addMembers(@PathVariable UUID id, @Valid @RequestBody NewMembers request) {
    return lists.addMembers(id, request.npis(), request.search());
  }

  @GetMapping("/{id}/members")
  @Operation(
      summary =
          "A page of the members with their live registry facts, goals and calls in the period",
      description =
          "sort: tier (default), name, calls, attainment, lastCallAt, npi; cursor from the previous page's nextCursor.")
  TargetLists.MemberPage members(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable @Size(max = 100) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
      @RequestParam(defaultValue = "tier") String sort) {
    TargetLists.MemberSort order;
    try {
      order = TargetLists.MemberSort.parse(sort);
    } catch (IllegalArgumentException e) {
      throw InvalidFields.of("sort", String.valueOf(e.getMessage()));
    }
    return lists.members(id, cursor, size, order);
  }

  record MemberChange(
      @Nullable @Pattern(regexp = "[ABC]", message = "must be A, B or C") String tier,
      @Nullable @Min(0) @Max(1000) Integer callGoal) {}

  @PatchMapping("/{id}/members/{npi}")
  @Operation(
      summary = "Set a member's tier (A, B, C; null clears) and call goal (calls in the period)")
  TargetLists.Member updateMember(
      @PathVariable UUID id,
      @PathVariable String npi,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = MemberChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    return lists.updateMember(id, npi, Patches.checked(validator, body, MemberChange.class));
  }

  record BulkMemberChange(
      @NotNull @Size(min = 1, max = TargetLists.MAX_MEMBERS_AT_ONCE)
          List<@NotNull @Pattern(regexp = NPI, message = "must be 10 digits") String> npis,
      @Nullable @Pattern(regexp = "[ABC]", message = "must be A, B or C") String tier,
      @Nullable Boolean clearTier,
      @Nullable @Min(0) @Max(1000) Integer callGoal) {}

  record Changed(int changed) {}

  @PostMapping("/{id}/members/bulk")
  @Operation(
      summary = "Set the tier and/or call goal of many members at once",
      description = "tier sets it (clearTier: true clears it); callGoal sets the goal.")
  Changed updateMembers(@PathVariable UUID id, @Valid @RequestBody BulkMemberChange request) {
    boolean setTier = request.tier() != null || Boolean.TRUE.equals(request.clearTier());
    if (!setTier && request.callGoal() == null) {
      throw InvalidFields.of("tier", "give a tier, clearTier or a callGoal");
    }
    return new Changed(
        lists.updateMembers(id, request.npis(), setTier, request.tier(), request.callGoal()));
  }

  @DeleteMapping("/{id}/members/{npi}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a member")
  void removeMember(@PathVariable UUID id, @PathVariable String npi) {
    lists.removeMember(id, npi);
  }

  @GetMapping("/{id}/changes")
  @Operation(
      summary =
          "A dynamic list's re-evaluations that changed it, latest first, with who joined and left and why")
  List<TargetLists.Change> changes(
      @PathVariable UUID id, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return lists.changes(id, size);
  }

  @GetMapping("/{id}/attainment")
  @Operation(
      summary =
          "Targets, reached, reach %, calls, goal and frequency (calls per reached target), overall and by tier")
  TargetLists.Attainment attainment(@PathVariable UUID id) {
    return lists.attainment(id);
  }
}
