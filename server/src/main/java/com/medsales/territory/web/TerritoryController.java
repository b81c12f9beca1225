package com.medsales.territory.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.Role;
import com.medsales.territory.Alignments;
import com.medsales.territory.Territories;
import com.medsales.territory.TerritoryLevel;
import com.medsales.territory.TerritoryStatistics;
import com.medsales.territory.TerritoryZips;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Territories of my tenant: the hierarchy, its alignment by ZIP and state, alignment files,
 * assignments, and what each territory holds. Every user of the tenant reads; administrators and
 * managers change.
 */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/territories")
@Tag(name = "Territories")
class TerritoryController {

  private static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER')";
  private static final String CSV = "text/csv";

  private final Territories territories;
  private final TerritoryStatistics statistics;
  private final Alignments alignments;
  private final TerritoryZips zips;

  TerritoryController(
      Territories territories,
      TerritoryStatistics statistics,
      Alignments alignments,
      TerritoryZips zips) {
    this.territories = territories;
    this.statistics = statistics;
    this.alignments = alignments;
    this.zips = zips;
  }

  @GetMapping
  @Operation(
      summary =
          "Every territory of my tenant (regions, districts, territories), each with its parent's id, ZIP count, states and reps")
  List<Territories.TerritoryView> tree() {
    return territories.tree();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One territory")
  Territories.TerritoryView territory(@PathVariable UUID id) {
    return territories.territory(id);
  }

  record NewTerritory(
      @NotBlank @Size(max = 200) String name,
      @NotNull TerritoryLevel level,
      @Nullable UUID parentId,
      @Nullable @Size(max = 50) String code) {}

  @PostMapping
  @PreAuthorize(EDITORS)
  @Operation(
      summary = "Create a region, district or territory (a parent must be of a higher level)")
  ResponseEntity<Territories.TerritoryView> create(@Valid @RequestBody NewTerritory request) {
    var created =
        territories.create(request.name(), request.level(), request.parentId(), request.code());
    return ResponseEntity.created(URI.create("/api/v1/territories/" + created.id())).body(created);
  }

  // not TerritoryChange: the OpenAPI document names schemas by simple name, and
  // Alignments.TerritoryChange is one
  record TerritoryUpdate(
      @Nullable @Size(max = 200) String name,
      @Nullable UUID parentId,
      @Nullable Boolean detach,
      @Nullable @Size(max = 50) String code,
      @NotNull Long version) {}

  @PatchMapping("/{id}")
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "Rename, recode (\"\" clears the code) or move a territory under another parent (detach: true makes it top-level);"
              + " 409 with currentVersion if it changed since version")
  Territories.TerritoryView update(
      @PathVariable UUID id, @Valid @RequestBody TerritoryUpdate change) {
    return territories.update(
        id,
        change.name(),
        change.parentId(),
        Boolean.TRUE.equals(change.detach()),
        change.code(),
        change.version());
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(EDITORS)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Delete a territory with its alignment and assignments (409 while territories sit under it)")
  void delete(@PathVariable UUID id) {
    territories.delete(id);
  }

  @GetMapping("/{id}/zips")
  @Operation(
      summary =
          "The ZIPs of this territory (or of the territories under this district or region), by ZIP, each with"
              + " its home county and state and how it got there (via: ZIP aligned itself, COUNTY its home county, STATE its"
              + " state); total and direct (aligned by ZIP) count every page; pass nextCursor as cursor for the next page")
  TerritoryZips.ZipPage zips(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "100") int size) {
    return zips.zips(id, cursor, between("size", size, 1000));
  }

  @GetMapping("/zips")
  @Operation(
      summary =
          "ZIPs starting with prefix (1 to 5 digits) from the Census reference data and my tenant's alignment,"
              + " each with its home county, state and the territory holding it now: what a ZIP picker offers")
  List<TerritoryZips.ZipPlace> lookUpZips(
      @RequestParam String prefix, @RequestParam(defaultValue = "20") int limit) {
    return zips.lookUp(prefix, between("limit", limit, 100));
  }

  @GetMapping("/counties")
  @Operation(
      summary =
          "Counties whose name (\"kings\", \"Kings County\", \"Kings, NY\") or GEOID starts with q, optionally in"
              + " one state, each with its number of home ZIPs and the territory it is aligned to: what a county picker offers")
  List<TerritoryZips.CountyPlace> counties(
      @RequestParam String q,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(defaultValue = "20") int limit) {
    return zips.counties(q, state, between("limit", limit, 100));
  }

  /** A page size or limit from 1 to {@code max}, or a problem naming the parameter. */
  private static int between(String parameter, int value, int max) {
    if (value < 1 || value > max) {
      throw InvalidFields.of(parameter, "must be between 1 and " + max);
    }
    return value;
  }

  @PostMapping("/{id}/zips/{zip}")
  @PreAuthorize(EDITORS)
  @Operation(summary = "Align a ZIP to this territory, moving it from whichever territory held it")
  Territories.ZipAlignment alignZip(@PathVariable UUID id, @PathVariable String zip) {
    return territories.alignZip(id, zip);
  }

  @DeleteMapping("/{id}/zips/{zip}")
  @PreAuthorize(EDITORS)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take a ZIP out of this territory (it is then aligned to none)")
  void unalignZip(@PathVariable UUID id, @PathVariable String zip) {
    territories.unalignZip(id, zip);
  }

  /** At most every USPS code once, with room for a few repeats. */
  record States(@NotNull @Size(max = 100) List<@NotNull @Size(max = 10) String> states) {}

  @PutMapping("/{id}/states")
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "Replace the whole states aligned to this territory (taken from other territories); an aligned ZIP overrides its state")
  Territories.TerritoryView alignStates(@PathVariable UUID id, @Valid @RequestBody States request) {
    return territories.alignStates(id, request.states());
  }

  /** At most every county of the country (about 3,200 GEOIDs). */
  record Counties(@NotNull @Size(max = 4_000) List<@NotNull @Size(max = 10) String> counties) {}

  @PutMapping("/{id}/counties")
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "Replace the whole counties (Census GEOIDs: state and county FIPS) aligned to this territory (taken from"
              + " other territories); a ZIP belongs to the county holding most of its land, an aligned ZIP overrides its county,"
              + " a county its state")
  Territories.TerritoryView alignCounties(
      @PathVariable UUID id, @Valid @RequestBody Counties request) {
    return territories.alignCounties(id, request.counties());
  }

  record Assignments(@NotNull @Size(max = 500) List<@Valid @NotNull AssignmentItem> assignments) {}

  record AssignmentItem(@NotNull UUID userId, @NotNull Territories.AssignmentKind kind) {}

  @PutMapping("/{id}/assignments")
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "Replace the reps assigned to this territory (users of my tenant; at most one PRIMARY)")
  Territories.TerritoryView assign(@PathVariable UUID id, @Valid @RequestBody Assignments request) {
    return territories.assign(
        id,
        request.assignments().stream()
            .map(a -> new Territories.AssignmentRequest(a.userId(), a.kind()))
            .toList());
  }

  @GetMapping("/{id}/providers")
  @Operation(
      summary =
          "Active providers practising in this territory (or under this district or region), by NPI;"
              + " pass nextCursor as cursor for the next page")
  Territories.ProviderPage providers(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int size) {
    return territories.providers(id, cursor, between("size", size, 200));
  }

  @GetMapping("/{id}/stats")
  @Operation(
      summary =
          "Providers by specialty, Part B and Part D volume and Open Payments of this territory's providers"
              + " (year: every dataset's latest loaded year if not given)")
  TerritoryStatistics.Stats stats(
      @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer year) {
    return statistics.of(id, year);
  }

  @GetMapping("/stats")
  @Operation(summary = "The same figures for every territory of my tenant, side by side")
  List<TerritoryStatistics.Stats> allStats(@RequestParam(required = false) @Nullable Integer year) {
    return statistics.all(year);
  }

  @GetMapping("/map")
  @Operation(
      summary = "Every aligned ZIP's centroid with its territory, to draw the territories on a map")
  List<Territories.MapPoint> map() {
    return territories.map();
  }

  @PostMapping(
      path = "/alignment/preview",
      consumes = {CSV, MediaType.TEXT_PLAIN_VALUE})
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "What a ZIP-to-territory file (columns zip and territory or territory_id; optional level, parent)"
              + " would change: ZIPs added, moved and unassigned, territories created, providers gained and lost. Nothing is kept")
  Alignments.Summary preview(
      @RequestBody byte[] file, @RequestParam(defaultValue = "replace") String mode) {
    return alignments.preview(file, mode(mode));
  }

  @PostMapping(path = "/alignment/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(EDITORS)
  Alignments.Summary previewUpload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "replace") String mode) {
    return alignments.preview(bytes(file), mode(mode));
  }

  @PostMapping(
      path = "/alignment/apply",
      consumes = {CSV, MediaType.TEXT_PLAIN_VALUE})
  @PreAuthorize(EDITORS)
  @Operation(
      summary =
          "Apply a ZIP-to-territory file in one transaction (mode=replace: the file is the whole alignment;"
              + " merge: only its ZIPs change); a file with any rejected line applies nothing (400 listing the rejects)")
  Alignments.Summary apply(
      @RequestBody byte[] file, @RequestParam(defaultValue = "replace") String mode) {
    return alignments.apply(file, mode(mode));
  }

  @PostMapping(path = "/alignment/apply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(EDITORS)
  Alignments.Summary applyUpload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "replace") String mode) {
    return alignments.apply(bytes(file), mode(mode));
  }

  private static Alignments.Mode mode(String mode) {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "replace" -> Alignments.Mode.REPLACE;
      case "merge" -> Alignments.Mode.MERGE;
      default -> throw InvalidFields.of("mode", "must be replace or merge");
    };
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
