package com.medsales.territory.web;

import com.medsales.platform.Problems;
import com.medsales.territory.TerritoryException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Territory refusals as ProblemDetail: one entry per bad field like every other validation error, plus what the
 * caller needs to recover (the current version on a conflict, the rejected lines of an alignment file).
 */
@RestControllerAdvice
// before the platform's catch-all advice: between advices the first that can handle an exception wins, not the closest
@Order(Ordered.HIGHEST_PRECEDENCE)
class TerritoryProblems {

  @ExceptionHandler(TerritoryException.class)
  ResponseEntity<ProblemDetail> refused(TerritoryException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
        };
    ProblemDetail problem = Problems.of(status,
        switch (e.kind()) {
          case INVALID -> "Invalid request";
          case NOT_FOUND -> "Not found";
          case CONFLICT -> "Conflict";
        },
        e.getMessage(), e.fieldErrors());
    e.properties().forEach(problem::setProperty);
    return ResponseEntity.status(status).body(problem);
  }
}
