/**
 * Segments: market baskets (a tenant's Part D drugs or Part B codes, its own products and its
 * competitors') and every provider's volume and decile in them per data year, nationally, by state
 * and by territory, recomputed on the ingestion worker after every publish and basket edit.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Segments")
package com.medsales.segment;

import org.jspecify.annotations.NullMarked;
