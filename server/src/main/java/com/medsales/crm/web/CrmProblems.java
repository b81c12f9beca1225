package com.medsales.crm.web;

import com.medsales.crm.CrmException;
import com.medsales.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** CRM refusals as ProblemDetail; a conflict carries the record as it is now ({@code current}) for a merge. */
@RestControllerAdvice
// before the platform's catch-all handler, which would otherwise answer this module's exceptions with a 500
@Order(Ordered.HIGHEST_PRECEDENCE)
class CrmProblems {

  @ExceptionHandler(CrmException.class)
  ResponseEntity<ProblemDetail> refused(CrmException e) {
    HttpStatus status = switch (e.kind()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case GONE -> HttpStatus.GONE;
    };
    ProblemDetail problem = Problems.of(status, switch (e.kind()) {
      case INVALID -> "Invalid request";
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Conflict";
      case FORBIDDEN -> "Forbidden";
      case GONE -> "Gone";
    }, e.getMessage(), e.fieldErrors());
    if (e.current() != null) {
      problem.setProperty("current", e.current());
    }
    return ResponseEntity.status(status).body(problem);
  }
}
