package com.medsales.identity.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.medsales.identity.IdentityException;
import com.medsales.identity.IdentitySettings;
import com.medsales.identity.MedsalesUser;
import com.medsales.ops.OpsSettings;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web security rules.
 *
 * <ul>
 *   <li>Open: {@code /health}, the SPA's files, the OpenAPI document, and the three ways in: {@code POST
 *       /api/v1/auth/token}, {@code POST /api/v1/auth/session} (the web app's sign-in) and invitation links.
 *   <li>Everything else under {@code /api} needs a session or a bearer token (401 ProblemDetail otherwise); a
 *       read-only token may only read; ingestion administration needs {@code OPERATOR}; method-level rules do the
 *       rest.
 *   <li>Sessions carry CSRF protection (cookie and header, the SPA pattern); bearer requests carry no ambient
 *       credential and need none.
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
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
            .spa()
            .ignoringRequestMatchers(BearerTokenFilter::hasBearer)
            .ignoringRequestMatchers(request -> "POST".equals(request.getMethod())
                && "/api/v1/auth/token".equals(request.getRequestURI())))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        // enterprise single sign-on: /oauth2/authorization/<tenant slug> starts it; the provider returns to
        // /login/oauth2/code/<tenant slug>, and the tenant's user is signed in to a session like any other
        .oauth2Login(oidc -> oidc
            .loginPage("/sign-in")
            .clientRegistrationRepository(singleSignOn)
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(unknownTenantsIgnored(singleSignOn)))
            .successHandler((request, response, authentication) -> {
              var token = (OAuth2AuthenticationToken) authentication;
              try {
                MedsalesUser user = singleSignOn.userFor(
                    token.getAuthorizedClientRegistrationId(), (OidcUser) token.getPrincipal());
                sessions.start(user, request, response);
                response.sendRedirect("/");
              } catch (IdentityException refused) {
                SecurityContextHolder.clearContext();
                request.getSession().invalidate();
                response.sendRedirect("/sign-in?error=sso");
              }
            })
            .failureHandler((request, response, e) -> response.sendRedirect("/sign-in?error=sso")))
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> {})
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                "Unauthorized", "Sign in, or send a bearer token (POST /api/v1/auth/token)."))
            .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                "Forbidden", "You are signed in, but not allowed to do this.")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/session").permitAll()
            .requestMatchers("/api/v1/auth/invitations/**").permitAll()
            .requestMatchers("/api/v1/admin/ingestion/**").hasRole("OPERATOR")
            // administration needs a role before any request body is even read; methods narrow it further
            .requestMatchers("/api/v1/admin/**").hasAnyRole("ADMIN", "OPERATOR")
            .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(MedsalesUser.SCOPE_READ)
            .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(MedsalesUser.SCOPE_READ)
            .requestMatchers("/api/**").access(AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasAuthority(MedsalesUser.SCOPE_READ),
                AuthorityAuthorizationManager.hasAuthority(MedsalesUser.SCOPE_WRITE)))
            .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
            .requestMatchers("/actuator/**").denyAll()
            .anyRequest().permitAll())
        .addFilterBefore(new SessionTimeoutFilter(settings), SecurityContextHolderFilter.class)
        .addFilterBefore(new BearerTokenFilter(accounts), BasicAuthenticationFilter.class)
        .addFilterAfter(new RateLimitFilter(buckets, settings.requestsPerMinute()), BasicAuthenticationFilter.class)
        .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
    return http.build();
  }

  /** A tenant without single sign-on is not an error: the request falls through to the web app (its 404). */
  private static OAuth2AuthorizationRequestResolver unknownTenantsIgnored(SingleSignOn singleSignOn) {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(singleSignOn, "/oauth2/authorization");
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
      public OAuth2AuthorizationRequest resolve(jakarta.servlet.http.HttpServletRequest request, String registrationId) {
        try {
          return resolver.resolve(request, registrationId);
        } catch (IllegalArgumentException unknownRegistration) {
          return null;
        }
      }
    };
  }

  /** Renders the CSRF token on every response, so the SPA always has the cookie before its first write. */
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
          .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
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
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
            .build();
      } catch (RuntimeException e) {
        // Redis away at start-up degrades /health; limits then hold per instance rather than stopping the process
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
