package com.medsales.platform.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Configuration from AWS Secrets Manager in production: when {@code MEDSALES_SECRETS_ID} names a
 * secret, its JSON keys become configuration ahead of the environment, so {@code DB_PASS} (and
 * {@code FCM_KEY} later) never sit in a task definition. Keys are the environment names ({@code
 * DB_PASS}); the keys of an RDS rotation secret ({@code username}, {@code password}) count as
 * {@code DB_USER} and {@code DB_PASS}, so the rotated secret is read as it is. Read once at
 * start-up: after a rotation, new tasks read the new password (the rotating-secrets runbook
 * restarts the services). Elsewhere nothing is read and the environment is the configuration. A
 * secret that cannot be read stops the start.
 */
class SecretsManagerEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE = "aws-secrets-manager";
  private static final Map<String, String> RDS_KEYS =
      Map.of("username", "DB_USER", "password", "DB_PASS");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String secretId =
        environment.getProperty(
            "medsales.secrets.id", environment.getProperty("MEDSALES_SECRETS_ID", ""));
    if (secretId.isBlank()) {
      return;
    }
    String region = environment.getProperty("AWS_REGION", "us-east-1");
    String endpoint = environment.getProperty("MEDSALES_SECRETS_ENDPOINT", "");
    var builder = SecretsManagerClient.builder().region(Region.of(region));
    if (!endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    String secret;
    try (SecretsManagerClient client = builder.build()) {
      secret = client.getSecretValue(r -> r.secretId(secretId)).secretString();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Secret " + secretId + " (MEDSALES_SECRETS_ID) could not be read: " + e.getMessage(), e);
    }
    environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties(secret)));
  }

  static Map<String, Object> properties(String secretJson) {
    Map<String, Object> properties = new LinkedHashMap<>();
    // a mapper built here, not in a static field: every start (each command-line job among them)
    // loads this class,
    // and only one with a secret to read needs Jackson's start-up cost
    JsonMapper.builder()
        .build()
        .readTree(secretJson)
        .properties()
        .forEach(
            entry -> {
              if (entry.getValue().isValueNode()) {
                properties.put(
                    RDS_KEYS.getOrDefault(entry.getKey(), entry.getKey()),
                    entry.getValue().asString());
              }
            });
    return properties;
  }

  /** After application.yaml is read, so {@code medsales.secrets.id} may come from there too. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
