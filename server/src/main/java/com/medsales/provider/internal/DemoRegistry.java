package com.medsales.provider.internal;

import com.medsales.ingest.Dataset;
import com.medsales.ingest.Ingestion;
import com.medsales.ingest.IngestionRuns;
import com.medsales.ingest.ProgressListener;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.MedsalesSettings;
import com.medsales.platform.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code MEDSALES_DEMO_DATA}: on first start with no NPPES ever loaded, loads the bundled real
 * NPPES rows, in the background so the server answers at once. The December 2021 organisations
 * (998) go in as a monthly archive with real {@code pl_pfile} and {@code othername_pfile} rows; the
 * 2018 and 2020 samples (individuals among them) follow as weekly files, which is also how an
 * operator sees a weekly update at work.
 */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class DemoRegistry {

  private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
  private static final String BASE = "/demo/nppes/";

  private final Ingestion ingestion;
  private final IngestionRuns runs;
  private final MedsalesSettings settings;

  DemoRegistry(Ingestion ingestion, IngestionRuns runs, MedsalesSettings settings) {
    this.ingestion = ingestion;
    this.runs = runs;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadOnFirstStart() {
    if (!settings.demoData() || !runs.recent(Dataset.NPPES, 1).isEmpty()) {
      return;
    }
    Thread.ofVirtual().name("demo-data").start(this::load);
  }

  void load() {
    try {
      Path dir = Files.createDirectories(settings.home().resolve("demo"));
      Path monthly = dir.resolve("NPPES_Data_Dissemination_December_2021_demo.zip");
      try (var zip = new ZipOutputStream(Files.newOutputStream(monthly))) {
        entry(
            zip,
            "npidata_pfile_20050523-20211212.csv",
            "npidata_pfile_2021-12_organizations_998.csv");
        entry(zip, "pl_pfile_20050523-20211212.csv", "pl_pfile_head_9.csv");
        entry(zip, "othername_pfile_20050523-20211212.csv", "othername_pfile_head_9.csv");
      }
      ingestion.runNow("nppes", monthly.toString(), ProgressListener.NONE);
      for (String weekly :
          new String[] {"npidata_pfile_2018_sample_99.csv", "npidata_pfile_2020_head_19.csv"}) {
        Path file = dir.resolve(weekly);
        copy(weekly, file);
        ingestion.runNow("nppes-weekly", file.toString(), ProgressListener.NONE);
      }
      log.info("Demo data loaded: the bundled real NPPES rows are in the registry");
    } catch (Exception e) {
      log.warn("Demo data not loaded: {}", e.getMessage());
    }
  }

  private static void entry(ZipOutputStream zip, String name, String resource) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    try (InputStream in = resource(resource)) {
      in.transferTo(zip);
    }
    zip.closeEntry();
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = resource(resource);
        OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoRegistry.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IOException("Missing bundled demo file " + BASE + name);
    }
    return in;
  }
}
