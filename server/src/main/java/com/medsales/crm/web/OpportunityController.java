package com.medsales.crm.web;

import com.medsales.crm.internal.Opportunities;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pipeline: stages (configured by the tenant's admins), opportunities, the kanban board, the
 * forecast.
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/opportunities")
@Tag(name = "CRM: opportunities")
class OpportunityController {

  private final Opportunities opportunities;

  private final Validator validator;

  OpportunityController(Opportunities opportunities, Validator validator) {
    this.opportunities = opportunities;
    this.validator = validator;
  }

  @GetMapping("/stages")
  @Operation(summary = "The pipeline's stages in order")
  List<Opportunities.Stage> stages() {
    return opportunities.stages();
  }

  record StageRequest(
      @Nullable UUID id,
      @NotBlank @Size(max = 100) String name,
      @Min(0) @Max(100) int probability,
      @Pattern(regexp = "OPEN|WON|LOST", message = "must be OPEN, WON or LOST") String outcome) {}

  @PutMapping("/stages")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Replace the pipeline's stages (admins); stages holding opportunities must stay")
  List<Opportunities.Stage> configure(
      @Valid @RequestBody @NotEmpty @Size(max = 20) List<@Valid StageRequest> stages) {
    return opportunities.configure(
        stages.stream()
            .map(
                s ->
                    new Opportunities.StageRequest(
                        s.id(),
                        s.name(),
                        s.probability(),
                        s.outcome() == null ? "OPEN" : s.outcome()))
            .toList());
  }

  record NewOpportunity(
      @NotBlank @Size(max = 300) String name,
      @Nullable UUID accountId,
      @Nullable UUID contactId,
      @Nullable UUID stageId,
      @Nullable @DecimalMin("0") BigDecimal amount,
      @Nullable LocalDate closeDate,
      @Nullable @Min(0) @Max(100) Integer probability,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 100) String> products,
      @Nullable UUID ownerId) {}

  /**
   * The fields a PATCH may change, each optional (null clears it), and the version the client last
   * read.
   */
  record OpportunityChange(
      @Nullable @Size(max = 300) String name,
      @Nullable UUID accountId,
      @Nullable UUID contactId,
      @Nullable UUID stageId,
      @Nullable @DecimalMin("0") BigDecimal amount,
      @Nullable LocalDate closeDate,
      @Nullable @Min(0) @Max(100) Integer probability,
      @Nullable @Size(max = 50) List<@NotNull @Size(max = 100) String> products,
      @Nullable UUID ownerId,
      @NotNull Long version) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an opportunity (in the first stage unless another is given)")
  Opportunities.OpportunityView create(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewOpportunity o) {
    return opportunities.create(
        user,
        new Opportunities.NewOpportunity(
            o.name(),
            o.accountId(),
            o.contactId(),
            o.stageId(),
            o.amount(),
            o.closeDate(),
            o.probability(),
            o.products(),
            o.ownerId()));
  }

  @GetMapping
  @Operation(
      summary =
          "Opportunities I may see, by stage; deleted=true for those deleted in the last 30 days, latest first")
  List<Opportunities.OpportunityView> list(
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(required = false) @Nullable UUID accountId,
      @RequestParam(required = false) @Nullable UUID contactId,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return opportunities.list(ownerId, accountId, contactId, deleted);
  }

  @GetMapping("/board")
  @Operation(summary = "The kanban board: each stage with its opportunities and total")
  List<Opportunities.Column> board(@RequestParam(required = false) @Nullable UUID ownerId) {
    return opportunities.board(ownerId);
  }

  @GetMapping("/forecast")
  @Operation(summary = "Open (and weighted) and won amounts by month of expected close")
  List<Opportunities.ForecastMonth> forecast(
      @RequestParam(defaultValue = "6") @Min(1) @Max(24) int months,
      @RequestParam(required = false) @Nullable UUID ownerId) {
    return opportunities.forecast(months, ownerId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One opportunity")
  Opportunities.OpportunityView find(@PathVariable UUID id) {
    return opportunities.find(id);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change fields (stageId moves it on the board); send the version you read")
  Opportunities.OpportunityView update(
      @PathVariable UUID id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = OpportunityChange.class)))
          @RequestBody
          Map<String, @Nullable Object> body) {
    return opportunities.update(
        id, Changes.version(body), Changes.checked(validator, body, OpportunityChange.class));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete (restorable for 30 days)")
  void delete(@PathVariable UUID id) {
    opportunities.delete(id);
  }

  @PostMapping("/{id}/restore")
  @Operation(summary = "Restore an opportunity deleted in the last 30 days")
  Opportunities.OpportunityView restore(@PathVariable UUID id) {
    return opportunities.restore(id);
  }
}
