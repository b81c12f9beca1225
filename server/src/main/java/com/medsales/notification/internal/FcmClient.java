package com.medsales.notification.internal;

import com.medsales.notification.NotificationSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FCM HTTP v1 API: exchanges a JWT signed with the service account's key for an OAuth access
 * token (kept until shortly before it expires), then sends one message per registration token.
 */
class FcmClient {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  enum Outcome {
    SENT,
    UNREGISTERED
  }

  /** FCM refused or could not be reached: retried later. */
  static final class PushFailed extends Exception {
    PushFailed(String message) {
      super(message);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String endpoint;
  private final String clientEmail;
  private final String projectId;
  private final String tokenUri;
  private final PrivateKey key;
  private @Nullable String accessToken;
  private Instant accessTokenExpires = Instant.EPOCH;

  FcmClient(NotificationSettings.Fcm settings) {
    JsonNode account = JSON.readTree(settings.key());
    this.endpoint = settings.endpoint().replaceAll("/+$", "");
    this.clientEmail = account.path("client_email").asString();
    this.projectId = account.path("project_id").asString();
    this.tokenUri = account.path("token_uri").asString("https://oauth2.googleapis.com/token");
    this.key = privateKey(account.path("private_key").asString());
  }

  Outcome send(String token, String title, String body, String link)
      throws PushFailed, InterruptedException {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("token", token);
    message.put("notification", Map.of("title", title, "body", body));
    message.put("data", Map.of("link", link));
    message.put("webpush", Map.of("fcm_options", Map.of("link", link)));
    var request =
        HttpRequest.newBuilder(
                URI.create(endpoint + "/v1/projects/" + projectId + "/messages:send"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + accessToken())
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("message", message))))
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() / 100 == 2) {
      return Outcome.SENT;
    }
    if (response.statusCode() == 404 || response.body().contains("UNREGISTERED")) {
      return Outcome.UNREGISTERED;
    }
    if (response.statusCode() == 401) {
      synchronized (this) {
        accessToken = null;
      }
    }
    throw new PushFailed(
        "FCM answered " + response.statusCode() + ": " + abbreviate(response.body()));
  }

  private synchronized String accessToken() throws PushFailed, InterruptedException {
    if (accessToken != null && Instant.now().isBefore(accessTokenExpires)) {
      return accessToken;
    }
    long now = Instant.now().getEpochSecond();
    String header = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
    String claims =
        base64(
            JSON.writeValueAsBytes(
                Map.of(
                    "iss", clientEmail,
                    "scope", SCOPE,
                    "aud", tokenUri,
                    "iat", now,
                    "exp", now + 3600)));
    String assertion = header + "." + claims + "." + sign(header + "." + claims);
    var request =
        HttpRequest.newBuilder(URI.create(tokenUri))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type="
                        + URLEncoder.encode(
                            "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&assertion="
                        + assertion))
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != 200) {
      throw new PushFailed(
          "The OAuth token exchange answered "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()));
    }
    JsonNode token = JSON.readTree(response.body());
    accessToken = token.path("access_token").asString();
    accessTokenExpires = Instant.now().plusSeconds(token.path("expires_in").asLong(3600) - 60);
    return accessToken;
  }

  private HttpResponse<String> exchange(HttpRequest request)
      throws PushFailed, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PushFailed(request.uri().getHost() + " unreachable: " + e.getMessage());
    }
  }

  private String sign(String content) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(content.getBytes(StandardCharsets.US_ASCII));
      return base64(signature.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("FCM_KEY's private key cannot sign", e);
    }
  }

  private static PrivateKey privateKey(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("FCM_KEY holds no usable private_key", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
