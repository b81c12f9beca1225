package com.medsales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as ECS sends it on a deploy or a scale-in, to a real process in the middle of a request
 * and of a queue job: the request completes, the job is released, and the next process on the same
 * database runs it, with the released attempt not counted. Nothing is lost.
 */
class GracefulShutdownTests {

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<Process> processes = new ArrayList<>();
  final Path home =
      Path.of(
          System.getProperty("medsales.test-root", System.getProperty("java.io.tmpdir")),
          "shutdown-" + UUID.randomUUID());

  /**
   * SIGTERM first, so that each process stops its embedded PostgreSQL as it ends; a process killed
   * outright left its postmaster running after the suite (pg_ctl detaches it), so one still named
   * in the home's pid file is stopped too.
   */
  @AfterEach
  void stopAll() throws Exception {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
    Path pidFile = home.resolve("pgdata").resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
      ProcessHandle.of(postmaster)
          .ifPresent(ProcessHandle::destroy); // SIGTERM: a smart shutdown, no client is left
    }
  }

  @Test
  void sigtermFinishesTheRequestAndReleasesTheJobForTheNextProcess() throws Exception {
    int firstPort = freePort();
    Process first = start(firstPort, true, "first.log");
    awaitHealthy(firstPort);

    long job = Long.parseLong(post(firstPort, "/probe/jobs"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get(firstPort, "/probe/jobs/" + job).contains("\"RUNNING\""));
    CompletableFuture<HttpResponse<String>> slow =
        http.sendAsync(
            request(firstPort, "/probe/slow?ms=4000").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get(firstPort, "/probe/in-flight").equals("1"));

    first.destroy(); // SIGTERM

    HttpResponse<String> response = slow.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("done after 4000 ms");
    assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("the process ends after SIGTERM").isTrue();
    assertThat(Files.readString(home.resolve("first.log"))).contains("they are released");

    int secondPort = freePort();
    start(secondPort, false, "second.log");
    awaitHealthy(secondPort);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get(secondPort, "/probe/jobs/" + job).contains("\"SUCCEEDED\""));
    // the interrupted delivery was given back, not counted: this was the job's first counted
    // attempt
    assertThat(get(secondPort, "/probe/jobs/" + job)).contains("\"attempts\":1");
  }

  private Process start(int port, boolean blockJobs, String log) throws IOException {
    Files.createDirectories(home);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Dmedsales.home=" + home,
            "-Dserver.port=" + port,
            "-Dmedsales.demo-data=false",
            "-Dmedsales.jobs.poll-interval=100ms",
            "-Dmedsales.jobs.shutdown-grace=2s",
            "-Dprobe.block=" + blockJobs,
            probe.ShutdownProbe.MAIN);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(log).toFile())
            .start();
    processes.add(process);
    return process;
  }

  private void awaitHealthy(int port) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            request(port, "/health").GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  private String get(int port, String path) throws Exception {
    return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String post(int port, String path) throws Exception {
    return http.send(
            request(port, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
