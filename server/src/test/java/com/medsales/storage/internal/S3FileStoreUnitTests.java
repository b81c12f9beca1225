package com.medsales.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.storage.FileStore;
import com.medsales.storage.StorageSettings;
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
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 file store against a real S3-compatible server (S3Proxy on loopback, in memory), with
 * SigV4 credentials.
 */
class S3FileStoreUnitTests {

  @RegisterExtension
  static final S3ProxyExtension s3proxy =
      S3ProxyExtension.builder()
          .withCredentials("test", "test")
          .withBlobStoreProvider("transient-nio2")
          .build();

  @TempDir Path dir;
  final List<String> encryptionRequested = new CopyOnWriteArrayList<>();
  S3Client s3;
  FileStore store;

  @BeforeEach
  void bucket() {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    var settings =
        new StorageSettings(
            "medsales-test",
            s3proxy.getUri().toString(),
            "us-east-1",
            "AES256",
            Duration.ofMinutes(15));
    store = StorageConfiguration.s3(settings);
    s3 =
        S3Client.builder()
            .endpointOverride(s3proxy.getUri())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(
                c ->
                    c.addExecutionInterceptor(
                        new ExecutionInterceptor() {
                          @Override
                          public void beforeExecution(
                              Context.BeforeExecution context, ExecutionAttributes attributes) {
                            if (context.request() instanceof PutObjectRequest put) {
                              encryptionRequested.add(
                                  String.valueOf(put.serverSideEncryptionAsString()));
                            }
                          }
                        }))
            .build();
    s3.createBucket(r -> r.bucket("medsales-test"));
  }

  @AfterEach
  void close() throws Exception {
    s3.close();
    ((AutoCloseable) store).close();
  }

  @Test
  void keepsAFileAndGivesItBack() throws Exception {
    Path file = Files.writeString(dir.resolve("npidata.csv"), "NPI\n1234567893\n");

    store.put("raw/npidata.csv", file);

    assertThat(store.exists("raw/npidata.csv")).isTrue();
    assertThat(store.exists("raw/other.csv")).isFalse();
    Path back = dir.resolve("back.csv");
    assertThat(store.get("raw/npidata.csv", back)).isTrue();
    assertThat(back).hasSameBinaryContentAs(file);
    assertThat(store.get("raw/other.csv", dir.resolve("none.csv"))).isFalse();
    assertThat(dir.resolve("none.csv")).doesNotExist();
    assertThat(store.remote()).isTrue();
  }

  @Test
  void asksForServerSideEncryptionOnEveryUpload() throws Exception {
    var settings =
        new StorageSettings(
            "medsales-test",
            s3proxy.getUri().toString(),
            "us-east-1",
            "AES256",
            Duration.ofMinutes(15));
    var presigner =
        software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
            .region(Region.US_EAST_1)
            .build();
    var encrypting =
        new S3FileStore(s3, presigner, settings.s3Bucket(), settings.serverSideEncryption());

    encrypting.put(
        "exports/1/providers.csv", Files.writeString(dir.resolve("providers.csv"), "npi\n"));

    assertThat(encryptionRequested).containsExactly("AES256");
    assertThat(
            s3.headObject(r -> r.bucket("medsales-test").key("exports/1/providers.csv"))
                .serverSideEncryptionAsString())
        .isEqualTo("AES256");
    presigner.close();
  }

  @Test
  void aPresignedLinkDownloadsWithoutCredentialsUntilItExpires() throws Exception {
    String content = "npi,name\n1234567893,ANDERSON\n";
    store.put("exports/7/providers.csv", Files.writeString(dir.resolve("providers.csv"), content));
    var http = HttpClient.newHttpClient();

    URI link = store.downloadLink("exports/7/providers.csv", Duration.ofMinutes(5));
    var response =
        http.send(
            HttpRequest.newBuilder(link).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(link.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(content);

    URI tampered = URI.create(link.toString().replace("providers.csv", "other.csv"));
    assertThat(
            http.send(
                    HttpRequest.newBuilder(tampered).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void anExportsFileIsReadAsAStreamAndDeletedWhenItExpires() throws Exception {
    String content = "\uFEFFNPI,Name\r\n1234567893,ANDERSON\r\n";
    store.put("exports/t/e.csv", Files.writeString(dir.resolve("e.csv"), content));

    try (var in = store.open("exports/t/e.csv")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(content);
    }
    store.delete("exports/t/e.csv");

    assertThat(store.exists("exports/t/e.csv")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.open("exports/t/e.csv"))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    store.delete("exports/t/e.csv");
  }
}
