package com.medsales.identity.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.medsales.identity.IdentitySettings;
import com.medsales.identity.MedsalesUser;
import com.medsales.ops.OpsSettings;
import com.medsales.platform.RequestRefused;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web security rules.
 *
 * <ul>
 *   <li>Open: {@code /health}, the SPA's files, the OpenAPI document, and the three ways in: {@code
 *       POST /api/v1/auth/token}, {@code POST /api/v1/auth/session} (the web app's sign-in) and
 *       invitation links.
 *   <li>Everything else under {@code /api} needs a session or a bearer token (401 ProblemDetail
 *       otherwise) and passes three independent checks: the scope (anything but {@code GET} and
 *       {@code HEAD} needs a read-write credential, whatever the path), the role of the path
 *       (administration needs {@code ADMIN} or {@code OPERATOR}, ingestion administration {@code
 *       OPERATOR}), and, for a user whose password an administrator reset, the password changed
 *       first. Method-level rules do the rest.
 *   <li>Sessions carry CSRF protection (cookie and header, the SPA pattern); bearer requests carry
 *       no ambient credential and need none.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt today, and any stored hash of an older or newer algorithm still verifies
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
    return repository;
  }

  /** Applied at sign-in: a new session id (fixation protection) and a new CSRF token. */
  @Bean
  SessionAuthenticationStrategy signInSessionStrategy(CsrfTokenRepository csrf) {
    return new CompositeSessionAuthenticationStrategy(
        List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf)));
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      Accounts accounts,
      IdentitySettings settings,
      CsrfTokenRepository csrfTokens,
      SecurityContextRepository contexts,
      ProxyManager<String> buckets,
      SingleSignOn singleSignOn,
      SignInSessions sessions)
      throws Exception {
    http.securityContext(context -> context.securityContextRepository(contexts))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .spa()
                    .ignoringRequestMatchers(BearerTokenFilter::hasBearer)
                    .ignoringRequestMatchers(
                        request ->
                            "POST".equals(request.getMethod())
                                && "/api/v1/auth/token".equals(request.getRequestURI())))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        // enterprise single sign-on: /oauth2/authorization/<tenant slug> starts it; the provider
        // returns to
        // /login/oauth2/code/<tenant slug>, and the tenant's user is signed in to a session like
        // any other
        .oauth2Login(
            oidc ->
                oidc.loginPage("/sign-in")
                    .clientRegistrationRepository(singleSignOn)
                    .authorizationEndpoint(
                        endpoint ->
                            endpoint.authorizationRequestResolver(
                                unknownTenantsIgnored(singleSignOn)))
                    .successHandler(
                        (request, response, authentication) -> {
                          var token = (OAuth2AuthenticationToken) authentication;
                          try {
                            MedsalesUser user =
                                singleSignOn.userFor(
                                    token.getAuthorizedClientRegistrationId(),
                                    (OidcUser) token.getPrincipal());
                            sessions.start(user, request, response);
                            response.sendRedirect("/");
                          } catch (RequestRefused refused) {
                            SecurityContextHolder.clearContext();
                            request.getSession().invalidate();
                            response.sendRedirect("/sign-in?error=sso");
                          }
                        })
                    .failureHandler(
                        (request, response, e) -> response.sendRedirect("/sign-in?error=sso")))
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> {})
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy
                                    .STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) -> ProblemResponses.signInFirst(request, response))
                    .accessDeniedHandler(SecurityConfiguration::refused))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(ENTRY_POINTS)
                    .permitAll()
                    // every other API request passes all three checks, each on its own, so that no
                    // rule added to one can
                    // bypass another (a role rule that matched first once let a read-only token
                    // write)
                    .requestMatchers("/api/**")
                    .access(
                        AuthorizationManagers.allOf(
                            scopeByMethod(), roleByPath(), passwordChangedFirst()))
                    .requestMatchers(
                        "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .denyAll()
                    .anyRequest()
                    .permitAll())
        .addFilterBefore(new SessionTimeoutFilter(settings), SecurityContextHolderFilter.class)
        .addFilterBefore(new BearerTokenFilter(accounts), BasicAuthenticationFilter.class)
        .addFilterAfter(
            new RateLimitFilter(buckets, settings.requestsPerMinute()),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
    return http.build();
  }

  /** The ways in, open to anyone: signing in, and invitation links. */
  static final RequestMatcher ENTRY_POINTS =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/token"),
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/session"),
          PathPatternRequestMatcher.withDefaults().matcher("/api/v1/auth/invitations/**"));

  /**
   * What a user whose password was reset may still do: see who they are, sign out, and change the
   * password.
   */
  static final RequestMatcher WHILE_PASSWORD_MUST_CHANGE =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/me"),
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/me/password"),
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/auth/session"),
          PathPatternRequestMatcher.withDefaults()
              .matcher(HttpMethod.DELETE, "/api/v1/auth/session"));

  static boolean reads(HttpServletRequest request) {
    return HttpMethod.GET.matches(request.getMethod())
        || HttpMethod.HEAD.matches(request.getMethod());
  }

  /** A read (GET, HEAD) needs the read scope; anything else, whatever its path, the write scope. */
  static AuthorizationManager<RequestAuthorizationContext> scopeByMethod() {
    var read =
        AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
            MedsalesUser.SCOPE_READ);
    var write =
        AuthorizationManagers.allOf(
            read,
            AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
                MedsalesUser.SCOPE_WRITE));
    return (authentication, context) ->
        reads(context.getRequest())
            ? read.authorize(authentication, context)
            : write.authorize(authentication, context);
  }

  /**
   * Roles by path: administration needs a role before any request body is even read (methods narrow
   * it further); the rest of the API, any signed-in user.
   */
  static AuthorizationManager<RequestAuthorizationContext> roleByPath() {
    var byPath =
        RequestMatcherDelegatingAuthorizationManager.builder()
            .add(
                PathPatternRequestMatcher.withDefaults().matcher("/api/v1/admin/ingestion/**"),
                AuthorityAuthorizationManager.hasRole("OPERATOR"))
            .add(
                PathPatternRequestMatcher.withDefaults().matcher("/api/v1/admin/**"),
                AuthorityAuthorizationManager.hasAnyRole("ADMIN", "OPERATOR"))
            .add(AnyRequestMatcher.INSTANCE, AuthenticatedAuthorizationManager.authenticated())
            .build();
    return (authentication, context) -> byPath.authorize(authentication, context.getRequest());
  }

  /** A user whose password an administrator reset does nothing else until they have changed it. */
  static AuthorizationManager<RequestAuthorizationContext> passwordChangedFirst() {
    return (authentication, context) ->
        new AuthorizationDecision(
            !mustChangePassword(authentication.get())
                || WHILE_PASSWORD_MUST_CHANGE.matches(context.getRequest()));
  }

  static boolean mustChangePassword(@Nullable Authentication authentication) {
    return authentication != null
        && authentication.getPrincipal() instanceof MedsalesUser user
        && user.mustChangePassword();
  }

  /**
   * Says why a request was refused. Without credentials that is a missing sign-in (401), also when
   * the request failed its CSRF check first; with them, the most specific reason: a CSRF token, a
   * read-only credential, a password to change, or a missing role.
   */
  static void refused(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws java.io.IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn =
        authentication != null
            && authentication.isAuthenticated()
            && !(authentication instanceof AnonymousAuthenticationToken);
    if (!signedIn && !ENTRY_POINTS.matches(request)) {
      ProblemResponses.signInFirst(request, response);
    } else if (e instanceof CsrfException) {
      ProblemResponses.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "The request's CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
    } else if (signedIn
        && !reads(request)
        && !authentication.getAuthorities().stream()
            .anyMatch(a -> MedsalesUser.SCOPE_WRITE.equals(a.getAuthority()))) {
      ProblemResponses.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "This token is read-only: it may read (GET, HEAD) but not change anything.");
    } else if (mustChangePassword(authentication) && !WHILE_PASSWORD_MUST_CHANGE.matches(request)) {
      ProblemResponses.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Password change required",
          "Your password was reset by an administrator: change it (POST /api/v1/me/password) before anything else.");
    } else {
      ProblemResponses.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "You are signed in, but not allowed to do this.");
    }
  }

  /**
   * A tenant without single sign-on is not an error: the request falls through to the web app (its
   * 404).
   */
  private static OAuth2AuthorizationRequestResolver unknownTenantsIgnored(
      SingleSignOn singleSignOn) {
    var resolver =
        new DefaultOAuth2AuthorizationRequestResolver(singleSignOn, "/oauth2/authorization");
    return new OAuth2AuthorizationRequestResolver() {
      @Override
      public OAuth2AuthorizationRequest resolve(jakarta.servlet.http.HttpServletRequest request) {
        try {
          return resolver.resolve(request);
        } catch (IllegalArgumentException unknownRegistration) {
          return null;
        }
      }

      @Override
      public OAuth2AuthorizationRequest resolve(
          jakarta.servlet.http.HttpServletRequest request, String registrationId) {
        try {
          return resolver.resolve(request, registrationId);
        } catch (IllegalArgumentException unknownRegistration) {
          return null;
        }
      }
    };
  }

  /**
   * Renders the CSRF token on every response, so the SPA always has the cookie before its first
   * write.
   */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws jakarta.servlet.ServletException, java.io.IOException {
      if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${medsales.ops.redis-host:}'.isBlank()")
  static class InProcessRateLimits {
    @Bean
    ProxyManager<String> rateLimitBuckets() {
      return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
          .expirationAfterWrite(
              ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                  Duration.ofMinutes(2)))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("!'${medsales.ops.redis-host:}'.isBlank()")
  static class RedisRateLimits implements DisposableBean {
    private RedisClient client;

    @Bean
    ProxyManager<String> rateLimitBuckets(OpsSettings ops) {
      client = RedisClient.create(RedisURI.create(ops.redisHost(), ops.redisPort()));
      try {
        var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(2)))
            .build();
      } catch (RuntimeException e) {
        // Redis away at start-up degrades /health; limits then hold per instance rather than
        // stopping the process
        LoggerFactory.getLogger(SecurityConfiguration.class)
            .warn("Redis unreachable for rate limits ({}); limiting per instance", e.getMessage());
        return new InProcessRateLimits().rateLimitBuckets();
      }
    }

    @Override
    public void destroy() {
      if (client != null) {
        client.shutdown();
      }
    }
  }
}
