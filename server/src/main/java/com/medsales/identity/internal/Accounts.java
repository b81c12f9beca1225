package com.medsales.identity.internal;

import com.medsales.audit.AuditOutcome;
import com.medsales.audit.AuditTrail;
import com.medsales.identity.IdentitySettings;
import com.medsales.identity.MedsalesUser;
import com.medsales.identity.TokenScope;
import com.medsales.identity.UserRole;
import com.medsales.platform.InvalidFields;
import com.medsales.platform.NotPermitted;
import com.medsales.platform.RecordNotFound;
import com.medsales.platform.RequestRefused;
import com.medsales.platform.SignInFailed;
import com.medsales.platform.SignInPaused;
import com.medsales.platform.TenantScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in, bearer tokens and a user's own password: everything that proves who someone is. Sign-in
 * looks the account up across tenants through the database function {@code medsales_sign_in_lookup}
 * (no tenant is known yet) and spends the same password-hashing time whether or not the account
 * exists.
 */
@Service
public class Accounts {

  /**
   * A hash of a password nobody has, so a sign-in for a missing account costs as much as one for a
   * real account.
   */
  private final String absentAccountHash;

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final SignInThrottle throttle;
  private final AuditTrail audit;
  private final IdentitySettings settings;
  private final TransactionTemplate transaction;

  Accounts(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      SignInThrottle throttle,
      AuditTrail audit,
      IdentitySettings settings,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
    this.absentAccountHash = passwords.encode(Secrets.password());
  }

  private record Account(
      UUID id,
      @Nullable UUID tenantId,
      String username,
      String displayName,
      @Nullable String passwordHash,
      Set<UserRole> roles,
      boolean enabled,
      boolean mustChangePassword) {

    MedsalesUser user(TokenScope scope, @Nullable UUID tokenId) {
      return new MedsalesUser(
          id, tenantId, username, displayName, roles, scope, tokenId, mustChangePassword);
    }
  }

  /**
   * Checks a user name and password from {@code address}. Refused sign-ins all look alike to the
   * caller: a wrong password, an unknown or deactivated account. A paused one (too many failures)
   * says when to try again.
   */
  public MedsalesUser signIn(String username, String password, String address, String via) {
    throttle
        .pausedUntil(username, address)
        .ifPresent(
            until -> {
              audit.recordFor(
                  null,
                  null,
                  username,
                  "auth.sign-in",
                  via,
                  AuditOutcome.DENIED,
                  Map.of("reason", "paused"));
              throw paused(until);
            });
    Optional<Account> account =
        jdbc.sql("SELECT * FROM medsales_sign_in_lookup(?)")
            .param(username.strip())
            .query(Accounts::account)
            .optional();
    String hash = account.map(Account::passwordHash).orElse(null);
    boolean matches = passwords.matches(password, hash != null ? hash : absentAccountHash);
    if (account.isEmpty() || hash == null || !matches || !account.get().enabled()) {
      throttle.failed(username, address);
      Account known = account.orElse(null);
      audit.recordFor(
          known != null ? known.tenantId() : null,
          known != null ? known.id() : null,
          username,
          "auth.sign-in",
          via,
          AuditOutcome.FAILURE,
          Map.of());
      throw new SignInFailed(
          "The user name or password is not correct, or the account is not active.");
    }
    throttle.succeeded(username);
    Account known = account.get();
    audit.recordFor(
        known.tenantId(),
        known.id(),
        known.username(),
        "auth.sign-in",
        via,
        AuditOutcome.SUCCESS,
        Map.of());
    return known.user(TokenScope.READ_WRITE, null);
  }

  /**
   * The refusal while password guesses for an account or from an address are paused, saying when to
   * try again.
   */
  private static SignInPaused paused(Instant until) {
    Duration retry = Duration.between(Instant.now(), until);
    return new SignInPaused(
        "Too many failed password attempts. Try again in "
            + Math.max(1, retry.toMinutes() + 1)
            + " minutes.",
        retry.isNegative() ? Duration.ofSeconds(1) : retry);
  }

  public record IssuedToken(UUID id, String token, Instant expiresAt, TokenScope scope) {}

  /**
   * A short-lived access token for scripts ({@code POST /api/v1/auth/token}), written in the user's
   * tenant: nobody is signed in yet, so the scope is named here.
   */
  public IssuedToken issueAccessToken(MedsalesUser user) {
    return TenantScope.of(user)
        .call(
            () ->
                transaction.execute(
                    tx ->
                        issue(
                            user,
                            "ACCESS",
                            "access token",
                            TokenScope.READ_WRITE,
                            Instant.now().plus(settings.accessTokenTtl()))));
  }

  /** An integration token, shown once. */
  @Transactional
  public IssuedToken createIntegrationToken(
      MedsalesUser user, String name, TokenScope scope, Duration lifetime) {
    if (user.tokenId() != null) {
      throw new NotPermitted("A token cannot create tokens; sign in to do that.");
    }
    IssuedToken issued = issue(user, "INTEGRATION", name, scope, Instant.now().plus(lifetime));
    audit.record(
        "token.create",
        issued.id().toString(),
        AuditOutcome.SUCCESS,
        Map.of("name", name, "scope", scope.name()));
    return issued;
  }

  private IssuedToken issue(
      MedsalesUser user, String kind, String name, TokenScope scope, Instant expiresAt) {
    String token = Secrets.token("ms_");
    UUID id =
        jdbc.sql(
                """
                INSERT INTO api_token (tenant_id, user_id, kind, name, token_hash, scope, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                user.tenantId(),
                user.userId(),
                kind,
                name,
                Secrets.sha256(token),
                scope.name(),
                OffsetDateTime.ofInstant(expiresAt, java.time.ZoneOffset.UTC))
            .query(UUID.class)
            .single();
    return new IssuedToken(id, token, expiresAt, scope);
  }

  /**
   * The user a bearer token speaks for, if the token is known, unexpired, unrevoked and its user
   * active. The first use of a token, and the first after an hour's rest, is audited.
   */
  public Optional<MedsalesUser> authenticate(String token) {
    if (!token.startsWith("ms_") || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM medsales_token_lookup(?)")
        .param(Secrets.sha256(token))
        .query(
            (rs, row) -> {
              Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
              boolean valid =
                  rs.getObject("revoked_at") == null
                      && expires.isAfter(Instant.now())
                      && rs.getBoolean("enabled");
              UUID tokenId = rs.getObject("token_id", UUID.class);
              UUID tenant = rs.getObject("tenant_id", UUID.class);
              UUID userId = rs.getObject("user_id", UUID.class);
              String username = rs.getString("username");
              if (!valid) {
                audit.recordFor(
                    tenant,
                    userId,
                    username,
                    "token.use",
                    tokenId.toString(),
                    AuditOutcome.DENIED,
                    Map.of(
                        "reason",
                        rs.getObject("revoked_at") != null
                            ? "revoked"
                            : expires.isAfter(Instant.now()) ? "account inactive" : "expired"));
                return Optional.<MedsalesUser>empty();
              }
              OffsetDateTime previous = rs.getObject("previous_use", OffsetDateTime.class);
              if ("INTEGRATION".equals(rs.getString("kind"))
                  && (previous == null
                      || previous.toInstant().isBefore(Instant.now().minus(Duration.ofHours(1))))) {
                audit.recordFor(
                    tenant,
                    userId,
                    username,
                    "token.use",
                    tokenId.toString(),
                    AuditOutcome.SUCCESS,
                    Map.of());
              }
              return Optional.of(
                  new MedsalesUser(
                      userId,
                      tenant,
                      username,
                      rs.getString("display_name"),
                      roles(rs.getArray("roles")),
                      TokenScope.valueOf(rs.getString("scope")),
                      tokenId,
                      rs.getBoolean("must_change_password")));
            })
        .optional()
        .flatMap(o -> o);
  }

  public record TokenView(
      UUID id,
      String name,
      String kind,
      TokenScope scope,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant revokedAt,
      @Nullable Instant lastUsedAt) {}

  @Transactional(readOnly = true)
  public List<TokenView> tokens(MedsalesUser user) {
    return jdbc.sql(
            """
            SELECT id, name, kind, scope, created_at, expires_at, revoked_at, last_used_at FROM api_token
            WHERE user_id = ? AND kind = 'INTEGRATION' ORDER BY created_at DESC
            """)
        .param(user.userId())
        .query(
            (rs, row) ->
                new TokenView(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("kind"),
                    TokenScope.valueOf(rs.getString("scope")),
                    instant(rs, "created_at"),
                    instant(rs, "expires_at"),
                    instant(rs, "revoked_at"),
                    instant(rs, "last_used_at")))
        .list();
  }

  @Transactional
  public void revoke(MedsalesUser user, UUID tokenId) {
    int revoked =
        jdbc.sql(
                "UPDATE api_token SET revoked_at = now() WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
            .params(tokenId, user.userId())
            .update();
    if (revoked == 0) {
      throw new RecordNotFound("The token");
    }
    audit.record("token.revoke", tokenId.toString(), AuditOutcome.SUCCESS, Map.of());
  }

  /**
   * A user changes their own password, proving they know the current one; wrong guesses of it
   * count, and pause, like failed sign-ins (a stolen session must not become a way to guess the
   * password). A refusal still commits its audit event and its count: nothing else has been written
   * by then.
   */
  @Transactional(noRollbackFor = RequestRefused.class)
  public void changePassword(
      MedsalesUser user, String current, String replacement, String address) {
    throttle
        .pausedUntil(user.username(), address)
        .ifPresent(
            until -> {
              audit.record(
                  "auth.password-change",
                  user.username(),
                  AuditOutcome.DENIED,
                  Map.of("reason", "paused"));
              throw paused(until);
            });
    String hash =
        jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
            .param(user.userId())
            .query(String.class)
            .optional()
            .orElse(null);
    if (hash == null || !passwords.matches(current, hash)) {
      throttle.failed(user.username(), address);
      audit.record(
          "auth.password-change",
          user.username(),
          AuditOutcome.FAILURE,
          Map.of("reason", "current password wrong"));
      throw InvalidFields.named("currentPassword", List.of("is not correct"));
    }
    throttle.succeeded(user.username());
    if (passwords.matches(replacement, hash)) {
      throw InvalidFields.named("newPassword", List.of("must differ from the current password"));
    }
    setPassword(user.userId(), user.username(), replacement, "newPassword");
    jdbc.sql("UPDATE app_user SET must_change_password = false WHERE id = ?")
        .param(user.userId())
        .update();
    audit.record("auth.password-change", user.username(), AuditOutcome.SUCCESS, Map.of());
  }

  /** Sets a password that passes the policy, in the caller's transaction (tenant scope). */
  void setPassword(UUID userId, String username, String password, String field) {
    List<String> problems = PasswordPolicy.problems(password, username);
    if (!problems.isEmpty()) {
      throw InvalidFields.named(field, problems);
    }
    jdbc.sql(
            "UPDATE app_user SET password_hash = ?, password_changed_at = now(), updated_at = now(), version = version + 1"
                + " WHERE id = ?")
        .params(passwords.encode(password), userId)
        .update();
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        roles(rs.getArray("roles")),
        rs.getBoolean("enabled"),
        rs.getBoolean("must_change_password"));
  }

  static Set<UserRole> roles(Array array) throws SQLException {
    Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
    for (Object role : (Object[]) array.getArray()) {
      roles.add(UserRole.valueOf((String) role));
    }
    return roles;
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
