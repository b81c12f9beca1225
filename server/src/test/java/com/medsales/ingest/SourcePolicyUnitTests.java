package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run asked for through the API may read: files under the ingestion directories, https on
 * allowed hosts.
 */
class SourcePolicyUnitTests {

  @TempDir Path root;

  SourcePolicy policy(Path incoming) {
    return new SourcePolicy(List.of(incoming), List.of("download.cms.gov", "data.cms.gov"));
  }

  @Test
  void readsAFileUnderAnIngestionDirectoryByItsRealPath() throws IOException {
    Path incoming = Files.createDirectories(root.resolve("incoming"));
    Path file = Files.writeString(incoming.resolve("npidata.csv"), "NPI\n");

    assertThat(policy(incoming).checkPath(file.toString())).isEqualTo(file.toRealPath());
  }

  @Test
  void refusesServerFilesDotDotEscapesAndSymlinksOut() throws IOException {
    Path incoming = Files.createDirectories(root.resolve("incoming"));
    Path secret =
        Files.writeString(root.resolve("secret.csv"), "root:x:0:0:root:/root:/bin/bash\n");
    Files.createSymbolicLink(incoming.resolve("link.csv"), secret);
    Files.createSymbolicLink(incoming.resolve("dir"), root);
    SourcePolicy policy = policy(incoming);

    for (String source :
        List.of(
            "/etc/passwd",
            incoming + "/../secret.csv",
            incoming + "/link.csv",
            incoming + "/dir/secret.csv",
            "secret.csv",
            incoming.toString(),
            incoming + "/missing.csv")) {
      assertThatThrownBy(() -> policy.check(source), source)
          .isInstanceOf(SourceNotAllowed.class)
          .hasMessageNotContaining("root:x");
    }
  }

  @Test
  void refusesPlainHttpOtherHostsCredentialsAndPrivateAddresses() {
    SourcePolicy policy =
        new SourcePolicy(List.of(root), List.of("download.cms.gov", "127.0.0.1", "localhost"));

    assertThatThrownBy(() -> policy.check("http://download.cms.gov/nppes/x.zip"))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> policy.check("https://example.com/x.zip"))
        .hasMessageContaining("allowed host");
    assertThatThrownBy(() -> policy.check("https://user:pw@download.cms.gov/x.zip"))
        .isInstanceOf(SourceNotAllowed.class);
    // on the list, but loopback: refused after resolution
    assertThatThrownBy(() -> policy.check("https://127.0.0.1:8282/actuator/prometheus"))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> policy.check("https://localhost/x.zip"))
        .hasMessageContaining("loopback");
  }

  @Test
  void onlyPublicAddressesArePublic() throws IOException {
    for (String address :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "224.0.0.1")) {
      assertThat(SourcePolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }
    assertThat(SourcePolicy.isPublic(InetAddress.getByAddress(new byte[] {(byte) 151, 101, 1, 69})))
        .isTrue();
    assertThat(SourcePolicy.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
  }

  /**
   * A server on an allowed host redirects to one that is not: the hop is refused, nothing is
   * downloaded from it.
   */
  @Test
  void checksEveryRedirectHopAgain() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger secretRequests = new AtomicInteger();
    int port = server.getAddress().getPort();
    server.createContext(
        "/start.csv",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/secret.csv");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/ok.csv",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/final.csv");
          exchange.sendResponseHeaders(301, -1);
          exchange.close();
        });
    server.createContext(
        "/final.csv",
        exchange -> {
          byte[] body = "NPI\n1\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/secret.csv",
        exchange -> {
          secretRequests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      // as on the internet, but with http and loopback allowed so that a local server can stand in
      // for a CMS host
      SourcePolicy policy =
          new SourcePolicy(List.of(root), List.of("127.0.0.1"), Set.of("http"), a -> true);
      SourceResolver resolver = new SourceResolver(Files.createDirectories(root.resolve("raw")));

      assertThatThrownBy(() -> resolver.resolve("http://127.0.0.1:" + port + "/start.csv", policy))
          .isInstanceOf(SourceNotAllowed.class)
          .hasMessageContaining("allowed host");
      assertThat(secretRequests).hasValue(0);

      Path file = resolver.resolve("http://127.0.0.1:" + port + "/ok.csv", policy);
      assertThat(Files.readString(file)).isEqualTo("NPI\n1\n");
    } finally {
      server.stop(0);
    }
  }
}
