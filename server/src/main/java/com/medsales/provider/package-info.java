/**
 * The provider registry: every NPI from NPPES with its names, addresses (geocoded), taxonomies,
 * identifiers and other names; its loaders (monthly full file, weekly updates, deactivation
 * reports) and {@code GET /api/v1/providers/{npi}}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Providers")
package com.medsales.provider;

import org.jspecify.annotations.NullMarked;
