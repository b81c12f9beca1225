package com.medsales.platform.web;

import com.medsales.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL byte in the path, the query string or a form parameter, raw or as {@code %00}, is a 400
 * naming the parameter, before anything reads it: no query can store or search one, and PostgreSQL
 * refuses it in text with an error. (JSON bodies are checked as they are read, by the Jackson rules
 * of {@link InputRulesConfiguration}.)
 */
final class NulRejectingFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String field = nulField(request);
    if (field != null) {
      ProblemDetailsFilter.write(
          response,
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "Invalid request",
              "The request has invalid parameters.",
              Map.of(field, List.of("must not contain a NUL byte"))));
      return;
    }
    chain.doFilter(request, response);
  }

  private static @Nullable String nulField(HttpServletRequest request) {
    if (hasNul(request.getRequestURI())) {
      return "path";
    }
    String query = request.getQueryString();
    boolean inQuery = hasNul(query);
    String contentType = request.getContentType();
    boolean form =
        contentType != null
            && contentType
                .toLowerCase(Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    if (!inQuery && !form) {
      // a multipart body's parameters are not parsed here: reading them would read (and size-check)
      // every file
      return null;
    }
    for (var parameter : request.getParameterMap().entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0) {
        return "parameter name";
      }
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          return parameter.getKey();
        }
      }
    }
    return inQuery ? "query" : null;
  }

  private static boolean hasNul(@Nullable String raw) {
    if (raw == null) {
      return false;
    }
    return raw.indexOf('\0') >= 0 || raw.contains("%00");
  }
}
