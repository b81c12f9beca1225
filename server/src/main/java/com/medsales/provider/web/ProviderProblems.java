package com.medsales.provider.web;

import com.medsales.provider.ProviderSearch;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad search parameters as a ProblemDetail, until {@link ProviderSearch.InvalidSearch} becomes the platform's {@code
 * InvalidFields} (with the search's own rework); then this advice goes, and the platform's one advice answers it. Every
 * other provider refusal (a malformed or unknown NPI) is already one of the platform's.
 */
@RestControllerAdvice(basePackageClasses = ProviderProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProviderProblems {

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
}
