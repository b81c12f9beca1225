package com.medsales.export.internal;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import java.util.Map;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API role's worker runs exports (queue {@code exports}): they are users' work, sized by the
 * role caps, and the API tasks scale with users; the ingestion worker's slots stay free for loads
 * that take hours. A redelivered job writes its file again from the start. Expired files are
 * removed every hour.
 */
@Component
@ConditionalOnRole(Role.API)
class ExportJobs implements JobHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Exports exports;

  ExportJobs(Exports exports) {
    this.exports = exports;
  }

  @Override
  public String queue() {
    return Exports.QUEUE;
  }

  @Override
  public String type() {
    return Exports.JOB_TYPE;
  }

  @Override
  public void handle(Job job) throws Exception {
    Map<?, ?> payload = JSON.readValue(job.payload(), Map.class);
    exports.run(
        UUID.fromString(String.valueOf(payload.get("tenantId"))),
        UUID.fromString(String.valueOf(payload.get("userId"))),
        UUID.fromString(String.valueOf(payload.get("id"))));
  }

  @Scheduled(
      initialDelayString = "${medsales.export.cleanup-delay:2m}",
      fixedDelayString = "${medsales.export.cleanup-interval:1h}")
  void removeExpired() {
    exports.removeExpired();
  }
}
