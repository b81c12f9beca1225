package com.medsales.ops.web;

import com.medsales.ops.Health;
import com.medsales.ops.HealthCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: open to all, answered by every role (the load balancer and ECS call it). */
@RestController
@Tag(name = "Operations")
class HealthController {

  private final HealthCheck healthCheck;

  HealthController(HealthCheck healthCheck) {
    this.healthCheck = healthCheck;
  }

  @GetMapping(path = "/health", produces = "application/json")
  @Operation(
      summary = "Platform health and data freshness",
      description = "200 while the database answers (status UP or DEGRADED), 503 when it does not.")
  ResponseEntity<Health> health() {
    Health health = healthCheck.check();
    return ResponseEntity.status(
            health.databaseUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .cacheControl(CacheControl.noStore())
        .body(health);
  }
}
