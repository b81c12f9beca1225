package com.medsales.identity.internal;

import com.medsales.identity.IdentitySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session timeout: a session signed in longer ago than the setting ends, however
 * active it has been (the idle timeout is the session store's own).
 */
class SessionTimeoutFilter extends OncePerRequestFilter {

  static final String SIGNED_IN_AT = "medsales.signedInAt";

  private final IdentitySettings settings;

  SessionTimeoutFilter(IdentitySettings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt
        && Instant.ofEpochMilli(signedInAt)
            .plus(settings.sessionAbsoluteTimeout())
            .isBefore(Instant.now())) {
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }
}
