/**
 * Territories: each tenant's sales hierarchy (region, district, territory), its alignment by ZIP
 * code or whole state, alignment files previewed before they apply, reps assigned to territories,
 * and what each territory holds (providers, Medicare Part B and Part D volume, Open Payments).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Territories")
package com.medsales.territory;

import org.jspecify.annotations.NullMarked;
