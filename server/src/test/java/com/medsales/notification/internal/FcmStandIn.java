package com.medsales.notification.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for Google's OAuth token endpoint and the FCM HTTP v1 API. It checks what the
 * real ones check: the JWT assertion's signature (with the service account's public key), grant
 * type, issuer, scope and audience; the bearer token it issued; the message's shape. It answers 404
 * UNREGISTERED for the token {@link #UNREGISTERED}, and 500 for the next {@link #failNext} sends.
 */
final class FcmStandIn {

  static final String PROJECT = "medsales-test";
  static final String CLIENT_EMAIL = "push@medsales-test.iam.gserviceaccount.com";
  static final String UNREGISTERED = "token-unregistered";
  private static final String ACCESS_TOKEN = "ya29.stand-in-access-token";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final List<JsonNode> messages = new CopyOnWriteArrayList<>();
  final List<String> problems = new CopyOnWriteArrayList<>();
  final AtomicInteger tokenExchanges = new AtomicInteger();
  final AtomicInteger failNext = new AtomicInteger();
  private final KeyPair keys;
  private final HttpServer server;

  FcmStandIn() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/v1/projects/" + PROJECT + "/messages:send", this::send);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** FCM_KEY: a service account's JSON key whose token_uri is this stand-in. */
  String serviceAccountJson() {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    return JSON.writeValueAsString(
        Map.of(
            "type", "service_account",
            "project_id", PROJECT,
            "client_email", CLIENT_EMAIL,
            "private_key", pem,
            "token_uri", endpoint() + "/token"));
  }

  private void token(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = new java.util.HashMap<>();
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    String problem = checkAssertion(fields);
    if (problem != null) {
      problems.add(problem);
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    tokenExchanges.incrementAndGet();
    respond(
        exchange,
        200,
        "{\"access_token\":\""
            + ACCESS_TOKEN
            + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
  }

  private String checkAssertion(Map<String, String> fields) {
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) {
      return "grant_type " + fields.get("grant_type");
    }
    String[] parts = fields.getOrDefault("assertion", "").split("\\.");
    if (parts.length != 3) {
      return "assertion is not a JWT";
    }
    try {
      var verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(keys.getPublic());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return "bad signature";
      }
    } catch (Exception e) {
      return "signature: " + e;
    }
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    long now = System.currentTimeMillis() / 1000;
    if (!header.path("alg").asString().equals("RS256")
        || !claims.path("iss").asString().equals(CLIENT_EMAIL)
        || !claims.path("scope").asString().equals(FcmClient.SCOPE)
        || !claims.path("aud").asString().equals(endpoint() + "/token")
        || claims.path("iat").asLong() > now + 5
        || claims.path("exp").asLong() <= now) {
      return "claims " + header + " " + claims;
    }
    return null;
  }

  private void send(HttpExchange exchange) throws IOException {
    if (!("Bearer " + ACCESS_TOKEN)
        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      problems.add("send without the issued access token");
      respond(exchange, 401, "{\"error\":{\"status\":\"UNAUTHENTICATED\"}}");
      return;
    }
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    JsonNode message = body.path("message");
    if (message.path("token").asString().isEmpty()
        || message.path("notification").path("title").asString().isEmpty()
        || message.path("notification").path("body").isMissingNode()
        || !message
            .path("webpush")
            .path("fcm_options")
            .path("link")
            .asString()
            .startsWith("http")) {
      problems.add("message shape " + body);
      respond(exchange, 400, "{\"error\":{\"status\":\"INVALID_ARGUMENT\"}}");
      return;
    }
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      respond(exchange, 500, "{\"error\":{\"status\":\"INTERNAL\"}}");
      return;
    }
    if (message.path("token").asString().equals(UNREGISTERED)) {
      respond(
          exchange,
          404,
          "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"details\":[{\"@type\":"
              + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
      return;
    }
    messages.add(message);
    respond(
        exchange, 200, "{\"name\":\"projects/" + PROJECT + "/messages/" + messages.size() + "\"}");
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
