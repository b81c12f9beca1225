package com.medsales.identity.web;

import com.medsales.identity.IdentityException;
import com.medsales.platform.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Identity's refusals as ProblemDetail, with one entry per bad field like every other validation error. */
@RestControllerAdvice
// before the platform's catch-all handler, which would otherwise answer this module's exceptions with a 500
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblems {

  @ExceptionHandler(IdentityException.class)
  ResponseEntity<ProblemDetail> refused(IdentityException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case SIGN_IN_FAILED -> HttpStatus.UNAUTHORIZED;
          case SIGN_IN_PAUSED -> HttpStatus.TOO_MANY_REQUESTS;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    ProblemDetail problem = Problems.of(status,
        switch (e.kind()) {
          case INVALID -> "Invalid request";
          case NOT_FOUND -> "Not found";
          case CONFLICT -> "Conflict";
          case SIGN_IN_FAILED -> "Sign-in failed";
          case SIGN_IN_PAUSED -> "Sign-in paused";
          case FORBIDDEN -> "Forbidden";
        },
        e.getMessage(), e.fieldErrors());
    var response = ResponseEntity.status(status);
    if (e.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
    }
    return response.body(problem);
  }
}
