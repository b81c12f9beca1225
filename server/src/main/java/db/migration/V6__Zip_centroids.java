package db.migration;

import com.medsales.geo.ZipCentroids;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the Census 2025 ZCTA centroids, the ones the offline geocoder uses, into {@code
 * zip_centroid}.
 */
public class V6__Zip_centroids extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (var insert =
        context
            .getConnection()
            .prepareStatement(
                "INSERT INTO zip_centroid (zip5, latitude, longitude, precision) VALUES (?, ?, ?, 'ZIP5')"
                    + " ON CONFLICT (zip5) DO NOTHING")) {
      var centroids = new ZipCentroids();
      int[] batch = {0};
      centroids.forEachZip(
          (zip, point) -> {
            try {
              insert.setString(1, zip);
              insert.setDouble(2, point.latitude());
              insert.setDouble(3, point.longitude());
              insert.addBatch();
              if (++batch[0] % 5000 == 0) {
                insert.executeBatch();
              }
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      insert.executeBatch();
    }
  }
}
