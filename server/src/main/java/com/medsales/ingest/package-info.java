/**
 * Ingestion of the public datasets (NPPES, Medicare Part B and Part D, Open Payments): every run
 * recorded, and what was last published, which {@code /health} reports as data freshness.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Ingestion")
package com.medsales.ingest;

import org.jspecify.annotations.NullMarked;
