package com.medsales.segment.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import com.medsales.segment.BasketDeciles;
import com.medsales.segment.Baskets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Market baskets of my tenant and their deciles. Every user of the tenant reads; administrators and
 * managers change them.
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@Tag(name = "Segments")
class BasketController {

  private static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER')";

  private final Baskets baskets;
  private final BasketDeciles deciles;

  BasketController(Baskets baskets, BasketDeciles deciles) {
    this.baskets = baskets;
    this.deciles = deciles;
  }

  record ItemBody(@Nullable String code, @Nullable String role) {}

  /**
   * source PARTD (items are drug names, generic or brand) or PARTB (HCPCS codes); metric CLAIMS
   * (default), FILLS, COST, BENEFICIARIES for Part D, SERVICES (default), BENEFICIARIES, ALLOWED
   * for Part B; each item OWN or COMPETITOR. version (on PUT, optional): the version you read.
   */
  record BasketBody(
      @Nullable String name,
      @Nullable String source,
      @Nullable String metric,
      @Nullable List<@Nullable ItemBody> items,
      @Nullable Long version) {

    Baskets.Draft draft() {
      return new Baskets.Draft(
          name,
          source,
          metric,
          items == null
              ? null
              : items.stream()
                  .map(i -> i == null ? null : new Baskets.ItemDraft(i.code(), i.role()))
                  .toList());
    }
  }

  @GetMapping("/api/v1/baskets")
  @Operation(summary = "My tenant's market baskets, with their status and computed years")
  List<Baskets.BasketView> list() {
    return baskets.list();
  }

  @PostMapping("/api/v1/baskets")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "Create a basket; every item must match a row of a loaded year (400 naming the item otherwise)")
  Baskets.BasketView create(@RequestBody BasketBody body) {
    return baskets.create(body.draft());
  }

  @GetMapping("/api/v1/baskets/codes")
  @Operation(summary = "Drug names (Part D) or HCPCS codes (Part B) of the loaded data, as typed")
  List<Baskets.Code> codes(
      @RequestParam @Pattern(regexp = "(?i)PARTD|PARTB", message = "must be PARTD or PARTB")
          String source,
      @RequestParam(required = false) @Size(max = 100) @Nullable String q,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return baskets.codes(source, q, size);
  }

  @GetMapping("/api/v1/baskets/{id}")
  @Operation(summary = "One basket")
  Baskets.BasketView find(@PathVariable UUID id) {
    return baskets.find(id);
  }

  @PutMapping("/api/v1/baskets/{id}")
  @PreAuthorize(EDITORS)
  @Operation(summary = "Replace a basket's name, metric and items (its source stays)")
  Baskets.BasketView update(@PathVariable UUID id, @RequestBody BasketBody body) {
    return baskets.update(id, body.draft(), body.version());
  }

  @DeleteMapping("/api/v1/baskets/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(EDITORS)
  @Operation(summary = "Delete a basket and its results")
  void delete(@PathVariable UUID id) {
    baskets.delete(id);
  }

  @GetMapping("/api/v1/baskets/{id}/deciles")
  @Operation(
      summary =
          "Providers with volume in the basket, by volume, with their decile in the nation, a state or a territory")
  BasketDeciles.Page deciles(
      @PathVariable UUID id,
      @RequestParam(required = false) @Min(1900) @Max(2200) @Nullable Integer year,
      @RequestParam(required = false)
          @Pattern(regexp = "[A-Za-z]{2}", message = "must be 2 letters")
          @Nullable String state,
      @RequestParam(required = false) @Nullable UUID territoryId,
      @RequestParam(defaultValue = "1") @Min(1) @Max(10) int minDecile,
      @RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return deciles.deciles(id, year, state, territoryId, minDecile, cursor, size);
  }

  @GetMapping("/api/v1/baskets/{id}/summary")
  @Operation(
      summary =
          "Providers and volume per decile, and who entered or left deciles 8-10 since the computation before")
  BasketDeciles.Summary summary(
      @PathVariable UUID id,
      @RequestParam(required = false) @Min(1900) @Max(2200) @Nullable Integer year,
      @RequestParam(required = false)
          @Pattern(regexp = "[A-Za-z]{2}", message = "must be 2 letters")
          @Nullable String state,
      @RequestParam(required = false) @Nullable UUID territoryId) {
    return deciles.summary(id, year, state, territoryId);
  }

  @GetMapping("/api/v1/providers/{npi}/baskets")
  @Operation(
      summary =
          "A provider's volume and decile in each of my tenant's baskets, every computed year")
  List<BasketDeciles.ProviderBasket> ofProvider(
      @PathVariable @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi) {
    return deciles.ofProvider(Long.parseLong(npi));
  }
}
