package com.medsales.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web image's nginx configuration ({@code web/nginx}) in a real nginx on loopback, in front of
 * a stand-in API: gzip, a year's cache for hashed assets, none for index.html, the SPA fallback,
 * security headers, and /api and /health passed to the API.
 */
class WebServerConfigTests {

  static final String ASSET = "/assets/index-3f9a1c2b.js";

  @TempDir Path dir;
  HttpServer api;
  Process nginx;
  int port;
  final List<String> proxied = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    Path nginxBinary = DeployFiles.tool("nginx", "apt-get install nginx-light");
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/",
        exchange -> {
          proxied.add(exchange.getRequestURI().getPath());
          byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();

    Path html = Files.createDirectories(dir.resolve("html/assets"));
    Files.writeString(dir.resolve("html/index.html"), "<!doctype html><div id=\"root\"></div>");
    Files.writeString(html.resolve("index-3f9a1c2b.js"), "console.log('medsales');\n".repeat(200));
    port = freePort();
    String site =
        DeployFiles.read("web/nginx/medsales.conf.template")
            .replace("${API_UPSTREAM}", "127.0.0.1:" + api.getAddress().getPort())
            .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
            .replace("/usr/share/nginx/html", dir.resolve("html").toString())
            .replace(
                "/etc/nginx/snippets/security-headers.conf",
                DeployFiles.file("web/nginx/security-headers.conf").toString());
    Files.writeString(dir.resolve("medsales.conf"), site);
    Path temp = Files.createDirectories(dir.resolve("temp"));
    Files.writeString(
        dir.resolve("nginx.conf"),
        """
        %s
        worker_processes 1;
        pid %s/nginx.pid;
        error_log %s/error.log;
        daemon off;
        events {}
        http {
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path %s/body;
            proxy_temp_path %s/proxy;
            fastcgi_temp_path %s/fastcgi;
            uwsgi_temp_path %s/uwsgi;
            scgi_temp_path %s/scgi;
            include %s/medsales.conf;
        }
        """
            .formatted(
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                dir,
                dir,
                temp,
                temp,
                temp,
                temp,
                temp,
                dir));

    var check =
        DeployFiles.run(
            dir, List.of(nginxBinary.toString(), "-t", "-c", dir.resolve("nginx.conf").toString()));
    assertThat(check.exitCode()).as(check.output()).isZero();
    nginx =
        new ProcessBuilder(nginxBinary.toString(), "-c", dir.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .start();
    await().atMost(Duration.ofSeconds(10)).until(this::listening);
  }

  @AfterEach
  void stop() throws Exception {
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor();
    }
    if (api != null) {
      api.stop(0);
    }
  }

  @Test
  void hashedAssetsAreCachedForAYearAndCompressed() throws Exception {
    var response = get(ASSET, "gzip");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    assertSecurityHeaders(response);
    assertThat(get("/assets/missing-0000.js", null).statusCode()).isEqualTo(404);
  }

  @Test
  void indexHtmlIsNeverCachedAndClientRoutesFallBackToIt() throws Exception {
    for (String path : List.of("/", "/index.html", "/providers/1234567893", "/admin/ingestion")) {
      var response = get(path, null);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(new String(response.body(), StandardCharsets.UTF_8))
          .as(path)
          .contains("<div id=\"root\">");
      assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-cache");
      assertSecurityHeaders(response);
    }
    assertThat(get("/", null).headers().firstValue("Server"))
        .contains("nginx"); // without its version
  }

  @Test
  void apiAndHealthGoToTheApi() throws Exception {
    assertThat(new String(get("/api/v1/providers?state=OH", null).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"status\":\"UP\"}");
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
    get("/oauth2/authorization/acme", null);
    get("/login/oauth2/code/acme?code=x&state=y", null);
    assertThat(proxied)
        .containsExactly(
            "/api/v1/providers",
            "/health",
            "/oauth2/authorization/acme",
            "/login/oauth2/code/acme");
  }

  private static void assertSecurityHeaders(HttpResponse<byte[]> response) {
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy"))
        .contains("strict-origin-when-cross-origin");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (encoding != null) {
      request.header("Accept-Encoding", encoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private boolean listening() {
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
