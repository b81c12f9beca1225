package com.medsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * compose.yaml against the seed's section 3.3 and the application's configuration: a variable the
 * application does not read, a port it does not listen on or a service without its health check
 * fails here rather than at {@code up}.
 */
class ComposeFileTests {

  Map<String, Object> compose;
  Map<String, Map<String, Object>> services;
  String applicationYaml;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void read() throws Exception {
    compose = DeployFiles.yaml("compose.yaml");
    services = (Map<String, Map<String, Object>>) compose.get("services");
    applicationYaml = DeployFiles.read("server/src/main/resources/application.yaml");
  }

  @Test
  void hasTheSeedsServicesAndImages() {
    assertThat(services).containsOnlyKeys("api", "worker", "postgres", "redis", "web");
    assertThat(services.get("postgres")).containsEntry("image", "postgis/postgis:16-3.4-alpine");
    assertThat(services.get("redis")).containsEntry("image", "redis:7-alpine");
    assertThat(build("api"))
        .containsEntry("context", ".")
        .containsEntry("dockerfile", "Dockerfile");
    assertThat(build("worker"))
        .containsEntry("context", ".")
        .containsEntry("dockerfile", "Dockerfile.worker");
    assertThat(build("web"))
        .containsEntry("context", "./web")
        .containsEntry("dockerfile", "Dockerfile");
    assertThat(DeployFiles.file("Dockerfile")).exists();
    assertThat(DeployFiles.file("Dockerfile.worker")).exists();
    assertThat(DeployFiles.file("web/Dockerfile")).exists();
    assertThat((Map<String, Object>) compose.get("volumes")).containsKey("pgdata");
    assertThat(services.get("postgres").get("volumes").toString())
        .contains("pgdata:/var/lib/postgresql/data");
  }

  @Test
  void everyVariableIsOneTheApplicationReads() {
    Set<String> read = new TreeSet<>();
    var placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(applicationYaml);
    while (placeholder.find()) {
      read.add(placeholder.group(1));
    }
    read.add("SPRING_PROFILES_ACTIVE"); // Spring Boot's own
    for (String service : List.of("api", "worker")) {
      assertThat(environment(service).keySet()).as(service).isSubsetOf(read);
    }
    assertThat(environment("api"))
        .containsKeys(
            "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASS", "REDIS_HOST", "REDIS_PORT");
    assertThat(environment("worker"))
        .containsKeys("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASS", "S3_BUCKET");
    assertThat(environment("api")).containsEntry("MEDSALES_ROLES", "api");
    assertThat(environment("worker").get("MEDSALES_ROLES"))
        .isEqualTo("ingestion-worker,notification-worker");
  }

  @Test
  void theApplicationReachesTheDatabaseAndRedisCompose() {
    var postgres = environment("postgres");
    for (String service : List.of("api", "worker")) {
      var env = environment(service);
      assertThat(env)
          .as(service)
          .containsEntry("DB_HOST", "postgres")
          .containsEntry("DB_PORT", "5432");
      assertThat(env.get("DB_NAME")).isEqualTo(postgres.get("POSTGRES_DB"));
      assertThat(env.get("DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
      assertThat(env.get("DB_PASS")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }
    assertThat(environment("api"))
        .containsEntry("REDIS_HOST", "redis")
        .containsEntry("REDIS_PORT", "6379");
    assertThat(environment("web")).containsEntry("API_UPSTREAM", "api:" + applicationPort());
  }

  @Test
  void portsMatchWhatTheProcessesListenOn() {
    assertThat(ports("api")).containsExactly(applicationPort() + ":" + applicationPort());
    assertThat(ports("postgres")).containsExactly("5432:5432");
    assertThat(ports("redis")).containsExactly("6379:6379");
    // nginx runs unprivileged on 8080 (web/nginx/medsales.conf.template)
    assertThat(ports("web")).containsExactly("3000:8080");
    assertThat(services.get("worker")).doesNotContainKey("ports");
  }

  @Test
  @SuppressWarnings("unchecked")
  void servicesWaitForHealthyDependenciesAndCheckTheirOwnHealth() {
    assertThat(dependsOn("api"))
        .containsEntry("postgres", "service_healthy")
        .containsEntry("redis", "service_healthy");
    assertThat(dependsOn("worker")).containsEntry("postgres", "service_healthy");
    assertThat(dependsOn("web")).containsEntry("api", "service_healthy");
    for (String service : List.of("api", "worker")) {
      var check = (Map<String, Object>) services.get(service).get("healthcheck");
      assertThat((List<String>) check.get("test"))
          .as(service)
          .containsExactly(
              "CMD", "wget", "-qO-", "http://localhost:" + applicationPort() + "/health");
    }
    assertThat(services.get("postgres").get("healthcheck").toString())
        .contains("pg_isready -U medsales");
    assertThat(services.get("redis").get("healthcheck").toString()).contains("redis-cli, ping");
  }

  private String applicationPort() {
    var port = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(applicationYaml);
    assertThat(port.find()).as("server.port in application.yaml").isTrue();
    return port.group(1);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> build(String service) {
    return (Map<String, Object>) services.get(service).get("build");
  }

  @SuppressWarnings("unchecked")
  private List<String> ports(String service) {
    return (List<String>) services.get(service).get("ports");
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> dependsOn(String service) {
    Map<String, String> result = new LinkedHashMap<>();
    ((Map<String, Map<String, String>>) services.get(service).get("depends_on"))
        .forEach((k, v) -> result.put(k, v.get("condition")));
    return result;
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> environment(String service) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String entry : (List<String>) services.get(service).get("environment")) {
      String[] parts = entry.split("=", 2);
      result.put(parts[0], parts[1]);
    }
    return result;
  }
}
