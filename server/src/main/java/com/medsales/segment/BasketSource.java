package com.medsales.segment;

import java.util.List;

/**
 * What a basket is made of: Part D drug names (generic or brand) or Part B HCPCS codes, and the
 * metrics each offers (the first is the default).
 */
public enum BasketSource {
  PARTD("partD", List.of("CLAIMS", "FILLS", "COST", "BENEFICIARIES")),
  PARTB("partB", List.of("SERVICES", "BENEFICIARIES", "ALLOWED"));

  private final String dataset;
  private final List<String> metrics;

  BasketSource(String dataset, List<String> metrics) {
    this.dataset = dataset;
    this.metrics = metrics;
  }

  /** The ingestion dataset's key ({@code ingestion_run.dataset}). */
  public String dataset() {
    return dataset;
  }

  public List<String> metrics() {
    return metrics;
  }

  public String defaultMetric() {
    return metrics.getFirst();
  }

  /** "Part D" or "Part B", for messages. */
  public String label() {
    return this == PARTD ? "Part D drug" : "Part B HCPCS code";
  }
}
