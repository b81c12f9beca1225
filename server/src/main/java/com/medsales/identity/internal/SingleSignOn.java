package com.medsales.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.TokenScope;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.SignInFailed;
import com.medsales.platform.TenantScope;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enterprise single sign-on with OpenID Connect, configured per tenant. The registration id is the
 * tenant's slug ({@code /oauth2/authorization/<slug>} starts a sign-in); the provider's endpoints
 * come from its issuer's discovery document; the client secret is read from the environment
 * variable (or property) the tenant's configuration names, never stored in the database.
 *
 * <p>A signed-in OIDC user becomes the tenant's user with the same subject, else the one with the
 * same e-mail address (which is then bound to the subject), else a new user with the tenant's
 * default roles.
 */
@Service
public class SingleSignOn implements ClientRegistrationRepository {

  private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

  private final JdbcClient jdbc;
  private final Environment environment;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Cache<String, ClientRegistration> registrations =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).maximumSize(1_000).build();

  SingleSignOn(
      JdbcClient jdbc,
      Environment environment,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.environment = environment;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  private record Registration(
      UUID tenantId, String slug, String issuerUri, String clientId, String clientSecretRef) {}

  private Optional<Registration> registration(String slug) {
    return jdbc.sql("SELECT * FROM medsales_sso_registration(?)")
        .param(slug)
        .query(
            (rs, n) ->
                new Registration(
                    rs.getObject("tenant_id", UUID.class),
                    rs.getString("slug"),
                    rs.getString("issuer_uri"),
                    rs.getString("client_id"),
                    rs.getString("client_secret_ref")))
        .optional();
  }

  @Override
  public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
    if (!registrationId.matches("[a-z0-9][a-z0-9-]{1,62}")) {
      return null;
    }
    ClientRegistration cached = registrations.getIfPresent(registrationId);
    if (cached != null) {
      return cached;
    }
    Registration r = registration(registrationId).orElse(null);
    if (r == null) {
      return null;
    }
    String secret = environment.getProperty(r.clientSecretRef());
    if (secret == null || secret.isEmpty()) {
      log.warn(
          "Single sign-on for tenant {} names client secret {}, which is not set",
          r.slug(),
          r.clientSecretRef());
      return null;
    }
    try {
      ClientRegistration registration =
          ClientRegistrations.fromIssuerLocation(r.issuerUri())
              .registrationId(r.slug())
              .clientId(r.clientId())
              .clientSecret(secret)
              .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
              .scope("openid", "profile", "email")
              .clientName(r.slug())
              .build();
      registrations.put(registrationId, registration);
      return registration;
    } catch (RuntimeException e) {
      log.warn(
          "Single sign-on for tenant {}: issuer {} unusable: {}",
          r.slug(),
          r.issuerUri(),
          e.getMessage());
      return null;
    }
  }

  /** The tenant's user for a signed-in OIDC user of its identity provider. */
  public MedsalesUser userFor(String slug, OidcUser oidc) {
    Registration r = registration(slug).orElseThrow(() -> new RecordNotFound("Single sign-on"));
    return TenantScope.ofTenant(r.tenantId()).call(() -> transaction.execute(tx -> match(r, oidc)));
  }

  private MedsalesUser match(Registration r, OidcUser oidc) {
    String subject = oidc.getSubject();
    String email = oidc.getEmail() != null ? oidc.getEmail().toLowerCase(Locale.ROOT) : null;
    Optional<UUID> id =
        jdbc.sql("SELECT id FROM app_user WHERE tenant_id = medsales_tenant() AND sso_subject = ?")
            .param(subject)
            .query(UUID.class)
            .optional();
    if (id.isEmpty() && email != null) {
      id =
          jdbc.sql(
                  "SELECT id FROM app_user WHERE tenant_id = medsales_tenant() AND lower(email) = ? AND sso_subject IS NULL")
              .param(email)
              .query(UUID.class)
              .optional();
      id.ifPresent(
          found ->
              jdbc.sql("UPDATE app_user SET sso_subject = ?, updated_at = now() WHERE id = ?")
                  .params(subject, found)
                  .update());
    }
    if (id.isEmpty()) {
      String username = email != null ? email : r.slug() + "-" + subject;
      String name = oidc.getFullName() != null ? oidc.getFullName() : username;
      id =
          Optional.of(
              jdbc.sql(
                      """
              INSERT INTO app_user (tenant_id, username, display_name, email, roles, sso_subject)
              SELECT medsales_tenant(), ?, ?, ?, s.default_roles, ? FROM tenant_sso s WHERE s.tenant_id = medsales_tenant()
              RETURNING id
              """)
                  .params(username, name, email, subject)
                  .query(UUID.class)
                  .single());
      audit.record(
          "user.sso-provision", username, AuditOutcome.SUCCESS, Map.of("issuer", r.issuerUri()));
    }
    record Found(MedsalesUser user, boolean enabled) {}
    Found found =
        jdbc.sql("SELECT id, username, display_name, roles, enabled FROM app_user WHERE id = ?")
            .param(id.get())
            .query(
                (rs, n) ->
                    new Found(
                        new MedsalesUser(
                            rs.getObject("id", UUID.class),
                            r.tenantId(),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            Accounts.roles(rs.getArray("roles")),
                            TokenScope.READ_WRITE,
                            null),
                        rs.getBoolean("enabled")))
            .single();
    MedsalesUser user = found.user();
    if (!found.enabled()) {
      audit.recordFor(
          r.tenantId(),
          user.userId(),
          user.username(),
          "auth.sign-in",
          "sso",
          AuditOutcome.FAILURE,
          Map.of("reason", "inactive"));
      throw new SignInFailed("The account is not active.");
    }
    audit.recordFor(
        r.tenantId(),
        user.userId(),
        user.username(),
        "auth.sign-in",
        "sso",
        AuditOutcome.SUCCESS,
        Map.of("issuer", r.issuerUri()));
    return user;
  }

  public record Settings(
      String issuerUri,
      String clientId,
      String clientSecretRef,
      List<String> defaultRoles,
      boolean enabled) {}

  @Transactional(readOnly = true)
  public Optional<Settings> settings() {
    return jdbc.sql("SELECT * FROM tenant_sso WHERE tenant_id = medsales_tenant()")
        .query(
            (rs, n) ->
                new Settings(
                    rs.getString("issuer_uri"),
                    rs.getString("client_id"),
                    rs.getString("client_secret_ref"),
                    List.of((String[]) rs.getArray("default_roles").getArray()),
                    rs.getBoolean("enabled")))
        .optional();
  }

  @Transactional
  public Settings configure(Settings settings) {
    if (settings.defaultRoles().isEmpty() || settings.defaultRoles().contains("OPERATOR")) {
      throw InvalidFields.named(
          "defaultRoles", List.of("must name tenant roles (ADMIN, MANAGER, REP)"));
    }
    jdbc.sql(
            """
            INSERT INTO tenant_sso (tenant_id, issuer_uri, client_id, client_secret_ref, default_roles, enabled)
            VALUES (medsales_tenant(), ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id) DO UPDATE SET issuer_uri = EXCLUDED.issuer_uri, client_id = EXCLUDED.client_id,
              client_secret_ref = EXCLUDED.client_secret_ref, default_roles = EXCLUDED.default_roles,
              enabled = EXCLUDED.enabled
            """)
        .params(
            settings.issuerUri(),
            settings.clientId(),
            settings.clientSecretRef(),
            settings.defaultRoles().toArray(String[]::new),
            settings.enabled())
        .update();
    registrations.invalidateAll();
    audit.record(
        "tenant.sso-configure",
        settings.issuerUri(),
        AuditOutcome.SUCCESS,
        Map.of("clientId", settings.clientId(), "enabled", settings.enabled()));
    return settings;
  }
}
