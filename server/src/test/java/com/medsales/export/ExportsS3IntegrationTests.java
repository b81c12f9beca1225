package com.medsales.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medsales.export.internal.Exports;
import com.medsales.platform.BulkConnections;
import com.medsales.testing.TestBrowser;
import com.medsales.testing.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports kept in S3 (S3Proxy on loopback, as the storage tests use): the download is a redirect to
 * a presigned link valid for 15 minutes that serves the file without credentials, and the clean-up
 * deletes an expired export's object.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportsS3IntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = "export s3 test passphrase";
  static final String BUCKET = "medsales-exports-test";

  /**
   * One S3Proxy for the class (the JUnit extension starts one per test, after the application
   * context has read the endpoint).
   */
  static final S3ProxyJunitCore s3proxy =
      new S3ProxyJunitCore.Builder()
          .withCredentials("test", "test")
          .withBlobStoreProvider("transient-nio2")
          .build();

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) throws Exception {
    if (s3proxy.getUri() == null) {
      s3proxy.beforeEach();
    }
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    registry.add("medsales.storage.s3-bucket", () -> BUCKET);
    registry.add("medsales.storage.s3-endpoint", () -> s3proxy.getUri().toString());
  }

  static S3Client client() {
    return S3Client.builder()
        .endpointOverride(s3proxy.getUri())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }

  @BeforeAll
  static void bucket() throws Exception {
    if (s3proxy.getUri() == null) {
      s3proxy.beforeEach();
    }
    try (S3Client s3 = client()) {
      if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
        s3.createBucket(r -> r.bucket(BUCKET));
      }
    }
  }

  @AfterAll
  static void stopS3() {
    s3proxy.afterEach();
  }

  @LocalServerPort int port;
  @Autowired BulkConnections bulk;
  @Autowired PasswordEncoder passwords;
  @Autowired Exports exports;

  @Test
  void aDownloadRedirectsToAPresignedLinkAndAnExpiredExportsObjectIsDeleted() throws Exception {
    var tenants = new TestTenants(bulk, passwords);
    UUID tenant = tenants.tenant("exports-s3");
    tenants.user(tenant, "export-s3-admin", PASSWORD, "ADMIN");
    tenants.insert(
        "INSERT INTO territory (tenant_id, level, name) VALUES (?, 'TERRITORY', '=Upstate') RETURNING id",
        tenant);
    var admin = new TestBrowser(port);
    assertThat(admin.signIn("export-s3-admin", PASSWORD).statusCode()).isEqualTo(200);
    var created =
        admin.post("/api/v1/exports", "{\"kind\": \"territory-stats\", \"format\": \"CSV\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = JSON.readTree(created.body()).get("id").asString();
    JsonNode[] view = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              view[0] = JSON.readTree(admin.get("/api/v1/exports/" + id).body());
              return List.of("DONE", "FAILED").contains(view[0].get("status").asString());
            });
    assertThat(view[0].get("status").asString()).as(view[0].toString()).isEqualTo("DONE");

    HttpResponse<byte[]> redirect = admin.bytes(view[0].get("downloadUrl").asString());

    assertThat(redirect.statusCode()).isEqualTo(302);
    URI link = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    assertThat(link.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=900");
    var file =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    String csv = new String(file.body(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFTerritory ID,").contains(",'=Upstate,");

    String key = "exports/" + tenant + "/" + id + ".csv";
    try (S3Client s3 = client()) {
      assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(key)).contents()).hasSize(1);
      tenants
          .owner()
          .sql("UPDATE export SET expires_at = now() - interval '1 second' WHERE id = ?::uuid")
          .param(id)
          .update();
      assertThat(exports.removeExpired()).isPositive();
      assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(key)).contents()).isEmpty();
    }
    assertThat(admin.get("/api/v1/exports/" + id + "/download").statusCode()).isEqualTo(410);
  }
}
