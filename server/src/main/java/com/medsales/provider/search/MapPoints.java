package com.medsales.provider.search;

import java.io.Serializable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The places a search's providers practise at, each with how many: the same for every view of the
 * map, so read once per filter and cached by its SQL and values in {@link ProviderMap#POINTS_CACHE}
 * (cleared when an ingestion publishes). Practice points are ZIP centroids (geocoded at ingestion),
 * so a national filter has some 40,000 places however many providers it finds; a view's clusters
 * are binned from them ({@link ProviderMap}) without reading the registry again.
 */
@Component
class MapPoints {

  /**
   * Places as parallel arrays (compact in a cache): latitude, longitude, providers there, and the
   * lowest NPI there (the NPI of a lone provider).
   */
  record Places(double[] lat, double[] lon, long[] count, long[] npi) implements Serializable {

    int size() {
      return lat.length;
    }
  }

  private final JdbcClient jdbc;

  MapPoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The places of a summary statement, cached under {@code key} (its cache key). */
  @Cacheable(cacheNames = ProviderMap.POINTS_CACHE, key = "#key")
  public Places places(String key, SearchStatement.Summary statement) {
    String filter = statement.filter();
    var rows =
        jdbc.sql(
                """
                SELECT a.latitude, a.longitude, count(*) AS n, min(p.npi) AS npi
                %s
                %s
                GROUP BY a.latitude, a.longitude
                """
                    .formatted(
                        statement.from(),
                        (filter.isEmpty() ? "WHERE " : filter + "\n  AND ")
                            + "a.latitude IS NOT NULL AND a.longitude IS NOT NULL"))
            .params(statement.binds())
            .query(
                (rs, i) ->
                    new double[] {rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4)})
            .list();
    int n = rows.size();
    Places places = new Places(new double[n], new double[n], new long[n], new long[n]);
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      places.lat()[i] = row[0];
      places.lon()[i] = row[1];
      places.count()[i] = (long) row[2];
      places.npi()[i] = (long) row[3];
    }
    return places;
  }
}
