package com.medsales.provider.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.DatasetLoader;
import com.medsales.ingest.LoadContext;
import com.medsales.ingest.YearlyTables;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The monthly full replacement file: afterwards the registry is exactly its content. Loaded into
 * {@code _next} tables, indexed, then published by renaming; a crash at any point leaves the live
 * registry as it was, and the next run drops the leftovers.
 */
@Component
class NppesFullLoader implements DatasetLoader {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(NppesFullLoader.class);

  private final NppesLoads loads;

  NppesFullLoader(NppesLoads loads) {
    this.loads = loads;
  }

  @Override
  public String kind() {
    return "nppes";
  }

  @Override
  public Dataset dataset() {
    return Dataset.NPPES;
  }

  @Override
  public String description() {
    return "NPPES monthly full replacement file (zip or npidata_pfile CSV): the registry becomes exactly its content";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    String sha = loads.checksum(context);
    try (Connection c = loads.connection("nppes-publish")) {
      if (context.lastPublishedSha256().filter(sha::equals).isPresent()) {
        return new Outcome(
            false, 0, YearlyTables.count(c, "SELECT count(*) FROM provider"), Map.of(), null);
      }
      try {
        long start = System.nanoTime();
        NppesLoads.Read read = loads.read(context, "_next");
        long loaded = System.nanoTime();
        context.checkRejectThreshold(read.rowsRead());
        context.progress("indexing", 0, read.rowsRead(), read.rowsLoaded());
        if (read.hadSecondary()) {
          RegistryPublisher.fingerprintSecondary(c, "_next");
        }
        try (Connection second = loads.connection("nppes-index")) {
          RegistryPublisher.index(c, second, context.runId());
        }
        RegistryPublisher.addFallbackZips(c, "_next");
        long indexed = System.nanoTime();
        context.progress("publishing", 0, read.rowsRead(), read.rowsLoaded());
        Map<String, Long> changes =
            new LinkedHashMap<>(RegistryPublisher.publishFull(c, context.runId()));
        log.info(
            "{}: parsed and copied in {} s, indexed in {} s, published in {} s",
            context.sourceName(),
            seconds(loaded - start),
            seconds(indexed - loaded),
            seconds(System.nanoTime() - indexed));
        changes.put("notGeocoded", read.notGeocoded());
        return new Outcome(
            true,
            read.rowsLoaded(),
            YearlyTables.count(c, "SELECT count(*) FROM provider"),
            changes,
            null);
      } catch (Exception e) {
        RegistryPublisher.discard(c, "_next");
        throw e;
      }
    }
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
