package com.medsales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the packaged jar the way the README's run command does ({@code java -jar medsales.jar} on
 * the embedded default) and checks what a newcomer sees: /health, the web app in a real browser,
 * metrics, a second process on the same home refused, a restart that keeps the data, and a
 * command-line job.
 */
class ApplicationLaunchTests {

  static final Path JAR = Path.of(System.getProperty("medsales.jar", "target/medsales.jar"));
  static final Path WEB_DIR = Path.of(System.getProperty("medsales.webDir", "../web"));

  /**
   * The demo admin's and operator's passwords on first start, which the browser tests sign in with.
   */
  static final String ADMIN_PASSWORD = "amber harbour kestrel 2026";

  static final String OPERATOR_PASSWORD = "cobalt meadow lantern 2026";

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final List<Process> processes = new ArrayList<>();
  Path home;
  Path logs;

  @BeforeEach
  void freshHome() throws IOException {
    Path base = Path.of("target", "launch-tests").toAbsolutePath();
    FileSystemUtils.deleteRecursively(base);
    home = Files.createDirectories(base.resolve("home"));
    logs = Files.createDirectories(base.resolve("logs"));
  }

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void runsOnTheEmbeddedDefaultServesTheAppAndKeepsItsDataAcrossRestarts() throws Exception {
    assertThat(JAR).as("the packaged jar (mvn package)").exists();
    int port = freePort();

    // the first start loads the bundled demo data (MEDSALES_DEMO_DATA) in the background, as a
    // newcomer's would
    Process first = start(port, "first", List.of(), true);
    awaitHealthy(port, first, "first");
    awaitDemoData(port);
    assertThat(Files.readString(logs.resolve("first.out")))
        .contains("MedSales is running at http://localhost:" + port);
    assertThat(home.resolve("pgdata/PG_VERSION")).exists();
    Instant migratedAt = schemaInstalledOn();

    // a second process on the same home must not touch the running database
    Process second = start(freePort(), "second", List.of());
    assertThat(second.waitFor(90, TimeUnit.SECONDS))
        .as("the second process stops by itself")
        .isTrue();
    assertThat(second.exitValue()).isNotZero();
    assertThat(Files.readString(logs.resolve("second.out")))
        .contains("is in use by another MedSales process (pid " + first.pid() + ")");
    assertThat(get(port, "/health").statusCode()).isEqualTo(200);

    browserTests(port);

    String metrics = get(port, "/actuator/prometheus").body();
    assertThat(metrics)
        .contains("http_server_requests_seconds_bucket")
        .contains("hikaricp_connections_active")
        .contains("cache_gets_total");

    stop(first);

    // a command-line job on the same home, then the platform again on the data it left
    Process migrate = start(0, "migrate", List.of("migrate"));
    assertThat(migrate.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(migrate.exitValue()).as(Files.readString(logs.resolve("migrate.out"))).isZero();
    assertThat(Files.readString(logs.resolve("migrate.out")))
        .contains("Database schema is at version");

    Process again = start(port, "again", List.of());
    awaitHealthy(port, again, "again");
    assertThat(schemaInstalledOn()).as("the same database, not a new one").isEqualTo(migratedAt);
    stop(again);
  }

  /** The web app's browser tests (web/e2e) in Debian's Chromium, against this running jar. */
  private void browserTests(int port) throws Exception {
    boolean required =
        "true".equals(System.getenv("CI"))
            || "required".equals(System.getenv("MEDSALES_BROWSER_TESTS"));
    boolean chromium =
        Files.isExecutable(
            Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")));
    if (!required) {
      assumeThat(chromium)
          .as("Chromium not found at /usr/bin/chromium (apt-get install chromium)")
          .isTrue();
    }
    var builder =
        new ProcessBuilder("node", "--test", "e2e/")
            .directory(WEB_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("e2e.out").toFile());
    builder.environment().put("MEDSALES_BASE_URL", "http://localhost:" + port);
    builder
        .environment()
        .put(
            "MEDSALES_SCREENSHOT_DIR",
            Path.of("target", "e2e-screenshots").toAbsolutePath().toString());
    builder.environment().put("MEDSALES_E2E_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("MEDSALES_E2E_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
    Process e2e = builder.start();
    // twelve journeys, run one file at a time on two cores: a bound on a hung browser, not a target
    assertThat(e2e.waitFor(420, TimeUnit.SECONDS)).as("browser tests finish").isTrue();
    String output = Files.readString(logs.resolve("e2e.out"));
    System.out.println(output);
    assertThat(e2e.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0").contains("# skipped 0").doesNotContain("# pass 0");
    assertThat(Path.of("target", "e2e-screenshots", "overview.png")).exists();
    assertThat(Path.of("target", "e2e-screenshots", "admin-users.png")).exists();
  }

  private Process start(int port, String name, List<String> args) throws IOException {
    return start(port, name, args, false);
  }

  private Process start(int port, String name, List<String> args, boolean demoData)
      throws IOException {
    var command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                JAR.toString()));
    command.addAll(args);
    if (port > 0) {
      command.add("--server.port=" + port);
    }
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".out").toFile());
    builder.environment().put("MEDSALES_HOME", home.toString());
    builder.environment().put("MEDSALES_DEMO_DATA", String.valueOf(demoData));
    builder.environment().put("MEDSALES_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("MEDSALES_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
    // the notifications browser test waits for a task reminder: the sweep's default is 30 s
    builder.environment().put("MEDSALES_NOTIFICATION_REMINDER_SWEEP", "3s");
    builder.environment().remove("DB_HOST");
    builder.environment().remove("REDIS_HOST");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private void awaitHealthy(int port, Process process, String name) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive())
          .as("the application exited early:%n%s", Files.readString(logs.resolve(name + ".out")))
          .isTrue();
      try {
        var response = get(port, "/health");
        if (response.statusCode() == 200) {
          assertThat(response.body()).contains("\"database\":{\"status\":\"UP\"");
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "not healthy within 180 s:\n" + Files.readString(logs.resolve(name + ".out")));
  }

  /** Every dataset of /health fresh: the demo data has loaded. */
  private void awaitDemoData(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = get(port, "/health").body();
      if (!body.contains(":null")) {
        assertThat(body)
            .contains("\"nppes\":{\"lastIngested\"")
            .contains("\"openPayments\":{\"lastIngested\"");
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("demo data not loaded within 180 s: " + body);
  }

  private void stop(Process process) throws Exception {
    process.destroy(); // SIGTERM: graceful shutdown, the embedded PostgreSQL stops with it
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops within 60 s of SIGTERM").isTrue();
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** When Flyway created the schema: the same value after a restart means the same database. */
  private Instant schemaInstalledOn() throws Exception {
    int pgPort = Integer.parseInt(Files.readString(home.resolve("postgres.port")).trim());
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pgPort + "/medsales", "postgres", "");
        var rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT installed_on FROM flyway_schema_history WHERE version = '1'")) {
      assertThat(rs.next()).isTrue();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
