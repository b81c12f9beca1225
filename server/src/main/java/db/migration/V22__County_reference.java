package db.migration;

import java.io.InputStream;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/**
 * Loads the county reference of V21 from two bundled Census files (public domain): the 2025 county
 * gazetteer ({@code reference/2025_Gaz_counties_national.txt}, pipe-separated, 3,222 counties) and
 * the ZIP-county pairs with their areas derived from the 2020 ZCTA-county relationship file ({@code
 * reference/zcta_county_2020_derived.csv}, 46,953 rows). Both are copied into staging tables, then
 * published with set-based statements.
 */
public class V22__County_reference extends BaseJavaMigration {

  static final String GAZETTEER = "/reference/2025_Gaz_counties_national.txt";
  static final String RELATIONSHIP = "/reference/zcta_county_2020_derived.csv";

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          """
          CREATE TEMP TABLE county_gazetteer (usps text, geoid text, geoidfq text, ansicode text, name text, aland text,
            awater text, aland_sqmi text, awater_sqmi text, intptlat text, intptlong text) ON COMMIT DROP;
          CREATE TEMP TABLE county_relationship (zip5 text, county_geoid text, land_area numeric, water_area numeric)
            ON COMMIT DROP
          """);
      try (InputStream in = resource(GAZETTEER)) {
        copy.copyIn(
            "COPY county_gazetteer FROM STDIN (FORMAT csv, DELIMITER '|', HEADER true)", in);
      }
      try (InputStream in = resource(RELATIONSHIP)) {
        copy.copyIn("COPY county_relationship FROM STDIN (FORMAT csv, HEADER true)", in);
      }
      sql.execute(
          """
          INSERT INTO county (geoid, state, name, base_name)
          SELECT geoid, usps, name, '' FROM county_gazetteer
          UNION ALL
          -- named by the 2020 relationship file but not by the 2025 gazetteer (Census 2020 county list)
          SELECT * FROM (VALUES
            ('09001', 'CT', 'Fairfield County', ''), ('09003', 'CT', 'Hartford County', ''),
            ('09005', 'CT', 'Litchfield County', ''), ('09007', 'CT', 'Middlesex County', ''),
            ('09009', 'CT', 'New Haven County', ''), ('09011', 'CT', 'New London County', ''),
            ('09013', 'CT', 'Tolland County', ''), ('09015', 'CT', 'Windham County', ''),
            ('60010', 'AS', 'Eastern District', ''), ('60020', 'AS', 'Manu''a District', ''),
            ('60040', 'AS', 'Swains Island', ''), ('60050', 'AS', 'Western District', ''),
            ('66010', 'GU', 'Guam', ''), ('69100', 'MP', 'Rota Municipality', ''),
            ('69110', 'MP', 'Saipan Municipality', ''), ('69120', 'MP', 'Tinian Municipality', ''),
            ('78010', 'VI', 'St. Croix Island', ''), ('78020', 'VI', 'St. John Island', ''),
            ('78030', 'VI', 'St. Thomas Island', '')) AS legacy (geoid, state, name, base_name)
          WHERE legacy.geoid NOT IN (SELECT geoid FROM county_gazetteer);

          UPDATE county SET base_name = regexp_replace(lower(name),
            ' (county|parish|borough|city and borough|census area|municipality|municipio|planning region|district|island|city)$', '');

          INSERT INTO zip_county (zip5, county_geoid, land_area, water_area, home)
          SELECT zip5, county_geoid, land_area, water_area,
                 row_number() OVER (PARTITION BY zip5 ORDER BY land_area DESC, water_area DESC, county_geoid) = 1
          FROM county_relationship
          """);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = V22__County_reference.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Missing bundled county reference " + name);
    }
    return in;
  }
}
