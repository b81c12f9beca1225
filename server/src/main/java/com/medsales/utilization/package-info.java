/**
 * What providers do for Medicare: Part B procedures by provider and service and Part D
 * prescriptions by provider and drug, by data year, with per-provider rollups and peer percentiles.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Utilization")
package com.medsales.utilization;

import org.jspecify.annotations.NullMarked;
