package com.medsales.territory;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.platform.RequestRefused;
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
 * Alignment files (ZIP or county to territory): a preview of what a file would change, and applying
 * it. Both run the same set-based SQL in one transaction (the file's rows in a temporary table,
 * then {@code INSERT ... ON CONFLICT} and {@code DELETE}); a preview then rolls back, an apply
 * commits. A file with rejects applies nothing.
 */
@Service
public class Alignments {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Alignments(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * {@code REPLACE}: the file is the whole alignment, ZIPs it lacks are unaligned; {@code MERGE}:
   * only its ZIPs change.
   */
  public enum Mode {
    REPLACE,
    MERGE
  }

  public record Reject(int line, String reason) {}

  public record ZipMove(String zip5, String from, String to) {}

  public record CountyMove(String geoid, String county, String state, String from, String to) {}

  /**
   * One territory's alignment before and after: its own ZIPs, its whole counties, and the ZIPs
   * those counties bring (their home ZIPs not aligned by ZIP themselves), and the active providers
   * it gains and loses.
   */
  public record TerritoryChange(
      UUID territoryId,
      String territory,
      long zipsBefore,
      long zipsAfter,
      long countiesBefore,
      long countiesAfter,
      long providersGained,
      long providersLost,
      long countyZipsBefore,
      long countyZipsAfter) {}

  /**
   * {@code REPLACE} makes the file the whole ZIP and county alignment: ZIPs and counties it lacks
   * are unaligned.
   */
  public record Summary(
      Mode mode,
      boolean applied,
      int rowsRead,
      List<Reject> rejects,
      List<Reject> warnings,
      List<String> territoriesCreated,
      long zipsAdded,
      List<ZipMove> zipsMoved,
      List<String> zipsUnassigned,
      long countiesAdded,
      List<CountyMove> countiesMoved,
      List<Territories.County> countiesUnassigned,
      List<TerritoryChange> perTerritory,
      String checksum) {}

  /**
   * What the file would change; nothing is kept. Rejected lines are listed and left out of the
   * rest.
   */
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
    } catch (RequestRefused e) {
      audit.record(
          "territory.alignment",
          mode.name(),
          AuditOutcome.FAILURE,
          Map.of("checksum", checksum(file), "reason", e.getMessage()));
      throw e;
    }
    audit.record(
        "territory.alignment",
        mode.name(),
        AuditOutcome.SUCCESS,
        Map.of(
            "checksum",
            summary.checksum(),
            "rows",
            summary.rowsRead(),
            "created",
            summary.territoriesCreated(),
            "zipsAdded",
            summary.zipsAdded(),
            "zipsMoved",
            summary.zipsMoved().size(),
            "zipsUnassigned",
            summary.zipsUnassigned().size(),
            "countiesAdded",
            summary.countiesAdded(),
            "countiesMoved",
            summary.countiesMoved().size(),
            "countiesUnassigned",
            summary.countiesUnassigned().size()));
    return summary;
  }

  /**
   * The steps of an alignment, each one method below: the file in a temporary table with its names
   * resolved, its rejects and warnings, the territories it names created, the alignment and the
   * membership it changes remembered, the file written, and the changes read back from the before
   * and after.
   */
  private Summary align(byte[] bytes, Mode mode, boolean applying) {
    AlignmentFile file = AlignmentFile.parse(bytes);
    lockTenantAlignment();
    load(file);
    resolveNames(file.byId());
    List<Reject> rejects = rejects(file);
    if (!rejects.isEmpty()) {
      if (applying) {
        throw new AlignmentRejected(rejects, file.rowsRead(), checksum(bytes));
      }
      leaveOut(rejects);
    }
    dropRepeatedCounties();
    List<Reject> warnings = warnings();
    List<String> created = createTerritories();
    rememberBefore(mode);
    write(mode);
    compareWithBefore();
    return new Summary(
        mode,
        applying,
        file.rowsRead(),
        rejects,
        warnings,
        created,
        zipsAdded(),
        zipsMoved(),
        zipsUnassigned(),
        countiesAdded(),
        countiesMoved(),
        countiesUnassigned(),
        perTerritory(),
        checksum(bytes));
  }

  /** One alignment at a time per tenant, so two files never interleave. */
  private void lockTenantAlignment() {
    jdbc.sql(
            "SELECT 1 FROM pg_advisory_xact_lock(hashtextextended('territory-alignment:' || medsales_tenant(), 0))")
        .query(Integer.class)
        .single();
  }

  /** The file's rows in {@code alignment_file}. */
  private void load(AlignmentFile file) {
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
        .param(
            "geoids",
            file.rows().stream().map(AlignmentFile.Row::countyGeoid).toArray(String[]::new))
        .param(
            "states",
            file.rows().stream().map(AlignmentFile.Row::countyState).toArray(String[]::new))
        .param(
            "counties",
            file.rows().stream().map(AlignmentFile.Row::countyName).toArray(String[]::new))
        .param(
            "names", file.rows().stream().map(AlignmentFile.Row::territory).toArray(String[]::new))
        .param(
            "parents", file.rows().stream().map(AlignmentFile.Row::parent).toArray(String[]::new))
        .update();
  }

  /**
   * Each row's territory (by id or by name), the parent of a territory to create, and each county
   * named rather than given by code: its full name in its state ("Kings County"), else its name
   * without the suffix ("Kings") if only one county of the state has it.
   */
  private void resolveNames(boolean byId) {
    jdbc.sql(
            byId
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
  }

  /** The parser's rejects and the rows naming what does not exist or cannot be aligned, by line. */
  private List<Reject> rejects(AlignmentFile file) {
    List<Reject> rejects = new ArrayList<>();
    file.rejects().forEach(r -> rejects.add(new Reject(r.line(), r.reason())));
    rejects.addAll(
        jdbc
            .sql(
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
    return rejects;
  }

  /** A preview goes on without the rejected lines. */
  private void leaveOut(List<Reject> rejects) {
    jdbc.sql("DELETE FROM alignment_file WHERE line = ANY(?)")
        .param(rejects.stream().map(Reject::line).toArray(Integer[]::new))
        .update();
  }

  /** A county given twice (by code and by name) to the same territory counts once. */
  private void dropRepeatedCounties() {
    jdbc.sql(
            """
            DELETE FROM alignment_file f WHERE f.county_geoid IS NOT NULL
              AND EXISTS (SELECT 1 FROM alignment_file e WHERE e.county_geoid = f.county_geoid AND e.line < f.line)
            """)
        .update();
  }

  /** Rows that align, but put nothing on the map or no location in the territory. */
  private List<Reject> warnings() {
    return jdbc.sql(
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
  }

  /**
   * The territories the file names that do not exist yet, under their parents; the names of those
   * created.
   */
  private List<String> createTerritories() {
    List<String> created =
        jdbc
            .sql(
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
    return created;
  }

  /**
   * The tenant's ZIP and county alignment as it is ({@code alignment_before}, {@code
   * alignment_county_before}), the ZIPs the file is about to move or unalign ({@code
   * alignment_changing_zip}: those it gives another territory, those in counties it gives another
   * territory, and under {@code REPLACE} those and the counties it leaves out), and the territories
   * the active providers practising in those ZIPs belong to now ({@code
   * alignment_membership_before}).
   */
  private void rememberBefore(Mode mode) {
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
    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_changing_zip ON COMMIT DROP AS
            SELECT f.zip5 FROM alignment_file f
            WHERE f.zip5 IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM alignment_before b WHERE b.zip5 = f.zip5 AND b.territory_id = f.territory_id)
            UNION
            SELECT b.zip5 FROM alignment_before b
            WHERE :replace AND NOT EXISTS (SELECT 1 FROM alignment_file f WHERE f.zip5 = b.zip5)
            UNION
            SELECT zc.zip5 FROM alignment_file f JOIN zip_county zc ON zc.county_geoid = f.county_geoid AND zc.home
            WHERE NOT EXISTS (SELECT 1 FROM alignment_county_before b
                              WHERE b.county_geoid = f.county_geoid AND b.territory_id = f.territory_id)
            UNION
            SELECT zc.zip5 FROM alignment_county_before b JOIN zip_county zc ON zc.county_geoid = b.county_geoid AND zc.home
            WHERE :replace AND NOT EXISTS (SELECT 1 FROM alignment_file f WHERE f.county_geoid = b.county_geoid)
            """)
        .param("replace", mode == Mode.REPLACE)
        .update();
    jdbc.sql(
            """
            CREATE TEMP TABLE alignment_membership_before ON COMMIT DROP AS
            SELECT DISTINCT t.territory_id, pa.npi
            FROM provider_address pa JOIN provider p ON p.npi = pa.npi AND p.active
            CROSS JOIN LATERAL territory_of(pa.zip5, pa.state) t
            WHERE pa.kind <> 'MAILING'
              AND pa.npi IN (SELECT a.npi FROM provider_address a JOIN alignment_changing_zip c ON c.zip5 = a.zip5
                             WHERE a.kind <> 'MAILING')
            """)
        .update();
  }

  /**
   * The file's ZIPs and counties aligned; under {@code REPLACE}, those it leaves out unaligned
   * first.
   */
  private void write(Mode mode) {
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
  }

  /**
   * What changed, from the before and the after: {@code alignment_change} (ZIP, territory before,
   * territory after) and {@code alignment_county_change} (county, before, after). Every ZIP that
   * changed, by itself or by its county, was one of {@code alignment_changing_zip}, or the
   * membership before would be missing its providers.
   */
  private void compareWithBefore() {
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
    long unforeseen =
        jdbc.sql(
                """
                SELECT count(*) FROM (SELECT zip5 FROM alignment_change
                                      UNION
                                      SELECT zc.zip5 FROM alignment_county_change c
                                      JOIN zip_county zc ON zc.county_geoid = c.county_geoid AND zc.home) x
                WHERE NOT EXISTS (SELECT 1 FROM alignment_changing_zip w WHERE w.zip5 = x.zip5)
                """)
            .query(Long.class)
            .single();
    if (unforeseen > 0) {
      throw new IllegalStateException(
          unforeseen + " ZIPs changed that the membership before did not cover");
    }
  }

  private long zipsAdded() {
    return jdbc.sql("SELECT count(*) FROM alignment_change WHERE before_id IS NULL")
        .query(Long.class)
        .single();
  }

  private List<ZipMove> zipsMoved() {
    return jdbc.sql(
            """
            SELECT c.zip5, b.name AS from_name, a.name AS to_name
            FROM alignment_change c JOIN territory b ON b.id = c.before_id JOIN territory a ON a.id = c.after_id
            ORDER BY c.zip5
            """)
        .query((rs, row) -> new ZipMove(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private List<String> zipsUnassigned() {
    return jdbc.sql("SELECT zip5 FROM alignment_change WHERE after_id IS NULL ORDER BY zip5")
        .query(String.class)
        .list();
  }

  private long countiesAdded() {
    return jdbc.sql("SELECT count(*) FROM alignment_county_change WHERE before_id IS NULL")
        .query(Long.class)
        .single();
  }

  private List<CountyMove> countiesMoved() {
    return jdbc.sql(
            """
            SELECT k.geoid, k.name, k.state, b.name AS from_name, a.name AS to_name
            FROM alignment_county_change c JOIN county k ON k.geoid = c.county_geoid
            JOIN territory b ON b.id = c.before_id JOIN territory a ON a.id = c.after_id
            ORDER BY k.geoid
            """)
        .query(
            (rs, row) ->
                new CountyMove(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  private List<Territories.County> countiesUnassigned() {
    return jdbc.sql(
            """
            SELECT k.geoid, k.name, k.state FROM alignment_county_change c JOIN county k ON k.geoid = c.county_geoid
            WHERE c.after_id IS NULL ORDER BY k.geoid
            """)
        .query(
            (rs, row) -> new Territories.County(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * Each territory the file touched, before and after: its ZIPs, counties and county ZIPs, and the
   * active providers it gains and loses. Only the providers practising in a changed ZIP can move;
   * their territories after come from {@code territory_of}, those before from {@code
   * alignment_membership_before}.
   */
  private List<TerritoryChange> perTerritory() {
    return jdbc.sql(
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
              SELECT m.territory_id, m.npi FROM alignment_membership_before m JOIN affected a ON a.npi = m.npi
            ),
            after_m AS (
              SELECT DISTINCT t.territory_id, loc.npi FROM loc CROSS JOIN LATERAL territory_of(loc.zip5, loc.state) t
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
        .query(
            (rs, row) ->
                new TerritoryChange(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getLong("zips_before"),
                    rs.getLong("zips_after"),
                    rs.getLong("counties_before"),
                    rs.getLong("counties_after"),
                    rs.getLong("gained"),
                    rs.getLong("lost"),
                    rs.getLong("county_zips_before"),
                    rs.getLong("county_zips_after")))
        .list();
  }

  static String checksum(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
