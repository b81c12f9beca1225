package com.medsales.utilization.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRuns;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.MedsalesSettings;
import com.medsales.platform.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code MEDSALES_DEMO_DATA}: on first start with no Part B ever loaded, loads the bundled real Part B rows (the Mohs
 * surgery codes of 2019 and 2021, and 2023 rows of twelve providers) and the first rows of the 2013 Part D release,
 * in the background.
 */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class DemoUtilization {

  private static final Logger log = LoggerFactory.getLogger(DemoUtilization.class);
  private static final String[] PART_B = {
    "MUP_PHY_by_provider_and_service_2019_mohs_17311-17315.csv",
    "MUP_PHY_by_provider_and_service_2021_mohs_17311-17315.csv",
    "derived_2023_sample_37_rewritten_by_api_client.csv"
  };

  private final Ingestion ingestion;
  private final IngestionRuns runs;
  private final MedsalesSettings settings;

  DemoUtilization(Ingestion ingestion, IngestionRuns runs, MedsalesSettings settings) {
    this.ingestion = ingestion;
    this.runs = runs;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadOnFirstStart() {
    if (!settings.demoData() || !runs.recent(Dataset.PART_B, 1).isEmpty()) {
      return;
    }
    Thread.ofVirtual().name("demo-data-partb").start(this::load);
  }

  private void load() {
    try {
      Path dir = Files.createDirectories(settings.home().resolve("demo"));
      for (String name : PART_B) {
        Path file = dir.resolve(name);
        try (InputStream in = DemoUtilization.class.getResourceAsStream("/demo/partb/" + name)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ingestion.runNow("partb", file.toString(), ProgressListener.NONE);
      }
      Path partD = dir.resolve("PartD_Prescriber_PUF_NPI_Drug_13_first_rows.tab");
      try (InputStream in = DemoUtilization.class.getResourceAsStream("/demo/partd/" + partD.getFileName())) {
        Files.copy(in, partD, StandardCopyOption.REPLACE_EXISTING);
      }
      ingestion.runNow("partd", partD.toString(), 2013, ProgressListener.NONE);
      log.info("Demo data loaded: the bundled real Medicare Part B and Part D rows");
    } catch (Exception e) {
      log.warn("Part B demo data not loaded: {}", e.getMessage());
    }
  }
}
