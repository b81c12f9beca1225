package com.medsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.jobs.Job;
import com.medsales.jobs.JobHandler;
import com.medsales.jobs.JobQueue;
import com.medsales.jobs.JobRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric that an alert rule or the Grafana dashboard reads is one the application exposes on
 * {@code /actuator/prometheus}, or one of the few that come from elsewhere (listed below with their
 * source).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"medsales.jobs.depth-refresh=300ms", "medsales.roles=api"})
@DirtiesContext
class MetricNamesIntegrationTests {

  /** Metrics that are not the application's, by where they come from. */
  static final Map<String, String> EXTERNAL =
      Map.of(
          "up", "Prometheus, one series per scraped task",
          "probe_ssl_earliest_cert_expiry", "blackbox exporter probing the public /health",
          "aws_rds_cpuutilization_average",
              "CloudWatch AWS/RDS CPUUtilization through yet-another-cloudwatch-exporter",
          "aws_rds_read_iops_average",
              "CloudWatch AWS/RDS ReadIOPS through yet-another-cloudwatch-exporter",
          "aws_rds_write_iops_average",
              "CloudWatch AWS/RDS WriteIOPS through yet-another-cloudwatch-exporter",
          "aws_elasticache_database_memory_usage_percentage_average",
              "CloudWatch AWS/ElastiCache DatabaseMemoryUsagePercentage through yet-another-cloudwatch-exporter");

  @TestConfiguration
  static class MetricsHandler {
    @Bean
    JobHandler metricsProbe() {
      return new JobHandler() {
        @Override
        public String queue() {
          return "metrics-tests";
        }

        @Override
        public String type() {
          return "probe";
        }

        @Override
        public void handle(Job job) {}
      };
    }
  }

  @LocalServerPort int port;
  @Autowired JobQueue queue;

  @Test
  void extractsMetricNamesFromPromQl() {
    assertThat(
            metricNames(
                "sum by (le) (rate(http_server_requests_seconds_bucket{application=\"medsales\", uri!~\"/a.*\"}[5m]))"
                    + " / on(pool) group_left() topk(5, hikaricp_connections_max) > 0.95 and up offset 5m"))
        .containsExactlyInAnyOrder(
            "http_server_requests_seconds_bucket", "hikaricp_connections_max", "up");
  }

  @Test
  void rulesAndDashboardReadOnlyMetricsThatExist() throws Exception {
    // traffic, a job that ran and one that waits (queue depth): the metrics that appear on first
    // use
    var http = HttpClient.newHttpClient();
    http.send(
        HttpRequest.newBuilder(url("/health")).build(), HttpResponse.BodyHandlers.discarding());
    queue.enqueue(JobRequest.of("metrics-tests", "probe", "{}"));
    queue.enqueue(JobRequest.of("metrics-waiting", "probe", "{}"));

    Set<String> used = new TreeSet<>();
    used.addAll(ruleMetrics());
    used.addAll(dashboardMetrics());
    Set<String> expected =
        used.stream()
            .filter(name -> !EXTERNAL.containsKey(name))
            .collect(Collectors.toCollection(TreeSet::new));

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(exposed(http)).containsAll(expected));
    assertThat(used)
        .containsAll(EXTERNAL.keySet()); // no stale entries in the list of outside metrics
    assertThat(exposed(http)).doesNotContainAnyElementsOf(EXTERNAL.keySet());
  }

  private Set<String> exposed(HttpClient http) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @SuppressWarnings("unchecked")
  static Set<String> ruleMetrics() throws Exception {
    Set<String> names = new TreeSet<>();
    for (var group :
        (List<Map<String, Object>>)
            DeployFiles.yaml("deploy/monitoring/prometheus/alerts.yml").get("groups")) {
      for (var rule : (List<Map<String, Object>>) group.get("rules")) {
        names.addAll(metricNames((String) rule.get("expr")));
      }
    }
    return names;
  }

  static Set<String> dashboardMetrics() throws Exception {
    JsonNode dashboard =
        JsonMapper.builder()
            .build()
            .readTree(
                DeployFiles.read("deploy/monitoring/grafana/dashboards/medsales-overview.json"));
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      if (panel.has("targets")) {
        for (JsonNode target : panel.get("targets")) {
          names.addAll(metricNames(target.get("expr").asString()));
        }
      }
    }
    assertThat(names).isNotEmpty();
    return names;
  }

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

  /**
   * The metric names a PromQL expression reads: identifiers that are not functions, labels or
   * keywords.
   */
  static Set<String> metricNames(String expr) {
    String bare =
        expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\boffset\\s+\\w+", " ");
    Set<String> names = new TreeSet<>();
    var matcher = IDENTIFIER.matcher(bare);
    while (matcher.find()) {
      String name = matcher.group();
      if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))
          && !Character.isDigit(bare.charAt(Math.max(matcher.start() - 1, 0)))) {
        names.add(name);
      }
    }
    return names;
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
