package com.medsales.provider.web;

import com.medsales.shared.Npi;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The provider and organisation endpoints' errors as ProblemDetails: malformed and unknown NPIs. */
@RestControllerAdvice(basePackageClasses = ProviderProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProviderProblems {

  /** The NPI of a path, or a 400 naming the field. */
  static long npi(String npi) {
    String problem = Npi.problem(npi);
    if (problem != null) {
      throw new MalformedNpi(npi, problem);
    }
    return Long.parseLong(npi);
  }

  @ExceptionHandler
  ProblemDetail malformed(MalformedNpi e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid NPI");
    problem.setProperty("errors", List.of(Map.of("field", "npi", "message", e.reason)));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(NotFound e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle(e.title);
    return problem;
  }

  static final class MalformedNpi extends RuntimeException {
    final String reason;

    MalformedNpi(String npi, String reason) {
      super("'" + npi + "' is not an NPI: " + reason);
      this.reason = reason;
    }
  }

  static final class NotFound extends RuntimeException {
    final String title;

    NotFound(String title, String detail) {
      super(detail);
      this.title = title;
    }
  }
}
