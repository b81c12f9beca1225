package com.medsales.ingest;

/**
 * An ingestion run published new data: modules that cache reads of that data drop them, and those
 * that derive tables from it rebuild them or queue their rebuild. Published synchronously after the
 * run is recorded as published, in the process that ran it.
 */
public record DatasetPublished(Dataset dataset, long runId) {}
