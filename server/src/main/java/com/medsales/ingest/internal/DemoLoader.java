package com.medsales.ingest.internal;

import com.medsales.ingest.DemoFiles;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code MEDSALES_DEMO_DATA}: loads the modules' bundled {@link DemoFiles} for every dataset never
 * ingested, in the background so that the server answers at once.
 */
@Component
@ConditionalOnRole(Role.INGESTION_WORKER)
class DemoLoader {

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final List<DemoFiles> demos;
  private final Ingestion ingestion;
  private final IngestionRuns runs;
  private final MedsalesSettings settings;

  DemoLoader(
      List<DemoFiles> demos, Ingestion ingestion, IngestionRuns runs, MedsalesSettings settings) {
    this.demos = demos;
    this.ingestion = ingestion;
    this.runs = runs;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadOnFirstStart() {
    if (!settings.demoData()) {
      return;
    }
    var due = demos.stream().filter(d -> runs.recent(d.dataset(), 1).isEmpty()).toList();
    if (!due.isEmpty()) {
      Thread.ofVirtual().name("demo-data").start(() -> due.forEach(this::load));
    }
  }

  private void load(DemoFiles demo) {
    try {
      Path dir = Files.createDirectories(settings.home().resolve("demo"));
      for (DemoFiles.File file : demo.resources()) {
        Path target = dir.resolve(Path.of(file.resource()).getFileName().toString());
        try (InputStream in = DemoLoader.class.getResourceAsStream(file.resource())) {
          if (in == null) {
            throw new IllegalStateException("Missing bundled demo file " + file.resource());
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        ingestion.runNow(demo.kind(), target.toString(), file.year(), ProgressListener.NONE);
      }
      log.info("Demo data loaded: {}", demo.dataset().key());
    } catch (Exception e) {
      log.warn("Demo data for {} not loaded: {}", demo.dataset().key(), e.getMessage());
    }
  }
}
