package com.medsales.provider.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.medsales.ingest.Ingestion;
import com.medsales.testing.SignedIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/v1/providers/map over the real NPPES samples: the clusters of a search within a box add
 * up to what the search itself finds there, at every zoom.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SignedIn.AsOperator.class)
class ProviderMapIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Boxes (west, south, east, north) and the zooms a screen would show them at: the world, the
   * lower 48, New York City, Manhattan below 14th Street.
   */
  private static final Map<double[], int[]> BOXES =
      Map.of(
          new double[] {-180, -90, 180, 90}, new int[] {0, 2, 5},
          new double[] {-125, 24, -66, 50}, new int[] {3, 5, 7},
          new double[] {-74.3, 40.45, -73.65, 40.95}, new int[] {5, 9, 12},
          new double[] {-74.03, 40.69, -73.96, 40.74}, new int[] {9, 12, 15});

  @Autowired MockMvcTester mvc;
  @Autowired Ingestion ingestion;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @BeforeEach
  void registry() throws Exception {
    SampleRegistry.load(ingestion, jdbc, dir);
  }

  private JsonNode get(String pathAndQuery) throws Exception {
    var result = mvc.get().uri(java.net.URI.create(pathAndQuery)).exchange();
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(pathAndQuery + ": " + body).isEqualTo(200);
    return JSON.readTree(body);
  }

  /** Every point the search's pages list, paging to the end. */
  private List<double[]> searchPoints(String query) throws Exception {
    List<double[]> points = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          get(
              "/api/v1/providers?size=100&"
                  + query
                  + (cursor == null
                      ? ""
                      : "&cursor=" + java.net.URLEncoder.encode(cursor, "UTF-8")));
      for (JsonNode item : page.get("items")) {
        JsonNode address = item.get("address");
        if (address != null && !address.isNull() && address.get("latitude").isNumber()) {
          points.add(
              new double[] {
                address.get("latitude").asDouble(), address.get("longitude").asDouble()
              });
        }
      }
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      assertThat(++pages).isLessThan(50);
    } while (cursor != null);
    return points;
  }

  private static long inside(List<double[]> points, double[] box) {
    return points.stream()
        .filter(p -> p[0] >= box[1] && p[0] <= box[3] && p[1] >= box[0] && p[1] <= box[2])
        .count();
  }

  @Test
  void clusterCountsAddUpToTheSearchTotalWithinTheBoxAtEveryZoom() throws Exception {
    for (String query :
        List.of("status=ANY", "entityType=ORGANIZATION", "state=NY", "near=10013&radiusMiles=25")) {
      List<double[]> found = searchPoints(query);
      assertThat(found).as(query).isNotEmpty();
      for (var entry : BOXES.entrySet()) {
        double[] box = entry.getKey();
        String bbox = box[0] + "," + box[1] + "," + box[2] + "," + box[3];
        long expected = inside(found, box);
        for (int zoom : entry.getValue()) {
          JsonNode map = get("/api/v1/providers/map?" + query + "&bbox=" + bbox + "&zoom=" + zoom);
          long sum = 0;
          for (JsonNode cluster : map.get("clusters")) {
            sum += cluster.get("count").asLong();
            double lat = cluster.get("lat").asDouble();
            double lon = cluster.get("lon").asDouble();
            assertThat(lat).isBetween(box[1], box[3]);
            assertThat(lon).isBetween(box[0], box[2]);
          }
          String what = query + " in " + bbox + " at zoom " + zoom;
          assertThat(sum).as(what).isEqualTo(map.get("total").asLong());
          assertThat(map.get("total").asLong()).as(what).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void splitsClustersAsTheZoomGrowsAndNamesTheProviderOfAClusterOfOne() throws Exception {
    String newYork = "bbox=-74.3,40.45,-73.65,40.95&status=ANY";
    int coarse = get("/api/v1/providers/map?" + newYork + "&zoom=5").get("clusters").size();
    JsonNode fine = get("/api/v1/providers/map?" + newYork + "&zoom=12");
    assertThat(coarse).isEqualTo(1);
    assertThat(fine.get("clusters").size()).isGreaterThan(coarse);
    for (JsonNode cluster : fine.get("clusters")) {
      if (cluster.get("count").asLong() == 1) {
        assertThat(cluster.get("npi").asString()).matches("\\d{10}");
      } else {
        assertThat(cluster.path("npi").isNull() || cluster.path("npi").isMissingNode()).isTrue();
      }
    }
  }

  @Test
  void aLoneProviderCarriesItsNpi() throws Exception {
    // CHANGPING JIA, internal medicine in 10013, placed at the ZIP's centroid
    JsonNode map =
        get("/api/v1/providers/map?npi=1184802050&bbox=-74.05,40.70,-73.95,40.75&zoom=12");
    assertThat(map.get("total").asLong()).isEqualTo(1);
    assertThat(map.get("clusters").get(0).get("npi").asString()).isEqualTo("1184802050");
  }

  @Test
  void refusesAMalformedBoxAndZoomTogetherWithTheSearchsOwnFields() {
    var result =
        mvc.get()
            .uri("/api/v1/providers/map?bbox=-74,NaN,-73,41&zoom=23&status=gone&zip=123")
            .exchange();
    assertThat(result).hasStatus(400);
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("bbox", "zoom", "status", "zip");
  }

  @Test
  void refusesBoxesThatAreOutOfRangeInsideOutOrTooFineForTheirZoom() {
    for (String bbox :
        List.of("1,2,3", "-190,0,0,10", "10,0,0,10", "0,10,5,0", "a,b,c,d", "-74,40,-73,41%00")) {
      var result =
          mvc.get().uri(java.net.URI.create("/api/v1/providers/map?bbox=" + bbox)).exchange();
      assertThat(result).as(bbox).hasStatus(400);
      assertThat(result)
          .bodyJson()
          .extractingPath("$.errors[*].field")
          .asArray()
          .as(bbox)
          .containsExactly("bbox");
    }
    var world = mvc.get().uri("/api/v1/providers/map?bbox=-180,-90,180,90&zoom=12").exchange();
    assertThat(world).hasStatus(400);
    assertThat(world)
        .bodyJson()
        .extractingPath("$.errors[?(@.field == 'bbox')].message")
        .asArray()
        .singleElement()
        .asString()
        .contains("grid cells");
    for (String zoom : List.of("-1", "2.5", "x")) {
      assertThat(mvc.get().uri("/api/v1/providers/map?zoom=" + zoom).exchange())
          .as(zoom)
          .hasStatus(400);
    }
  }
}
