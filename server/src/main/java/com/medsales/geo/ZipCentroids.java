package com.medsales.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The offline geocoder: the Census 2025 ZCTA gazetteer (public domain), bundled as {@code
 * reference/2025_Gaz_zcta_national.txt}, held in memory (33,791 ZIPs, about 2 MB). A ZIP without a
 * ZCTA falls back to the mean centroid of its 3-digit prefix, marked {@link
 * GeoPoint.Precision#ZIP3}.
 */
@Component
public class ZipCentroids implements Geocoder {

  static final String RESOURCE = "/reference/2025_Gaz_zcta_national.txt";

  private final Map<String, GeoPoint> byZip5;
  private final Map<String, GeoPoint> byZip3;

  public ZipCentroids() {
    try (InputStream in = ZipCentroids.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing bundled gazetteer " + RESOURCE);
      }
      this.byZip5 = read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.byZip3 = prefixCentroids(byZip5);
  }

  @Override
  public Optional<GeoPoint> locate(String postalCode) {
    if (postalCode.length() < 5) {
      return Optional.empty();
    }
    String zip5 = postalCode.substring(0, 5);
    GeoPoint exact = byZip5.get(zip5);
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(byZip3.get(zip5.substring(0, 3)));
  }

  /** Every ZCTA ZIP with its centroid. */
  public void forEachZip(java.util.function.BiConsumer<String, GeoPoint> action) {
    byZip5.forEach(action);
  }

  public int size() {
    return byZip5.size();
  }

  /**
   * Pipe-separated: GEOID|GEOIDFQ|ALAND|AWATER|ALAND_SQMI|AWATER_SQMI|INTPTLAT|INTPTLONG, columns
   * found by name.
   */
  private static Map<String, GeoPoint> read(InputStream in) throws IOException {
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] header = reader.readLine().strip().split("\\|");
    int geoid = indexOf(header, "GEOID");
    int lat = indexOf(header, "INTPTLAT");
    int lon = indexOf(header, "INTPTLONG");
    Map<String, GeoPoint> result = new HashMap<>(40_000);
    String line;
    while ((line = reader.readLine()) != null) {
      String[] fields = line.strip().split("\\|");
      if (fields.length <= Math.max(geoid, Math.max(lat, lon))) {
        continue;
      }
      result.put(
          fields[geoid],
          new GeoPoint(
              Double.parseDouble(fields[lat]),
              Double.parseDouble(fields[lon]),
              GeoPoint.Precision.ZIP5));
    }
    return Map.copyOf(result);
  }

  private static Map<String, GeoPoint> prefixCentroids(Map<String, GeoPoint> zips) {
    Map<String, double[]> sums = new HashMap<>();
    zips.forEach(
        (zip, p) -> {
          double[] s = sums.computeIfAbsent(zip.substring(0, 3), k -> new double[3]);
          s[0] += p.latitude();
          s[1] += p.longitude();
          s[2]++;
        });
    Map<String, GeoPoint> result = new HashMap<>();
    sums.forEach(
        (prefix, s) ->
            result.put(prefix, new GeoPoint(s[0] / s[2], s[1] / s[2], GeoPoint.Precision.ZIP3)));
    return Map.copyOf(result);
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalStateException("Gazetteer has no column " + name);
  }
}
