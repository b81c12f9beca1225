package com.medsales.audit.web;

import com.medsales.audit.AuditEvent;
import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for tenant administrators (their tenant's chain) and operators (the platform's
 * chain).
 */
@RestController
@Validated
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Audit trail")
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  record AuditPage(List<AuditEvent> items, @Nullable String nextCursor) {}

  @GetMapping
  @Operation(summary = "Search the audit trail, newest first")
  AuditPage search(
      @RequestParam(required = false) @Size(max = 100) @Nullable String action,
      @RequestParam(required = false) @Size(max = 100) @Nullable String actor,
      @RequestParam(required = false) @Nullable AuditOutcome outcome,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(required = false) @Min(1) @Nullable Long cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    List<AuditEvent> items =
        trail.search(
            new AuditTrail.Query(blank(action), blank(actor), outcome, from, to, cursor, size + 1));
    String next = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      next = Long.toString(items.getLast().id());
    }
    return new AuditPage(items, next);
  }

  @GetMapping("/verify")
  @Operation(summary = "Recompute the hash chain and report the first broken link")
  AuditTrail.Verification verify() {
    return trail.verify();
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
