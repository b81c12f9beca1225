package com.medsales.geo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the web app draws its maps.
 *
 * @param styleUrl a MapLibre style (vector tiles, e.g. a self-hosted PMTiles basemap) to draw
 *     streets under the map's layers ({@code MAP_STYLE_URL}); blank: the bundled Census boundaries
 *     alone, with no network and no tile server
 */
@ConfigurationProperties("medsales.map")
public record MapSettings(@Nullable String styleUrl) {

  /** The style URL, or null when none is set. */
  public @Nullable String style() {
    return styleUrl == null || styleUrl.isBlank() ? null : styleUrl.strip();
  }
}
