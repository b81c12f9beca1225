package com.medsales.identity.internal;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.identity.MedsalesUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Starts and ends the web app's sessions: a fresh session id and CSRF token at sign-in, everything
 * gone at sign-out.
 */
@Component
public class SignInSessions {

  private final SessionAuthenticationStrategy strategy;
  private final SecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;
  private final AuditTrail audit;

  SignInSessions(
      SessionAuthenticationStrategy strategy,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      AuditTrail audit) {
    this.strategy = strategy;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
    this.audit = audit;
  }

  public void start(MedsalesUser user, HttpServletRequest request, HttpServletResponse response) {
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    request.getSession(true);
    strategy.onAuthentication(authentication, request, response);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    request
        .getSession()
        .setAttribute(SessionTimeoutFilter.SIGNED_IN_AT, System.currentTimeMillis());
    // the strategy replaced the CSRF token; render the new one now so this response sets its cookie
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
      csrf.getToken();
    }
  }

  /**
   * Replaces the signed-in user of this request's session (if it has one) with {@code user}, e.g.
   * once a reset password is changed.
   */
  public void update(MedsalesUser user, HttpServletRequest request, HttpServletResponse response) {
    // a bearer token's user lives in the token, not in a session
    if (user.tokenId() != null || request.getSession(false) == null) {
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  public void end(HttpServletRequest request, HttpServletResponse response) {
    audit.record("auth.sign-out", null, AuditOutcome.SUCCESS, Map.of());
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    csrfTokens.saveToken(null, request, response);
  }
}
