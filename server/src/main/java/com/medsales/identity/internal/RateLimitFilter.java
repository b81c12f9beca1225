package com.medsales.identity.internal;

import com.medsales.identity.MedsalesUser;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the API per user (sessions and access tokens) and per integration token: a token
 * bucket of a minute's worth of requests that refills continuously, shared by every API instance
 * when Redis is configured. Exhausted, it answers 429 with Retry-After.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  private final ProxyManager<String> buckets;
  private final BucketConfiguration configuration;

  RateLimitFilter(ProxyManager<String> buckets, int requestsPerMinute) {
    this.buckets = buckets;
    this.configuration =
        BucketConfiguration.builder()
            .addLimit(
                limit ->
                    limit
                        .capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
            .build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof MedsalesUser user)) {
      chain.doFilter(request, response);
      return;
    }
    String key =
        user.tokenId() != null
            ? "medsales:rate:token:" + user.tokenId()
            : "medsales:rate:user:" + user.userId();
    ConsumptionProbe probe;
    try {
      probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      // a rate-limit store that fails (Redis away) lets the request through rather than failing it
      log.warn("Rate limit store unavailable: {}", e.getMessage());
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      ProblemResponses.write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many requests",
          "The rate limit for this user or token is used up. Retry after " + seconds + " seconds.");
      return;
    }
    chain.doFilter(request, response);
  }
}
