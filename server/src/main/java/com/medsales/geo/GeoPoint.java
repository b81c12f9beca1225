package com.medsales.geo;

/** A coordinate and how it was found. */
public record GeoPoint(double latitude, double longitude, Precision precision) {

  public enum Precision {
    /** The centroid of the address's 5-digit ZIP (its ZCTA). */
    ZIP5,
    /**
     * The ZIP has no ZCTA (a PO-box or unique ZIP): the mean centroid of the ZIPs sharing its first
     * three digits.
     */
    ZIP3
  }
}
