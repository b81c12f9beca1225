package com.medsales.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code GET /health}, in the shape of the seed's section 6.3. Only {@code database}
 * decides the HTTP status: Redis or disk trouble shows as its component DOWN and the whole as
 * DEGRADED, still 200, so the load balancer does not replace every healthy API task at once because
 * of a shared dependency.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Health(
    String status, Components components, Map<String, @Nullable DatasetFreshness> dataFreshness) {

  public static final String UP = "UP";
  public static final String DOWN = "DOWN";
  public static final String DEGRADED = "DEGRADED";
  public static final String DISABLED = "DISABLED";

  public record Components(Check database, Check redis, Disk diskSpace) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Check(String status, @Nullable Long responseTimeMs) {}

  public record Disk(String status, long freeBytes) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DatasetFreshness(
      Instant lastIngested, @Nullable Long recordCount, @Nullable Integer dataYear) {}

  public boolean databaseUp() {
    return UP.equals(components.database().status());
  }
}
