package com.medsales.identity.internal;

import com.medsales.identity.MedsalesUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ms_...}: access tokens from {@code POST
 * /api/v1/auth/token} and integration tokens. A bearer credential that is not valid answers 401 at
 * once, whatever else the request carries.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private final Accounts accounts;

  BearerTokenFilter(Accounts accounts) {
    this.accounts = accounts;
  }

  static boolean hasBearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).strip();
    Optional<MedsalesUser> user = accounts.authenticate(token);
    if (user.isEmpty()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      ProblemResponses.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Unauthorized",
          "The bearer token is unknown, expired or revoked.");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().authorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
