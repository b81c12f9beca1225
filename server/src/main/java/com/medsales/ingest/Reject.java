package com.medsales.ingest;

import org.jspecify.annotations.Nullable;

/** A row refused by a run: which file and line, which column, why, and the offending value. */
public record Reject(
    String fileName,
    long lineNumber,
    @Nullable String column,
    String reason,
    @Nullable String value) {}
