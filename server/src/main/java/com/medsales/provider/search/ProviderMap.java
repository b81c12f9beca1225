package com.medsales.provider.search;

import com.medsales.platform.InvalidFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider search drawn on a map: the providers the search finds ({@link SearchValidation}, the
 * {@link SearchStatement}'s summary rows, the same set its total counts) whose practice point lies
 * in a box, counted on a grid of square cells whose size halves with each zoom level. SQL counts
 * the filter's providers per practice point once ({@link MapPoints}, cached: some 40,000 ZIP
 * centroids nationally); each view bins those into its cells. A cluster sits at its providers' mean
 * point; a cluster of one names its NPI. The clusters' counts add up to the total.
 */
@Service
public class ProviderMap {

  /** The slippy-map zoom levels the grid is defined for. */
  public static final int MAX_ZOOM = 22;

  /** A cell is a quarter of a 256-pixel tile: 64 pixels on a slippy map at its zoom. */
  static final int CELLS_PER_TILE = 4;

  /** More cells than this in one box (a world at street level) is refused: zoom out or narrow. */
  public static final long MAX_CELLS = 20_000;

  static final int DEFAULT_ZOOM = 4;

  /**
   * The places of each search filter, whatever the view ({@link MapPoints}); evicted when an
   * ingestion publishes (see {@code ProviderCaches}).
   */
  public static final String POINTS_CACHE = "providerMapPoints";

  /** A box of longitude and latitude, west to east and south to north (no wrap at 180°). */
  public record BoundingBox(double west, double south, double east, double north) {

    static final BoundingBox WORLD = new BoundingBox(-180, -90, 180, 90);
  }

  /** Providers near each other at the zoom: their mean point and count, the NPI of a lone one. */
  public record Cluster(double lat, double lon, long count, @Nullable String npi) {}

  /** The clusters of a search within a box; {@code total} is the sum of their counts. */
  public record ProviderClusters(
      List<Cluster> clusters, long total, int zoom, double cellDegrees) {}

  private final JdbcClient jdbc;
  private final SearchValidation validation;
  private final MapPoints points;

  ProviderMap(JdbcClient jdbc, SearchValidation validation, MapPoints points) {
    this.jdbc = jdbc;
    this.validation = validation;
    this.points = points;
  }

  /**
   * The search's providers within {@code bbox} clustered for {@code zoom}, or {@link InvalidFields}
   * naming every bad field (the search's, bbox's and zoom's together).
   *
   * @param bbox "west,south,east,north" in degrees, the whole world when absent
   * @param zoom an integer 0 to {@value #MAX_ZOOM}, {@value #DEFAULT_ZOOM} when absent
   * @param rejected fields the caller could not bind, each with its problem
   */
  @Transactional(readOnly = true)
  public ProviderClusters clusters(
      SearchQuery query,
      @Nullable String bbox,
      @Nullable String zoom,
      Map<String, String> rejected) {
    Map<String, String> errors = new LinkedHashMap<>(rejected);
    BoundingBox box = parseBox(bbox, errors);
    int level = parseZoom(zoom, errors);
    double cell = cellDegrees(level);
    if (!errors.containsKey("bbox") && !errors.containsKey("zoom")) {
      long cells =
          (long) Math.ceil((box.east() - box.west()) / cell + 1)
              * (long) Math.ceil((box.north() - box.south()) / cell + 1);
      if (cells > MAX_CELLS) {
        errors.put(
            "bbox",
            "spans more than "
                + MAX_CELLS
                + " grid cells at zoom "
                + level
                + ": zoom out or narrow it");
      }
    }
    SearchCriteria criteria = validation.check(query, errors);
    SearchStatement.Summary summary = SearchStatement.of(criteria).summary();
    if (criteria.name() != null) {
      jdbc.sql("SET LOCAL pg_trgm.similarity_threshold = " + SearchCriteria.WORD_SIMILARITY)
          .update();
    }
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    MapPoints.Places places = points.places(summary.cacheKey(), summary);
    List<Cluster> clusters = bin(places, box, cell);
    long total = clusters.stream().mapToLong(Cluster::count).sum();
    return new ProviderClusters(clusters, total, level, cell);
  }

  /**
   * The places within the box, one cluster per grid cell: the cell's providers counted, placed at
   * their mean point, a lone one named.
   */
  static List<Cluster> bin(MapPoints.Places places, BoundingBox box, double cell) {
    record Cell(long x, long y) {}
    final class Sum {
      long count;
      double lat;
      double lon;
      long npi;
    }
    Map<Cell, Sum> cells = new HashMap<>();
    for (int i = 0; i < places.size(); i++) {
      double lat = places.lat()[i];
      double lon = places.lon()[i];
      if (lat < box.south() || lat > box.north() || lon < box.west() || lon > box.east()) {
        continue;
      }
      Sum sum =
          cells.computeIfAbsent(
              new Cell((long) Math.floor(lon / cell), (long) Math.floor(lat / cell)),
              c -> new Sum());
      long n = places.count()[i];
      sum.count += n;
      sum.lat += lat * n;
      sum.lon += lon * n;
      sum.npi = places.npi()[i];
    }
    List<Cluster> clusters = new ArrayList<>(cells.size());
    for (Sum sum : cells.values()) {
      clusters.add(
          new Cluster(
              sum.lat / sum.count,
              sum.lon / sum.count,
              sum.count,
              sum.count == 1 ? String.valueOf(sum.npi) : null));
    }
    clusters.sort(
        Comparator.comparingLong(Cluster::count)
            .reversed()
            .thenComparingDouble(Cluster::lat)
            .thenComparingDouble(Cluster::lon));
    return clusters;
  }

  /** The side of a grid cell at a zoom, in degrees: a quarter of a slippy-map tile's width. */
  static double cellDegrees(int zoom) {
    return 360.0 / Math.scalb(1.0, zoom) / CELLS_PER_TILE;
  }

  static BoundingBox parseBox(@Nullable String bbox, Map<String, String> errors) {
    if (bbox == null || bbox.isBlank()) {
      return BoundingBox.WORLD;
    }
    String[] parts = bbox.split(",", -1);
    // (parseDouble would pass a NUL or other control character by trimming it away)
    if (parts.length != 4 || bbox.chars().anyMatch(ch -> ch < ' ')) {
      errors.put("bbox", "must be four numbers: west,south,east,north");
      return BoundingBox.WORLD;
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        errors.put("bbox", "must be four numbers: west,south,east,north");
        return BoundingBox.WORLD;
      }
      if (!Double.isFinite(v[i])) {
        errors.put("bbox", "must be four finite numbers");
        return BoundingBox.WORLD;
      }
    }
    BoundingBox box = new BoundingBox(v[0], v[1], v[2], v[3]);
    if (box.west() < -180 || box.east() > 180 || box.south() < -90 || box.north() > 90) {
      errors.put("bbox", "must lie within longitude -180 to 180 and latitude -90 to 90");
    } else if (box.west() > box.east() || box.south() > box.north()) {
      errors.put("bbox", "must have west <= east and south <= north");
    }
    return box;
  }

  static int parseZoom(@Nullable String zoom, Map<String, String> errors) {
    if (zoom == null || zoom.isBlank()) {
      return DEFAULT_ZOOM;
    }
    try {
      int level = Integer.parseInt(zoom.strip());
      if (level >= 0 && level <= MAX_ZOOM) {
        return level;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    errors.put("zoom", "must be an integer from 0 to " + MAX_ZOOM);
    return DEFAULT_ZOOM;
  }
}
