package com.medsales.ingest;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the latest published run of a dataset left: when it finished, how many records, which data
 * year.
 */
public record Freshness(
    Instant lastIngested, @Nullable Long recordCount, @Nullable Integer dataYear)
    implements Serializable {}
