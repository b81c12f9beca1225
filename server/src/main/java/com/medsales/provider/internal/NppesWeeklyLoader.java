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
 * The weekly incremental file: its NPIs are upserted into the published registry in one
 * transaction.
 */
@Component
class NppesWeeklyLoader implements DatasetLoader {

  private final NppesLoads loads;

  NppesWeeklyLoader(NppesLoads loads) {
    this.loads = loads;
  }

  @Override
  public String kind() {
    return "nppes-weekly";
  }

  @Override
  public Dataset dataset() {
    return Dataset.NPPES;
  }

  @Override
  public String description() {
    return "NPPES weekly incremental file (zip or CSV): its providers are added or replaced";
  }

  @Override
  public Outcome load(LoadContext context) throws Exception {
    String sha = loads.checksum(context);
    try (Connection c = loads.connection("nppes-weekly-publish")) {
      if (context.lastPublishedSha256().filter(sha::equals).isPresent()) {
        return new Outcome(
            false, 0, YearlyTables.count(c, "SELECT count(*) FROM provider"), Map.of(), null);
      }
      try {
        NppesLoads.Read read = loads.read(context, "_weekly");
        context.checkRejectThreshold(read.rowsRead());
        context.progress("publishing", 0, read.rowsRead(), read.rowsLoaded());
        Map<String, Long> changes =
            new LinkedHashMap<>(
                RegistryPublisher.publishWeekly(
                    c, context.runId(), read.hadSecondary(), read.hadOtherNames()));
        changes.put("notGeocoded", read.notGeocoded());
        return new Outcome(
            true,
            read.rowsLoaded(),
            YearlyTables.count(c, "SELECT count(*) FROM provider"),
            changes,
            null);
      } catch (Exception e) {
        RegistryPublisher.discard(c, "_weekly");
        throw e;
      }
    }
  }
}
