package com.medsales.provider.web;

import com.medsales.platform.ConditionalOnRole;
import com.medsales.platform.Role;
import com.medsales.shared.Npi;
import com.medsales.provider.ProviderProfile;
import com.medsales.provider.Providers;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/providers")
@Tag(name = "Providers")
class ProviderController {

  private final Providers providers;

  ProviderController(Providers providers) {
    this.providers = providers;
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
