package com.medsales.ingest;

import java.util.EnumMap;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest published ingestion of each dataset. Read on every {@code /health} call, so it is
 * cached (Redis when configured, in-process otherwise) and evicted when an ingestion publishes.
 */
@Service
public class DataFreshness {

  static final String CACHE = "dataFreshness";

  private final JdbcClient jdbc;

  DataFreshness(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The datasets published at least once; one never published is absent. */
  @Cacheable(cacheNames = CACHE, key = "'all'")
  @Transactional(readOnly = true)
  public EnumMap<Dataset, Freshness> published() {
    EnumMap<Dataset, Freshness> result = new EnumMap<>(Dataset.class);
    jdbc.sql(
            """
            -- the last publish says when; the newest year any publish loaded says which data year is current (loading
            -- an older year after a newer one does not make the data older). The record count is the last
            -- counted publish's: for Open Payments its General Payments (kind openpayments, the program year loaded),
            -- which research and ownership files, much smaller and of another table, do not replace
            SELECT DISTINCT ON (r.dataset) r.dataset, r.finished_at,
                   (SELECT c.record_count FROM ingestion_run c
                    WHERE c.dataset = r.dataset AND c.status = 'PUBLISHED'
                      AND (c.dataset <> 'openPayments' OR c.kind = 'openpayments')
                    ORDER BY c.finished_at DESC LIMIT 1) AS record_count,
                   max(r.data_year) OVER (PARTITION BY r.dataset) AS data_year
            FROM ingestion_run r
            WHERE r.status = 'PUBLISHED'
            ORDER BY r.dataset, r.finished_at DESC
            """)
        .query(
            (rs, i) -> {
              Long count = rs.getObject("record_count", Long.class);
              Integer year = rs.getObject("data_year", Integer.class);
              result.put(
                  Dataset.ofKey(rs.getString("dataset")),
                  new Freshness(rs.getTimestamp("finished_at").toInstant(), count, year));
              return null;
            })
        .list();
    return result;
  }

  /** Called by a publish, so that /health shows it at once. */
  @CacheEvict(cacheNames = CACHE, allEntries = true)
  public void evict() {}
}
