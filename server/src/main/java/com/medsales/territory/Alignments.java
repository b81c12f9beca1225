package com.medsales.territory;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.territory.internal.AlignmentFile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Alignment files (ZIP or county to territory): a preview of what a file would change, and applying it. Both run the same
 * set-based SQL in one transaction (the file's rows in a temporary table, then {@code INSERT ... ON CONFLICT} and
 * {@code DELETE}); a preview then rolls back, an apply commits. A file with rejects applies nothing.
 */
@Service
public class Alignments {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Alignments(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** {@code REPLACE}: the file is the whole alignment, ZIPs it lacks are unaligned; {@code MERGE}: only its ZIPs change. */
  public enum Mode {
    REPLACE,
    MERGE
  }

  public record Reject(int line, String reason) {}

  public record ZipMove(String zip5, String from, String to) {}

  public record CountyMove(String geoid, String county, String state, String from, String to) {}

  /**
   * One territory's alignment before and after: its own ZIPs, its whole counties, and the ZIPs those counties bring
   * (their home ZIPs not aligned by ZIP themselves), and the active providers it gains and loses.
   */
  public record TerritoryChange(
      UUID territoryId, String territory, long zipsBefore, long zipsAfter, long countiesBefore, long countiesAfter,
      long providersGained, long providersLost, long countyZipsBefore, long countyZipsAfter) {}

  /** {@code REPLACE} makes the file the whole ZIP and county alignment: ZIPs and counties it lacks are unaligned. */
  public record Summary(
      Mode mode, boolean applied, int rowsRead, List<Reject> rejects, List<Reject> warnings, List<String> territoriesCreated,
      long zipsAdded, List<ZipMove> zipsMoved, List<String> zipsUnassigned, long countiesAdded, List<CountyMove> countiesMoved,
      List<Territories.County> countiesUnassigned, List<TerritoryChange> perTerritory, String checksum) {}

  /** What the file would change; nothing is kept. Rejected lines are listed and left out of the rest. */
  @Transactional
  public Summary preview(byte[] file, Mode mode) {
    Summary summary = align(file, mode, false);
    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    return summary;
  }

  /** Applies the file atomically, or, if any line is rejected, nothing at all. */
  @Transactional
  public Summary apply(byte[] file, Mode mode) {
    Summary summary;
    try {
      summary = align(file, mode, true);
    } catch (TerritoryException e) {
      audit.record("territory.alignment", mode.name(), AuditOutcome.FAILURE,
          Map.of("checksum", checksum(file), "reason", e.getMessage()));
      throw e;
    }
    audit.record("territory.alignment", mode.name(), AuditOutcome.SUCCESS,
        Map.of("checksum", summary.checksum(), "rows", summary.rowsRead(), "created", summary.territoriesCreated(),
            "zipsAdded", summary.zipsAdded(), "zipsMoved", summary.zipsMoved().size(),
            "zipsUnassigned", summary.zipsUnassigned().size(), "countiesAdded", summary.countiesAdded(),
            "countiesMoved", summary.countiesMoved().size(), "countiesUnassigned", summary.countiesUnassigned().size()));
    return summary;
  }

  private Summary align(byte[] bytes, Mode mode, boolean applying) {
    AlignmentFile file = AlignmentFile.parse(bytes);
    // one alignment at a time per tenant, so two files never interleave
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('territory-alignment:' || medsales_tenant(), 0))")
        .query(Integer.class)
        .single();
    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_file (line integer, zip5 text, county_geoid text, county_state text, county_name text,
                                              territory text, parent text, territory_id uuid, parent_id uuid) ON COMMIT DROP
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO alignment_file (line, zip5, county_geoid, county_state, county_name, territory, parent)
            SELECT * FROM unnest(CAST(:lines AS integer[]), CAST(:zips AS text[]), CAST(:geoids AS text[]),
                                 CAST(:states AS text[]), CAST(:counties AS text[]), CAST(:names AS text[]),
                                 CAST(:parents AS text[]))
            """)
        .param("lines", file.rows().stream().map(AlignmentFile.Row::line).toArray(Integer[]::new))
        .param("zips", file.rows().stream().map(AlignmentFile.Row::zip5).toArray(String[]::new))
        .param("geoids", file.rows().stream().map(AlignmentFile.Row::countyGeoid).toArray(String[]::new))
        .param("states", file.rows().stream().map(AlignmentFile.Row::countyState).toArray(String[]::new))
        .param("counties", file.rows().stream().map(AlignmentFile.Row::countyName).toArray(String[]::new))
        .param("names", file.rows().stream().map(AlignmentFile.Row::territory).toArray(String[]::new))
        .param("parents", file.rows().stream().map(AlignmentFile.Row::parent).toArray(String[]::new))
        .update();
    jdbc.sql(
            file.byId()
                ? """
                  UPDATE alignment_file f SET territory_id = t.id FROM territory t
                  WHERE t.tenant_id = medsales_tenant() AND t.id = CAST(f.territory AS uuid)
                  """
                : """
                  UPDATE alignment_file f SET territory_id = t.id FROM territory t
                  WHERE t.tenant_id = medsales_tenant() AND lower(t.name) = lower(f.territory)
                  """)
        .update();
    jdbc.sql(
            """
            UPDATE alignment_file f SET parent_id = t.id FROM territory t
            WHERE f.territory_id IS NULL AND t.tenant_id = medsales_tenant() AND lower(t.name) = lower(f.parent)
            """)
        .update();

    // a county by name: its full name in its state ("Kings County"), else its name without the suffix ("Kings") if
    // only one county of the state has it
    jdbc.sql(
            """
            UPDATE alignment_file f SET county_geoid = c.geoid FROM county c
            WHERE f.county_name IS NOT NULL AND c.state = f.county_state AND lower(c.name) = lower(f.county_name)
            """)
        .update();
    jdbc.sql(
            """
            UPDATE alignment_file f SET county_geoid = (SELECT min(c.geoid) FROM county c
                                                       WHERE c.state = f.county_state AND c.base_name = lower(f.county_name))
            WHERE f.county_name IS NOT NULL AND f.county_geoid IS NULL
              AND (SELECT count(*) FROM county c WHERE c.state = f.county_state AND c.base_name = lower(f.county_name)) = 1
            """)
        .update();

    List<Reject> rejects = new ArrayList<>();
    file.rejects().forEach(r -> rejects.add(new Reject(r.line(), r.reason())));
    rejects.addAll(
        jdbc.sql(
                """
                SELECT f.line,
                       CASE WHEN f.county_name IS NOT NULL AND f.county_geoid IS NULL
                              THEN coalesce('county ''' || f.county_name || ''' is ambiguous in ' || f.county_state || ': '
                                              || (SELECT string_agg(c.name || ' (' || c.geoid || ')', ', ' ORDER BY c.geoid)
                                                  FROM county c
                                                  WHERE c.state = f.county_state AND c.base_name = lower(f.county_name)),
                                            'no county ''' || f.county_name || ''' in ' || f.county_state)
                            WHEN f.county_geoid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM county c WHERE c.geoid = f.county_geoid)
                              THEN 'no county has the FIPS code ' || f.county_geoid
                            WHEN f.county_geoid IS NOT NULL AND EXISTS (
                                   SELECT 1 FROM alignment_file e WHERE e.county_geoid = f.county_geoid AND e.line < f.line
                                     AND lower(e.territory) <> lower(f.territory))
                              THEN 'county ' || f.county_geoid || ' is aligned to another territory on an earlier line already'
                            WHEN f.territory_id IS NULL AND :byId THEN 'no territory has the id ' || f.territory
                            WHEN t.level <> 'TERRITORY'
                              THEN '''' || t.name || ''' is a ' || t.level || '; ZIPs align to TERRITORY-level territories'
                            WHEN f.territory_id IS NULL AND f.parent IS NOT NULL AND f.parent_id IS NULL
                              THEN 'parent ''' || f.parent || ''' does not exist'
                            WHEN f.territory_id IS NULL AND p.level = 'TERRITORY'
                              THEN 'parent ''' || p.name || ''' is a TERRITORY; a territory sits under a DISTRICT or REGION'
                       END AS reason
                FROM alignment_file f LEFT JOIN territory t ON t.id = f.territory_id LEFT JOIN territory p ON p.id = f.parent_id
                """)
            .param("byId", file.byId())
            .query((rs, row) -> new Reject(rs.getInt("line"), rs.getString("reason")))
            .list()
            .stream()
            .filter(r -> r.reason() != null)
            .toList());
    rejects.sort(java.util.Comparator.comparingInt(Reject::line));
    if (!rejects.isEmpty()) {
      if (applying) {
        throw new TerritoryException(TerritoryException.Kind.INVALID,
            "The file has " + rejects.size() + " rejected lines; nothing was applied.", Map.of(),
            Map.of("rejects", rejects, "rowsRead", file.rowsRead(), "checksum", checksum(bytes)));
      }
      jdbc.sql("DELETE FROM alignment_file WHERE line = ANY(?)")
          .param(rejects.stream().map(Reject::line).toArray(Integer[]::new))
          .update();
    }
    // a county given twice (by code and by name) to the same territory counts once
    jdbc.sql(
            """
            DELETE FROM alignment_file f WHERE f.county_geoid IS NOT NULL
              AND EXISTS (SELECT 1 FROM alignment_file e WHERE e.county_geoid = f.county_geoid AND e.line < f.line)
            """)
        .update();
    List<Reject> warnings =
        jdbc.sql(
                """
                SELECT line, 'ZIP ' || zip5 || ' is not in the ZIP centroid list: it is aligned, but shows on no map'
                FROM alignment_file f
                WHERE f.zip5 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM zip_centroid c WHERE c.zip5 = f.zip5)
                UNION ALL
                SELECT line, 'county ' || c.name || ', ' || c.state || ' (' || c.geoid || ') holds most of the land of no ZIP:'
                             || ' it is aligned, but no location falls in it'
                FROM alignment_file f JOIN county c ON c.geoid = f.county_geoid
                WHERE NOT EXISTS (SELECT 1 FROM zip_county zc WHERE zc.county_geoid = f.county_geoid AND zc.home)
                ORDER BY 1
                """)
            .query((rs, row) -> new Reject(rs.getInt(1), rs.getString(2)))
            .list();

    List<String> created =
        jdbc.sql(
                """
                INSERT INTO territory (tenant_id, level, name, parent_id)
                SELECT DISTINCT ON (lower(territory)) medsales_tenant(), 'TERRITORY', territory, parent_id
                FROM alignment_file WHERE territory_id IS NULL ORDER BY lower(territory), line
                RETURNING name
                """)
            .query(String.class)
            .list()
            .stream()
            .sorted(String.CASE_INSENSITIVE_ORDER)
            .toList();
    jdbc.sql(
            """
            UPDATE alignment_file f SET territory_id = t.id FROM territory t
            WHERE f.territory_id IS NULL AND t.tenant_id = medsales_tenant() AND lower(t.name) = lower(f.territory)
            """)
        .update();

    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_before ON COMMIT DROP AS
            SELECT zip5, territory_id FROM territory_zip WHERE tenant_id = medsales_tenant()
            """)
        .update();
    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_county_before ON COMMIT DROP AS
            SELECT county_geoid, territory_id FROM territory_county WHERE tenant_id = medsales_tenant()
            """)
        .update();
    if (mode == Mode.REPLACE) {
      jdbc.sql(
              """
              DELETE FROM territory_zip z WHERE z.tenant_id = medsales_tenant()
                AND NOT EXISTS (SELECT 1 FROM alignment_file f WHERE f.zip5 = z.zip5)
              """)
          .update();
      jdbc.sql(
              """
              DELETE FROM territory_county c WHERE c.tenant_id = medsales_tenant()
                AND NOT EXISTS (SELECT 1 FROM alignment_file f WHERE f.county_geoid = c.county_geoid)
              """)
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO territory_zip (tenant_id, zip5, territory_id)
            SELECT medsales_tenant(), zip5, territory_id FROM alignment_file WHERE zip5 IS NOT NULL
            ON CONFLICT (tenant_id, zip5) DO UPDATE SET territory_id = EXCLUDED.territory_id
            WHERE territory_zip.territory_id IS DISTINCT FROM EXCLUDED.territory_id
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO territory_county (tenant_id, county_geoid, territory_id)
            SELECT medsales_tenant(), county_geoid, territory_id FROM alignment_file WHERE county_geoid IS NOT NULL
            ON CONFLICT (tenant_id, county_geoid) DO UPDATE SET territory_id = EXCLUDED.territory_id
            WHERE territory_county.territory_id IS DISTINCT FROM EXCLUDED.territory_id
            """)
        .update();
    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_county_change ON COMMIT DROP AS
            SELECT coalesce(b.county_geoid, a.county_geoid) AS county_geoid, b.territory_id AS before_id,
                   a.territory_id AS after_id
            FROM alignment_county_before b
            FULL JOIN (SELECT county_geoid, territory_id FROM territory_county WHERE tenant_id = medsales_tenant()) a
              ON a.county_geoid = b.county_geoid
            WHERE b.territory_id IS DISTINCT FROM a.territory_id
            """)
        .update();
    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_change ON COMMIT DROP AS
            SELECT coalesce(b.zip5, a.zip5) AS zip5, b.territory_id AS before_id, a.territory_id AS after_id
            FROM alignment_before b
            FULL JOIN (SELECT zip5, territory_id FROM territory_zip WHERE tenant_id = medsales_tenant()) a ON a.zip5 = b.zip5
            WHERE b.territory_id IS DISTINCT FROM a.territory_id
            """)
        .update();

    long added =
        jdbc.sql("SELECT count(*) FROM alignment_change WHERE before_id IS NULL").query(Long.class).single();
    List<ZipMove> moved =
        jdbc.sql(
                """
                SELECT c.zip5, b.name AS from_name, a.name AS to_name
                FROM alignment_change c JOIN territory b ON b.id = c.before_id JOIN territory a ON a.id = c.after_id
                ORDER BY c.zip5
                """)
            .query((rs, row) -> new ZipMove(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    List<String> unassigned =
        jdbc.sql("SELECT zip5 FROM alignment_change WHERE after_id IS NULL ORDER BY zip5").query(String.class).list();
    long countiesAdded =
        jdbc.sql("SELECT count(*) FROM alignment_county_change WHERE before_id IS NULL").query(Long.class).single();
    List<CountyMove> countiesMoved =
        jdbc.sql(
                """
                SELECT k.geoid, k.name, k.state, b.name AS from_name, a.name AS to_name
                FROM alignment_county_change c JOIN county k ON k.geoid = c.county_geoid
                JOIN territory b ON b.id = c.before_id JOIN territory a ON a.id = c.after_id
                ORDER BY k.geoid
                """)
            .query((rs, row) -> new CountyMove(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)))
            .list();
    List<Territories.County> countiesUnassigned =
        jdbc.sql(
                """
                SELECT k.geoid, k.name, k.state FROM alignment_county_change c JOIN county k ON k.geoid = c.county_geoid
                WHERE c.after_id IS NULL ORDER BY k.geoid
                """)
            .query((rs, row) -> new Territories.County(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();

    List<TerritoryChange> perTerritory =
        jdbc.sql(
                """
                WITH changed_zip AS (
                  SELECT zip5 FROM alignment_change
                  UNION
                  SELECT zc.zip5 FROM alignment_county_change c JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home
                ),
                affected AS (
                  SELECT DISTINCT pa.npi FROM provider_address pa JOIN changed_zip c ON c.zip5 = pa.zip5
                  WHERE pa.kind <> 'MAILING'
                ),
                loc AS (
                  SELECT pa.npi, pa.zip5, pa.state FROM provider_address pa
                  JOIN affected a ON a.npi = pa.npi JOIN provider p ON p.npi = pa.npi AND p.active
                  WHERE pa.kind <> 'MAILING'
                ),
                before_m AS (
                  SELECT DISTINCT coalesce(b.territory_id, cb.territory_id, s.territory_id) AS territory_id, loc.npi FROM loc
                  LEFT JOIN alignment_before b ON b.zip5 = loc.zip5
                  LEFT JOIN zip_county zc ON zc.zip5 = loc.zip5 AND zc.home
                  LEFT JOIN alignment_county_before cb ON cb.county_geoid = zc.county_geoid
                  LEFT JOIN territory_state s ON s.tenant_id = medsales_tenant() AND s.state = loc.state
                ),
                after_m AS (
                  SELECT DISTINCT coalesce(z.territory_id, ca.territory_id, s.territory_id) AS territory_id, loc.npi FROM loc
                  LEFT JOIN territory_zip z ON z.tenant_id = medsales_tenant() AND z.zip5 = loc.zip5
                  LEFT JOIN zip_county zc ON zc.zip5 = loc.zip5 AND zc.home
                  LEFT JOIN territory_county ca ON ca.tenant_id = medsales_tenant() AND ca.county_geoid = zc.county_geoid
                  LEFT JOIN territory_state s ON s.tenant_id = medsales_tenant() AND s.state = loc.state
                ),
                gained AS (
                  SELECT territory_id, count(*) AS n FROM (SELECT * FROM after_m EXCEPT SELECT * FROM before_m) x
                  WHERE territory_id IS NOT NULL GROUP BY territory_id
                ),
                lost AS (
                  SELECT territory_id, count(*) AS n FROM (SELECT * FROM before_m EXCEPT SELECT * FROM after_m) x
                  WHERE territory_id IS NOT NULL GROUP BY territory_id
                ),
                zips_before AS (SELECT territory_id, count(*) AS n FROM alignment_before GROUP BY territory_id),
                zips_after AS (
                  SELECT territory_id, count(*) AS n FROM territory_zip WHERE tenant_id = medsales_tenant() GROUP BY territory_id
                ),
                counties_before AS (SELECT territory_id, count(*) AS n FROM alignment_county_before GROUP BY territory_id),
                county_zips_before AS (
                  SELECT c.territory_id, count(*) AS n
                  FROM alignment_county_before c JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home
                  WHERE NOT EXISTS (SELECT 1 FROM alignment_before b WHERE b.zip5 = zc.zip5)
                  GROUP BY c.territory_id
                ),
                county_zips_after AS (
                  SELECT c.territory_id, count(*) AS n
                  FROM territory_county c JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home
                  WHERE c.tenant_id = medsales_tenant()
                    AND NOT EXISTS (SELECT 1 FROM territory_zip z WHERE z.tenant_id = medsales_tenant() AND z.zip5 = zc.zip5)
                  GROUP BY c.territory_id
                ),
                counties_after AS (
                  SELECT territory_id, count(*) AS n FROM territory_county WHERE tenant_id = medsales_tenant()
                  GROUP BY territory_id
                ),
                touched AS (
                  SELECT before_id AS id FROM alignment_change UNION SELECT after_id FROM alignment_change
                  UNION SELECT before_id FROM alignment_county_change UNION SELECT after_id FROM alignment_county_change
                  UNION SELECT territory_id FROM gained UNION SELECT territory_id FROM lost
                  UNION SELECT territory_id FROM alignment_file
                )
                SELECT t.id, t.name, coalesce(zb.n, 0) AS zips_before, coalesce(za.n, 0) AS zips_after,
                       coalesce(cb.n, 0) AS counties_before, coalesce(ca.n, 0) AS counties_after,
                       coalesce(g.n, 0) AS gained, coalesce(l.n, 0) AS lost,
                       coalesce(czb.n, 0) AS county_zips_before, coalesce(cza.n, 0) AS county_zips_after
                FROM territory t JOIN touched ON touched.id = t.id
                LEFT JOIN county_zips_before czb ON czb.territory_id = t.id
                LEFT JOIN county_zips_after cza ON cza.territory_id = t.id
                LEFT JOIN counties_before cb ON cb.territory_id = t.id LEFT JOIN counties_after ca ON ca.territory_id = t.id
                LEFT JOIN zips_before zb ON zb.territory_id = t.id LEFT JOIN zips_after za ON za.territory_id = t.id
                LEFT JOIN gained g ON g.territory_id = t.id LEFT JOIN lost l ON l.territory_id = t.id
                WHERE t.tenant_id = medsales_tenant()
                ORDER BY lower(t.name)
                """)
            .query((rs, row) -> new TerritoryChange(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getLong("zips_before"), rs.getLong("zips_after"), rs.getLong("counties_before"),
                rs.getLong("counties_after"), rs.getLong("gained"), rs.getLong("lost"), rs.getLong("county_zips_before"),
                rs.getLong("county_zips_after")))
            .list();

    return new Summary(mode, applying, file.rowsRead(), rejects, warnings, created, added, moved, unassigned, countiesAdded,
        countiesMoved, countiesUnassigned, perTerritory, checksum(bytes));
  }

  static String checksum(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
