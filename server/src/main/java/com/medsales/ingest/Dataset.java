package com.medsales.ingest;

/** The public datasets, named as the seed's {@code /health} names them. */
public enum Dataset {
  NPPES("nppes"),
  PART_B("partB"),
  PART_D("partD"),
  OPEN_PAYMENTS("openPayments");

  private final String key;

  Dataset(String key) {
    this.key = key;
  }

  /** The name in {@code /health}, the database and the API. */
  public String key() {
    return key;
  }

  public static Dataset ofKey(String key) {
    for (Dataset d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Unknown dataset: " + key);
  }
}
