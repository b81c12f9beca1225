package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medsales.storage.FileStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads into the raw-file store, against a real HTTP server on loopback. */
class SourceResolverUnitTests {

  static final byte[] BODY =
      "\"NPI\",\"NPPES Deactivation Date\"\n\"1023011053\",\"11/02/2026\"\n"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path raw;
  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/files/deactivations.csv",
        exchange -> {
          String range = exchange.getRequestHeaders().getFirst("Range");
          String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
          requests.add(
              (range == null ? "" : range) + "|" + (ifNoneMatch == null ? "" : ifNoneMatch));
          exchange.getResponseHeaders().add("ETag", "\"v1\"");
          if ("\"v1\"".equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
          } else if (range != null) {
            int from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            exchange.sendResponseHeaders(206, BODY.length - from);
            exchange.getResponseBody().write(BODY, from, BODY.length - from);
          } else {
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/files/deactivations.csv";
  }

  @Test
  void downloadsThenAsksWhetherTheFileChanged() throws Exception {
    var resolver = new SourceResolver(raw);

    Path first = resolver.resolve(url());
    Path second = resolver.resolve(url());

    assertThat(first).isEqualTo(raw.resolve("deactivations.csv")).hasBinaryContent(BODY);
    assertThat(second).isEqualTo(first);
    assertThat(requests).containsExactly("|", "|\"v1\"");
  }

  @Test
  void resumesAPartialDownload() throws Exception {
    Files.write(raw.resolve("deactivations.csv.part"), java.util.Arrays.copyOf(BODY, 10));

    Path file = new SourceResolver(raw).resolve(url());

    assertThat(file).hasBinaryContent(BODY);
    assertThat(requests).containsExactly("bytes=10-|");
  }

  @Test
  void refusesAMissingLocalFileAndAFailedDownload() {
    assertThatThrownBy(() -> new SourceResolver(raw).resolve(raw.resolve("none.csv").toString()))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(
            () -> new SourceResolver(raw).resolve(url().replace("deactivations", "missing")))
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void keepsDownloadsInARemoteStoreSoANewTaskAsksOnlyWhetherTheFileChanged(
      @TempDir Path bucket, @TempDir Path newTaskDisk) throws Exception {
    FileStore shared = remote(FileStore.local(bucket));

    new SourceResolver(raw, shared).resolve(url());
    assertThat(bucket.resolve("raw/deactivations.csv")).hasBinaryContent(BODY);
    assertThat(bucket.resolve("raw/deactivations.csv.meta")).content().contains("etag=\"v1\"");

    Path onNewTask = new SourceResolver(newTaskDisk, shared).resolve(url());

    assertThat(onNewTask)
        .isEqualTo(newTaskDisk.resolve("deactivations.csv"))
        .hasBinaryContent(BODY);
    assertThat(requests).containsExactly("|", "|\"v1\""); // the second download was a 304
  }

  /**
   * A directory standing in for a store on another machine (the S3 store itself is tested against
   * S3Proxy).
   */
  private static FileStore remote(FileStore directory) {
    return new FileStore() {
      @Override
      public void put(String key, Path file) throws IOException {
        directory.put(key, file);
      }

      @Override
      public boolean get(String key, Path target) throws IOException {
        return directory.get(key, target);
      }

      @Override
      public boolean exists(String key) throws IOException {
        return directory.exists(key);
      }

      @Override
      public java.io.InputStream open(String key) throws IOException {
        return directory.open(key);
      }

      @Override
      public void delete(String key) throws IOException {
        directory.delete(key);
      }

      @Override
      public java.net.URI downloadLink(String key, java.time.Duration validity) {
        return directory.downloadLink(key, validity);
      }

      @Override
      public boolean remote() {
        return true;
      }
    };
  }
}
