package com.medsales.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A client that talks to the running application over real HTTP the way the web app does: it keeps
 * cookies (the session, the CSRF token) and echoes the CSRF cookie in the {@code X-XSRF-TOKEN}
 * header; or, given a bearer token, the way a script does.
 */
public final class TestBrowser {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private @Nullable String bearer;
  private boolean sendCsrf = true;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public TestBrowser(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public TestBrowser bearer(@Nullable String token) {
    this.bearer = token;
    return this;
  }

  /** A header on every request from now on (e.g. what a TLS-terminating proxy adds). */
  public TestBrowser header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public TestBrowser withoutCsrfHeader() {
    this.sendCsrf = false;
    return this;
  }

  public @Nullable String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A GET whose body is kept as bytes (a file download); redirects are not followed. */
  public HttpResponse<byte[]> bytes(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, String json) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST of another content type than JSON (a CSV file, say). */
  public HttpResponse<String> post(String path, String body, String contentType) {
    return send(
        request(path)
            .setHeader("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> patch(String path, String json) {
    return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path, String json) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  public HttpResponse<String> send(String method, String path, @Nullable String json) {
    return send(
        request(path)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Signs in to a session (fetching the CSRF cookie first, as the web app's first page load does).
   */
  public HttpResponse<String> signIn(String username, String password) {
    if (cookie("XSRF-TOKEN") == null) {
      get("/health");
    }
    return post(
        "/api/v1/auth/session",
        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
  }

  private HttpRequest.Builder request(String path) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    headers.forEach(builder::header);
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    String csrf = cookie("XSRF-TOKEN");
    if (sendCsrf && csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
