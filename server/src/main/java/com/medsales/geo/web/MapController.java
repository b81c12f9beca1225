package com.medsales.geo.web;

import com.medsales.geo.MapSettings;
import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnRole(Role.API)
@Tag(name = "Maps")
class MapController {

  /** What the web app needs to draw its maps. */
  record MapConfiguration(@Nullable String styleUrl) {}

  private final MapSettings settings;

  MapController(MapSettings settings) {
    this.settings = settings;
  }

  @GetMapping("/api/v1/map/settings")
  @Operation(
      summary = "How the web app draws maps",
      description =
          "styleUrl: the MapLibre style to draw streets under the map's layers (MAP_STYLE_URL), or null"
              + " for the bundled Census boundaries alone (no network, no tile server).")
  MapConfiguration settings() {
    return new MapConfiguration(settings.style());
  }
}
