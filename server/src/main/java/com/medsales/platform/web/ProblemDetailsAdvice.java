package com.medsales.platform.web;

import com.medsales.platform.AlreadyExists;
import com.medsales.platform.ConflictingState;
import com.medsales.platform.DatabaseFailures;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.NotPermitted;
import com.medsales.platform.Problems;
import com.medsales.platform.RecordGone;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.RequestRefused;
import com.medsales.platform.SignInFailed;
import com.medsales.platform.SignInPaused;
import com.medsales.platform.StaleVersion;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every error the API gives is an RFC 9457 ProblemDetail, and this is the one advice that makes
 * them: Spring MVC's own (unknown route, bad method, unreadable body), validation errors with one
 * entry per bad field, a refused method-level authorisation as 403, every module's domain refusals,
 * and anything unexpected as a 500 without a stack trace. Domain exceptions carry no HTTP types:
 * each extends {@link RequestRefused} through the fact it states ({@link RecordNotFound}, {@link
 * InvalidFields}, {@link StaleVersion}, {@link AlreadyExists}, {@link ConflictingState}, {@link
 * RecordGone}, {@link NotPermitted}, {@link SignInFailed}, {@link SignInPaused}), and {@link
 * #refused} gives each fact its status and shape. Filters that answer before Spring MVC (sign-in,
 * rate limits, NUL bytes) write the same shape themselves.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setTitle("Invalid request");
    List<Map<String, Object>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                e ->
                    Map.<String, Object>of(
                        "field",
                        e.getField(),
                        "message",
                        "typeMismatch".equals(e.getCode())
                            ? mismatchReason(e)
                            : String.valueOf(e.getDefaultMessage())))
            .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * An unreadable JSON body: one entry naming the field when Jackson knows it ({@code tags[3]},
   * {@code address.city}).
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    DatabindException databind = null;
    for (Throwable t = ex; t != null && databind == null; t = t.getCause()) {
      if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
        databind = d;
      }
    }
    if (databind == null) {
      return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }
    StringBuilder field = new StringBuilder();
    for (var reference : databind.getPath()) {
      if (reference.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    String message = String.valueOf(databind.getOriginalMessage());
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    message = message.length() > 200 ? message.substring(0, 200) + "..." : message;
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "The request body has invalid fields.",
                Map.of(field.isEmpty() ? "body" : field.toString(), List.of(message))));
  }

  /**
   * A parameter that does not convert (not a number, NaN, 1e309): a 400 naming it, without echoing
   * the value.
   */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m
            ? m.getName()
            : String.valueOf(ex.getPropertyName());
    String reason = reason(ex);
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "The request has invalid parameters.",
                Map.of(name, List.of(reason))));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail invalidParameters(ConstraintViolationException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
    problem.setTitle("Invalid request");
    problem.setProperty(
        "errors",
        ex.getConstraintViolations().stream()
            .map(
                v ->
                    Map.of(
                        "field",
                        lastNode(v.getPropertyPath().toString()),
                        "message",
                        v.getMessage()))
            .toList());
    return problem;
  }

  /**
   * A domain refusal, the one mapping of every module's facts: each its status and title, field
   * errors as {@code errors}, what else the caller needs to recover ({@code current}, rejected
   * lines) as members of their own; a paused sign-in says when to retry in {@code Retry-After}.
   */
  @ExceptionHandler(RequestRefused.class)
  ResponseEntity<ProblemDetail> refused(RequestRefused ex) {
    record Answer(HttpStatus status, String title) {}
    Answer answer =
        switch (ex) {
          case RecordNotFound e -> new Answer(HttpStatus.NOT_FOUND, "Not found");
          case InvalidFields e -> new Answer(HttpStatus.BAD_REQUEST, "Invalid request");
          case StaleVersion e -> new Answer(HttpStatus.CONFLICT, "Conflict");
          case AlreadyExists e -> new Answer(HttpStatus.CONFLICT, "Conflict");
          case ConflictingState e -> new Answer(HttpStatus.CONFLICT, "Conflict");
          case RecordGone e -> new Answer(HttpStatus.GONE, "Gone");
          case NotPermitted e -> new Answer(HttpStatus.FORBIDDEN, "Forbidden");
          case SignInFailed e -> new Answer(HttpStatus.UNAUTHORIZED, "Sign-in failed");
          case SignInPaused e -> new Answer(HttpStatus.TOO_MANY_REQUESTS, "Sign-in paused");
          default -> {
            log.error("A refusal without a mapping ({}) answers as a 400", ex.getClass().getName());
            yield new Answer(HttpStatus.BAD_REQUEST, "Invalid request");
          }
        };
    ProblemDetail problem =
        Problems.of(answer.status(), answer.title(), ex.getMessage(), ex.fieldErrors());
    ex.properties().forEach(problem::setProperty);
    var response = ResponseEntity.status(answer.status());
    if (ex instanceof SignInPaused paused) {
      response.header(
          HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, paused.retryAfter().toSeconds())));
    }
    return response.body(problem);
  }

  /** Method-level authorisation refused: the same 403 as the request-level rules give. */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "You are signed in, but not allowed to do this.");
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
  ProblemDetail malformedParameters() {
    return ProblemDetailsFilter.malformedParameters();
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    if (DatabaseFailures.isConnectionFailure(ex)) {
      log.warn("Database unavailable: {}", ex.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .body(databaseUnavailable());
    }
    if (DatabaseFailures.isRefusal(ex)) {
      // a rule row-level security keeps that the code did not check first: the caller's to hear,
      // not an error of ours
      log.warn(
          "Write refused by the database (42501): {}",
          org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(refused());
    }
    log.error("Unhandled error", ex);
    return ResponseEntity.internalServerError().body(internalError());
  }

  /** The database refused the write (SQLState 42501): a 403 that says who may make such changes. */
  static ProblemDetail refused() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "You are not allowed to make this change: it would write a record you may not change, or leave one you could"
                + " no longer see. A record's owner, a manager of a team the owner is in, or an administrator may change it;"
                + " a record that should go to a colleague outside your view can be reassigned by their manager or an"
                + " administrator.");
    problem.setTitle("Forbidden");
    return problem;
  }

  /** The database is away (down, restarting, out of connections): try again shortly. */
  static ProblemDetail databaseUnavailable() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database is unavailable for the moment. Retry after "
                + RETRY_AFTER_SECONDS
                + " seconds.");
    problem.setTitle("Service unavailable");
    return problem;
  }

  static ProblemDetail internalError() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred. It has been logged.");
    problem.setTitle("Internal error");
    return problem;
  }

  /**
   * What the converter said ("must be a finite number"), or that the value is not of the
   * parameter's type.
   */
  private static String mismatchReason(org.springframework.validation.FieldError error) {
    if (error.contains(TypeMismatchException.class)) {
      return reason(error.unwrap(TypeMismatchException.class));
    }
    return "is not a valid value";
  }

  private static String reason(TypeMismatchException ex) {
    return ex.getMostSpecificCause() instanceof IllegalArgumentException refused
            && refused.getMessage() != null
            && refused.getMessage().startsWith("must")
        ? refused.getMessage()
        : "is not a valid value";
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
