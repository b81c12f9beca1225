package com.medsales.platform.web;

import com.medsales.platform.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: what escapes every other layer (a security filter looking up a bearer
 * token, the session store loading or saving a session) still answers as a ProblemDetail, never as
 * the servlet container's error page. A database that is away is a 503 with Retry-After; anything
 * else a 500 that is logged.
 */
final class ProblemDetailsFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsFilter.class);

  /**
   * Writes ProblemDetail as Spring MVC does: extension properties at the top level, no null
   * members.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      write(response, problemFor(e, request));
    }
  }

  static ProblemDetail problemFor(Exception e, HttpServletRequest request) {
    if (isMalformedParameters(e)) {
      return malformedParameters();
    }
    if (DatabaseFailures.isConnectionFailure(e)) {
      log.warn(
          "{} {}: database unavailable ({})",
          request.getMethod(),
          request.getRequestURI(),
          e.getMessage());
      return ProblemDetailsAdvice.databaseUnavailable();
    }
    log.error("Unhandled error in {} {}", request.getMethod(), request.getRequestURI(), e);
    return ProblemDetailsAdvice.internalError();
  }

  /**
   * Tomcat could not decode the query string or form body (bad percent-encoding, bytes that are not
   * UTF-8): the client sent it, so a 400, and nothing of it quoted back.
   */
  static boolean isMalformedParameters(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.tomcat.util.http.InvalidParameterException) {
        return true;
      }
    }
    return false;
  }

  static ProblemDetail malformedParameters() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The query string or form body is not valid percent-encoded UTF-8.");
    problem.setTitle("Invalid request");
    return problem;
  }

  static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, ProblemDetailsAdvice.RETRY_AFTER_SECONDS);
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
