/**
 * Places: offline ZIP centroids from the Census ZCTA gazetteer, so every practice location gets
 * coordinates at ingest for free. A precise address-level geocoder can plug in later behind {@link
 * com.medsales.geo.Geocoder}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Geography")
package com.medsales.geo;

import org.jspecify.annotations.NullMarked;
