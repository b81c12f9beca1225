package com.medsales.identity.internal;

import com.medsales.identity.IdentitySettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address in PostgreSQL, so every API
 * instance sees the same counts. An account name is counted whether or not the account exists, and
 * a paused sign-in answers the same for both, so the throttle reveals nothing about which accounts
 * exist.
 */
@Component
class SignInThrottle {

  private final JdbcClient jdbc;
  private final IdentitySettings settings;

  SignInThrottle(JdbcClient jdbc, IdentitySettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** When sign-in for this account or address may be tried again, if it is paused now. */
  Optional<Instant> pausedUntil(String username, String address) {
    return jdbc.sql(
            "SELECT locked_until FROM sign_in_failure WHERE key IN (?, ?) AND locked_until > now()"
                + " ORDER BY locked_until DESC LIMIT 1")
        .params(accountKey(username), addressKey(address))
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant);
  }

  void failed(String username, String address) {
    count(accountKey(username), settings.maxFailures());
    count(addressKey(address), settings.maxFailures() * settings.addressFactor());
  }

  /**
   * A successful sign-in clears the account's count (not the address's: one good password does not
   * vouch for it).
   */
  void succeeded(String username) {
    jdbc.sql("DELETE FROM sign_in_failure WHERE key = ?").param(accountKey(username)).update();
  }

  private void count(String key, int limit) {
    Duration window = settings.window();
    jdbc.sql(
            """
            INSERT INTO sign_in_failure AS f (key, failures, window_start) VALUES (:key, 1, now())
            ON CONFLICT (key) DO UPDATE SET
              failures = CASE WHEN f.window_start < now() - :window THEN 1 ELSE f.failures + 1 END,
              window_start = CASE WHEN f.window_start < now() - :window THEN now() ELSE f.window_start END,
              locked_until = CASE
                WHEN f.window_start >= now() - :window AND f.failures + 1 >= :limit THEN now() + :lockout
                ELSE f.locked_until END
            """)
        .param("key", key)
        .param("window", interval(window))
        .param("limit", limit)
        .param("lockout", interval(settings.lockout()))
        .update();
  }

  private static org.postgresql.util.PGInterval interval(Duration duration) {
    try {
      return new org.postgresql.util.PGInterval(duration.toMillis() / 1000.0 + " seconds");
    } catch (java.sql.SQLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String accountKey(String username) {
    return "account:" + sha256(username.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + sha256(address);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
