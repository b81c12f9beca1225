package com.medsales.ingest;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRejectShare a run whose rejected rows exceed this share of its rows fails and publishes nothing
 * @param rawDirectory where downloaded sources are kept; default MEDSALES_HOME/raw
 * @param schedule cron for scheduled runs (off when blank, the default); each run queues every entry of {@code sources}
 * @param sources what a scheduled run loads: kind to path or URL, e.g. {@code nppes-weekly: https://...}
 */
@Validated
@ConfigurationProperties("medsales.ingest")
public record IngestSettings(
    @DefaultValue("0.001") double maxRejectShare,
    @Nullable Path rawDirectory,
    @Nullable String schedule,
    @DefaultValue java.util.Map<String, String> sources) {}
