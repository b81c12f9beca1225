package com.medsales.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval how often an idle worker looks for work
 * @param visibilityTimeout how long a claimed job stays invisible; a running job's worker renews it every third of it
 * @param maxAttempts default attempts before a job is dead
 * @param backoffBase delay before the first retry, doubled with each further attempt
 * @param backoffMax the longest delay between retries
 * @param concurrency jobs one worker process runs at once
 * @param shutdownGrace how long a stopping worker waits for running jobs before releasing them
 * @param retention how long finished jobs are kept
 */
@Validated
@ConfigurationProperties("medsales.jobs")
public record JobSettings(
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("5m") Duration visibilityTimeout,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("10s") Duration backoffBase,
    @DefaultValue("1h") Duration backoffMax,
    @DefaultValue("2") int concurrency,
    @DefaultValue("20s") Duration shutdownGrace,
    @DefaultValue("30d") Duration retention) {}
