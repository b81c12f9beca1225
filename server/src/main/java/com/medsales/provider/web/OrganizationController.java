package com.medsales.provider.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.Role;
import com.medsales.provider.OrganizationProfile;
import com.medsales.provider.Organizations;
import com.medsales.provider.search.OrganizationQuery;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations")
class OrganizationController {

  private final Organizations organizations;
  private final ProviderSearch search;

  OrganizationController(Organizations organizations, ProviderSearch search) {
    this.organizations = organizations;
    this.search = search;
  }

  @GetMapping
  @Operation(
      summary = "Search organisations (HCOs)",
      description =
          "The provider search over organisation NPIs: name (typo-tolerant), specialty (taxonomy code or NUCC name),"
              + " state, city, zip, near (ZIP or lat,lon) with radiusMiles or radiusKm, status; sort relevance, name,"
              + " distance, services, claims or payments; cursor and size as for providers.")
  ProviderSearchResult search(
      @ParameterObject @ModelAttribute OrganizationQuery query, BindingResult binding) {
    return search.search(query, SearchParameters.rejected(binding));
  }

  @GetMapping("/{npi}")
  @Operation(
      summary = "An organisation's profile",
      description =
          "Its NPPES facts and own volumes, the providers and organisations affiliated with it (each with how the"
              + " affiliation was inferred: SAME_PRACTICE_ADDRESS, AUTHORIZED_OFFICIAL, OTHER_NAME; its primary"
              + " specialty and latest Part B services, Part D claims and Open Payments), and totals over all of them."
              + " An organisation only a CMS file names (not in the loaded registry) answers with organization.inRegistry"
              + " false and the name and address the file gives. 400 for a malformed NPI, 404 for an NPI that is not an"
              + " organisation in the registry nor in a CMS file.")
  OrganizationProfile organization(@PathVariable String npi) {
    return organizations
        .find(NpiPaths.npi(npi))
        .orElseThrow(() -> new RecordNotFound("The organisation with NPI " + npi));
  }
}
