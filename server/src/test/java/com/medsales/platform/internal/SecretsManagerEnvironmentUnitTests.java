package com.medsales.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reading configuration from Secrets Manager through the real AWS SDK client. No Secrets
 * Manager-compatible server can be installed here (LocalStack needs Docker, moto needs PyPI), so
 * the endpoint is a loopback HTTP server answering {@code GetSecretValue} in the service's JSON
 * protocol, as AWS documents it.
 */
class SecretsManagerEnvironmentUnitTests {

  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  String secretString =
      "{\"username\": \"medsales\", \"password\": \"rotated-0001\", \"FCM_KEY\": \"fcm-key\", \"port\": 5432}";

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
          boolean known = body.contains("\"SecretId\":\"medsales/prod/app\"");
          String json =
              known
                  ? "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:medsales/prod/app-AbCdEf\","
                      + "\"Name\":\"medsales/prod/app\",\"SecretString\":"
                      + quote(secretString)
                      + ",\"VersionId\":\"v1\"}"
                  : "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}";
          byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(known ? 200 : 400, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theSecretComesBeforeTheEnvironment() {
    var environment =
        environment(
            Map.of("MEDSALES_SECRETS_ID", "medsales/prod/app", "DB_PASS", "from-the-environment"));

    new SecretsManagerEnvironment().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.resolvePlaceholders("${DB_PASS:}")).isEqualTo("rotated-0001");
    assertThat(environment.resolvePlaceholders("${DB_USER:}")).isEqualTo("medsales");
    assertThat(environment.getProperty("FCM_KEY")).isEqualTo("fcm-key");
    assertThat(requests).singleElement().asString().startsWith("secretsmanager.GetSecretValue ");
  }

  @Test
  void withoutASecretIdNothingIsAsked() {
    var environment = environment(Map.of("DB_PASS", "from-the-environment"));

    new SecretsManagerEnvironment().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.resolvePlaceholders("${DB_PASS:}")).isEqualTo("from-the-environment");
    assertThat(requests).isEmpty();
  }

  @Test
  void aSecretThatCannotBeReadStopsTheStart() {
    var environment = environment(Map.of("MEDSALES_SECRETS_ID", "medsales/prod/missing"));

    assertThatThrownBy(
            () ->
                new SecretsManagerEnvironment()
                    .postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("medsales/prod/missing");
  }

  private StandardEnvironment environment(Map<String, Object> values) {
    var environment = new StandardEnvironment();
    var properties = new java.util.HashMap<String, Object>(values);
    properties.put(
        "MEDSALES_SECRETS_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
