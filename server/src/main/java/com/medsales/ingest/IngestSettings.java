package com.medsales.ingest;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRejectShare a run whose rejected rows exceed this share of its rows fails and publishes
 *     nothing
 * @param rawDirectory where downloaded sources are kept; default MEDSALES_HOME/raw
 * @param schedule cron for scheduled runs (off when blank, the default); each run queues every
 *     entry of {@code sources}
 * @param sources what a scheduled run loads: kind to path or URL, e.g. {@code nppes-weekly:
 *     https://...}; the operator's own configuration, so not confined to {@code dirs} and {@code
 *     hosts}
 * @param dirs the directories whose files a run asked for through the API may read ({@code
 *     MEDSALES_INGEST_DIRS}); default MEDSALES_HOME/incoming
 * @param hosts the hosts that a run asked for through the API may download from over https ({@code
 *     MEDSALES_INGEST_HOSTS}); default the CMS hosts
 */
@Validated
@ConfigurationProperties("medsales.ingest")
public record IngestSettings(
    @DefaultValue("0.001") double maxRejectShare,
    @Nullable Path rawDirectory,
    @Nullable String schedule,
    @DefaultValue java.util.Map<String, String> sources,
    @Nullable List<Path> dirs,
    @DefaultValue({"download.cms.gov", "data.cms.gov", "openpaymentsdata.cms.gov"})
        List<String> hosts) {

  /** The ingestion directories, MEDSALES_HOME/incoming when none are configured. */
  List<Path> directories(Path home) {
    return dirs == null || dirs.isEmpty() ? List.of(home.resolve("incoming")) : dirs;
  }
}
