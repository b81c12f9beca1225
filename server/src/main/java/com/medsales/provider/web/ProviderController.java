package com.medsales.provider.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import com.medsales.shared.Npi;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.ProviderQuery;
import com.medsales.provider.ProviderSearch;
import com.medsales.provider.ProviderSearchResult;
import com.medsales.provider.Providers;
import java.math.BigDecimal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
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

  ProviderController(Providers providers, ProviderSearch search) {
    this.providers = providers;
    this.search = search;
  }

  @GetMapping
  @Operation(
      summary = "Search providers",
      description =
          "Every filter optional, all combined. near is a 5-digit ZIP or lat,lon (radius 25 miles unless radiusMiles or"
              + " radiusKm); status ACTIVE (default), DEACTIVATED or ANY; sort relevance, name or distance; cursor from"
              + " the previous page's nextCursor; size at most 100. Clinical filters use the latest data year unless year"
              + " is given.")
  ProviderSearchResult search(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String npi,
      @RequestParam(required = false) String entityType,
      @RequestParam(required = false) String specialty,
      @RequestParam(required = false) String credential,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String city,
      @RequestParam(required = false) String zip,
      @RequestParam(required = false) String near,
      @RequestParam(required = false) Double radiusMiles,
      @RequestParam(required = false) Double radiusKm,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) List<String> hcpcs,
      @RequestParam(required = false) BigDecimal minServices,
      @RequestParam(required = false) String drug,
      @RequestParam(required = false) BigDecimal minClaims,
      @RequestParam(required = false) String manufacturer,
      @RequestParam(required = false) BigDecimal minPayment,
      @RequestParam(required = false) BigDecimal maxPayment,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return search.search(
        new ProviderQuery(name, npi, entityType, specialty, credential, state, city, zip, near, radiusMiles, radiusKm,
            status, hcpcs, minServices, drug, minClaims, manufacturer, minPayment, maxPayment, year, sort, cursor, size));
  }

  @ExceptionHandler
  ProblemDetail invalidSearch(ProviderSearch.InvalidSearch e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The search has invalid parameters.");
    problem.setTitle("Invalid search");
    problem.setProperty(
        "errors",
        e.errors().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue()))
            .toList());
    return problem;
  }

  @GetMapping("/{npi}")
  @Operation(summary = "A provider's NPPES facts", description = "400 for a malformed NPI, 404 for one not in the registry.")
  ProviderProfile provider(@PathVariable String npi) {
    String problem = Npi.problem(npi);
    if (problem != null) {
      throw new MalformedNpi(npi, problem);
    }
    return providers.find(Long.parseLong(npi)).orElseThrow(() -> new UnknownProvider(npi));
  }

  @ExceptionHandler
  ProblemDetail malformed(MalformedNpi e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid NPI");
    problem.setProperty("errors", List.of(Map.of("field", "npi", "message", e.reason)));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail unknown(UnknownProvider e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Provider not found");
    return problem;
  }

  static final class MalformedNpi extends RuntimeException {
    final String reason;

    MalformedNpi(String npi, String reason) {
      super("'" + npi + "' is not an NPI: " + reason);
      this.reason = reason;
    }
  }

  static final class UnknownProvider extends RuntimeException {
    UnknownProvider(String npi) {
      super("No provider with NPI " + npi + " in the registry");
    }
  }
}
