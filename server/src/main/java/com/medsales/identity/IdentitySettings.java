package com.medsales.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param adminPassword the demo admin's password on first start ({@code MEDSALES_ADMIN_PASSWORD});
 *     generated and printed once when unset
 * @param operatorPassword the same for the demo platform operator ({@code
 *     MEDSALES_OPERATOR_PASSWORD})
 * @param publicUrl where users reach the web app, for invitation links ({@code
 *     MEDSALES_PUBLIC_URL})
 * @param sessionIdleTimeout a web session ends after this long without a request
 * @param sessionAbsoluteTimeout and after this long whatever happens
 * @param accessTokenTtl lifetime of a token from {@code POST /api/v1/auth/token}
 * @param invitationTtl how long an invitation link works
 * @param maxFailures failed sign-ins per account (or per address, times {@code addressFactor})
 *     within {@code window} before sign-in pauses for {@code lockout}
 * @param requestsPerMinute API requests per user or token per minute (a token bucket that refills
 *     continuously)
 */
@ConfigurationProperties("medsales.identity")
public record IdentitySettings(
    @Nullable String adminPassword,
    @Nullable String operatorPassword,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("30m") Duration sessionIdleTimeout,
    @DefaultValue("12h") Duration sessionAbsoluteTimeout,
    @DefaultValue("1h") Duration accessTokenTtl,
    @DefaultValue("7d") Duration invitationTtl,
    @DefaultValue("5") int maxFailures,
    @DefaultValue("10") int addressFactor,
    @DefaultValue("15m") Duration window,
    @DefaultValue("15m") Duration lockout,
    @DefaultValue("600") int requestsPerMinute) {}
