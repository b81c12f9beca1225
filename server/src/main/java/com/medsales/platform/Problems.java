package com.medsales.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of an RFC 9457 answer with field errors, for the platform's advice and the filters
 * that answer first.
 */
public final class Problems {

  private Problems() {}

  /**
   * A ProblemDetail whose {@code errors} extension lists one {field, message} entry per problem, as
   * validation does.
   */
  public static ProblemDetail of(
      HttpStatus status, String title, String detail, Map<String, List<String>> fieldErrors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (!fieldErrors.isEmpty()) {
      List<Map<String, Object>> errors = new ArrayList<>();
      fieldErrors.forEach(
          (field, messages) ->
              messages.forEach(m -> errors.add(Map.of("field", field, "message", m))));
      problem.setProperty("errors", errors);
    }
    return problem;
  }
}
