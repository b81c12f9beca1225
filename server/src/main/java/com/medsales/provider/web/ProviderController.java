package com.medsales.provider.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.Role;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.Providers;
import com.medsales.provider.search.ProviderMap;
import com.medsales.provider.search.ProviderQuery;
import com.medsales.provider.search.ProviderSearch;
import com.medsales.provider.search.ProviderSearchResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/providers")
@Tag(name = "Providers")
class ProviderController {

  private final Providers providers;
  private final ProviderSearch search;
  private final ProviderMap map;

  ProviderController(Providers providers, ProviderSearch search, ProviderMap map) {
    this.providers = providers;
    this.search = search;
    this.map = map;
  }

  @GetMapping
  @Operation(
      summary = "Search providers",
      description =
          "Every filter optional, all combined. near is a 5-digit ZIP or lat,lon (radius 25 miles unless radiusMiles or"
              + " radiusKm); status ACTIVE (default), DEACTIVATED or ANY. Clinical filters: hcpcs (repeatable) with"
              + " minServices and minBeneficiaries; drug (brand or generic) with minClaims; manufacturer, nature (of"
              + " payment), minPayment and maxPayment; without hcpcs or drug, minServices, minBeneficiaries and"
              + " minClaims apply to the provider's yearly totals. They use the latest data year unless year is given."
              + " sort: relevance, name, distance, or services, claims, payments (highest first); cursor from the"
              + " previous page's nextCursor; size at most 100. Each item carries the volumes filtered or sorted on.")
  ProviderSearchResult search(
      @ParameterObject @ModelAttribute ProviderQuery query, BindingResult binding) {
    return search.search(query, SearchParameters.rejected(binding));
  }

  @GetMapping("/map")
  @Operation(
      summary = "A provider search clustered on a map",
      description =
          "The search parameters of GET /api/v1/providers (cursor, size and sort aside), the found providers whose"
              + " practice point lies in bbox (west,south,east,north in degrees; the world when absent) counted"
              + " on a grid for zoom (0 to 22, slippy-map levels, 4 when absent; a cell is 360/2^zoom/4"
              + " degrees). Each cluster is at its providers' mean point; a cluster of one carries its NPI;"
              + " the counts add up to total. 400 for a malformed bbox or zoom, or a box of more than 20,000"
              + " cells at the zoom.")
  ProviderMap.ProviderClusters map(
      @ParameterObject @ModelAttribute ProviderQuery query,
      BindingResult binding,
      @RequestParam(required = false) String bbox,
      @RequestParam(required = false) String zoom) {
    return map.clusters(query, bbox, zoom, SearchParameters.rejected(binding));
  }

  @GetMapping("/{npi}")
  @Operation(
      summary = "A provider's 360",
      description =
          "NPPES facts, Part B and Part D years, Open Payments program years, and the organisations the provider is"
              + " affiliated with (inferred: same practice address, authorised official, shared other names). 400 for a"
              + " malformed NPI, 404 for one not in the registry nor in a CMS file.")
  ProviderProfile provider(@PathVariable String npi) {
    return providers
        .find(NpiPaths.npi(npi))
        .orElseThrow(() -> new RecordNotFound("The provider with NPI " + npi));
  }
}
