/**
 * Operations: the seed's {@code /health} (database, Redis, disk, data freshness), caching and the
 * metrics that Prometheus scrapes.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package com.medsales.ops;

import org.jspecify.annotations.NullMarked;
