package com.medsales.export.web;

import com.medsales.export.internal.Exports;
import com.medsales.identity.MedsalesUser;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports")
class ExportController {

  private final Exports exports;

  ExportController(Exports exports) {
    this.exports = exports;
  }

  /**
   * What to export: a list ({@code kind}), a format, and the list endpoint's own query parameters.
   */
  record NewExport(
      @NotNull @Pattern(regexp = "[a-z][a-z-]{1,49}", message = "must be a kind of export")
          String kind,
      @NotNull Exports.Format format,
      @Nullable @Size(max = 50) Map<@Size(max = 50) String, @Nullable Object> params) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Export a list to CSV or XLSX in the background",
      description =
          "kind: providers (params: the query parameters of GET /api/v1/providers), contacts, accounts,"
              + " activities, tasks, opportunities (params: those lists' filters), territory-stats (params: year)."
              + " The export holds exactly what the caller could page through. Over the role's row cap"
              + " (MEDSALES_EXPORT_MAX_ROWS_REP, _MANAGER, _ADMIN) it is refused with the count.")
  Exports.Requested create(
      @AuthenticationPrincipal MedsalesUser user, @Valid @RequestBody NewExport request) {
    return exports.request(
        user,
        request.kind(),
        request.format(),
        request.params() == null ? Map.of() : request.params());
  }

  @GetMapping
  @Operation(summary = "My exports, newest first")
  List<Exports.ExportView> mine(@AuthenticationPrincipal MedsalesUser user) {
    return exports.mine(user);
  }

  @GetMapping("/{id}")
  @Operation(summary = "An export: its status, progress, rows and, once done, its download link")
  Exports.ExportView find(@AuthenticationPrincipal MedsalesUser user, @PathVariable UUID id) {
    return exports.find(user, id);
  }

  @GetMapping("/{id}/download")
  @Operation(
      summary = "The file",
      description =
          "A redirect (302) to a presigned S3 link valid for 15 minutes, or the file itself when files are kept"
              + " under MEDSALES_HOME; 410 once the export has expired (after 7 days).")
  ResponseEntity<Resource> download(
      @AuthenticationPrincipal MedsalesUser user, @PathVariable UUID id) {
    Exports.Download file = exports.download(user, id);
    if (file.link() != null) {
      return ResponseEntity.status(HttpStatus.FOUND).location(file.link()).build();
    }
    InputStream content = java.util.Objects.requireNonNull(file.content());
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.filename()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.parseMediaType(file.contentType()))
        .body(new InputStreamResource(content));
  }
}
