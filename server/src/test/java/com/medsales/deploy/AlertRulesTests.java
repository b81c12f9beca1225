package com.medsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules cover the seed's section 6.2 table, and promtool accepts and fires
 * them.
 */
class AlertRulesTests {

  static final String DIR = "deploy/monitoring/prometheus";

  /**
   * Each row of the table: its warning alert (null where the seed has none) and its critical alert.
   */
  static final Map<String, List<String>> SEED_TABLE = new LinkedHashMap<>();

  static {
    SEED_TABLE.put(
        "API response time (p95)", List.of("ApiLatencyP95High", "ApiLatencyP95Critical"));
    SEED_TABLE.put("API error rate (5xx)", List.of("ApiErrorRateHigh", "ApiErrorRateCritical"));
    SEED_TABLE.put("Database CPU", List.of("DatabaseCpuHigh", "DatabaseCpuCritical"));
    SEED_TABLE.put(
        "Database connections", List.of("DatabaseConnectionsHigh", "DatabaseConnectionsCritical"));
    SEED_TABLE.put("Redis memory", List.of("RedisMemoryHigh", "RedisMemoryCritical"));
    SEED_TABLE.put("Redis hit rate", List.of("CacheHitRateLow", "CacheHitRateCritical"));
    SEED_TABLE.put("Disk I/O (RDS)", List.of("DatabaseDiskIoHigh", "DatabaseDiskIoCritical"));
    SEED_TABLE.put("ECS task health", List.of("EcsTaskUnhealthy", "EcsTasksMostlyUnhealthy"));
    SEED_TABLE.put("Ingestion job failure", List.of("", "IngestionRunFailed"));
    SEED_TABLE.put(
        "Certificate expiry", List.of("CertificateExpiresSoon", "CertificateExpiresVerySoon"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> rules() throws Exception {
    Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
    for (var group :
        (List<Map<String, Object>>) DeployFiles.yaml(DIR + "/alerts.yml").get("groups")) {
      for (var rule : (List<Map<String, Object>>) group.get("rules")) {
        rules.put((String) rule.get("alert"), rule);
      }
    }
    return rules;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRowOfTheSeedTableHasAWarningAndACriticalAlert() throws Exception {
    var rules = rules();
    SEED_TABLE.forEach(
        (row, alerts) -> {
          if (!alerts.get(0).isEmpty()) {
            assertThat(rules).as(row).containsKey(alerts.get(0));
            assertThat((Map<String, Object>) rules.get(alerts.get(0)).get("labels"))
                .as(row)
                .containsEntry("severity", "warning");
          }
          assertThat(rules).as(row).containsKey(alerts.get(1));
          assertThat((Map<String, Object>) rules.get(alerts.get(1)).get("labels"))
              .as(row)
              .containsEntry("severity", "critical");
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theUnitTestsFireEveryAlert() throws Exception {
    var tests = (List<Map<String, Object>>) DeployFiles.yaml(DIR + "/alerts_test.yml").get("tests");
    Set<String> fired =
        tests.stream()
            .flatMap(t -> ((List<Map<String, Object>>) t.get("alert_rule_test")).stream())
            .filter(t -> !((List<?>) t.get("exp_alerts")).isEmpty())
            .map(t -> (String) t.get("alertname"))
            .collect(Collectors.toSet());
    assertThat(fired).containsExactlyInAnyOrderElementsOf(rules().keySet());
  }

  @Test
  void promtoolAcceptsTheRulesAndTheScrapeConfiguration() throws Exception {
    var promtool = DeployFiles.tool("promtool", "apt-get install prometheus");
    var rules =
        DeployFiles.run(
            DeployFiles.file(DIR), List.of(promtool.toString(), "check", "rules", "alerts.yml"));
    assertThat(rules.exitCode()).as(rules.output()).isZero();
    assertThat(rules.output()).contains("SUCCESS: " + rules().size() + " rules found");
    var config =
        DeployFiles.run(
            DeployFiles.file(DIR),
            List.of(promtool.toString(), "check", "config", "prometheus.yml"));
    assertThat(config.exitCode()).as(config.output()).isZero();
  }

  @Test
  void promtoolUnitTestsPass() throws Exception {
    var promtool = DeployFiles.tool("promtool", "apt-get install prometheus");
    var result =
        DeployFiles.run(
            DeployFiles.file(DIR),
            List.of(promtool.toString(), "test", "rules", "alerts_test.yml"));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }
}
