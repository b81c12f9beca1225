package com.medsales.geo;

import java.util.Optional;

/**
 * Finds coordinates for a US address. Implementations must be cheap enough to call for every row of
 * an ingest.
 */
public interface Geocoder {

  /**
   * @param postalCode a 5-digit ZIP or 9-digit ZIP+4, as NPPES writes it
   * @return empty when the ZIP is not a US ZIP this geocoder knows
   */
  Optional<GeoPoint> locate(String postalCode);
}
