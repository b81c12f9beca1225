package com.medsales.testing;

import com.medsales.platform.BulkConnections;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates tenants and users directly as the database owner, for tests that need more than the demo
 * tenant.
 */
public final class TestTenants {

  private final JdbcClient owner;
  private final PasswordEncoder passwords;

  public TestTenants(BulkConnections bulk, PasswordEncoder passwords) {
    this.owner = OwnerJdbc.of(bulk);
    this.passwords = passwords;
  }

  public JdbcClient owner() {
    return owner;
  }

  /**
   * Inserts a row as the owner (no row-level security) and returns its id ({@code ... RETURNING
   * id}).
   */
  public UUID insert(String sql, Object... params) {
    return owner().sql(sql).params(params).query(UUID.class).single();
  }

  public UUID tenant(String slug) {
    return owner
        .sql(
            "INSERT INTO tenant (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id")
        .params(slug, "Tenant " + slug)
        .query(UUID.class)
        .single();
  }

  public UUID tenantId(String slug) {
    return owner.sql("SELECT id FROM tenant WHERE slug = ?").param(slug).query(UUID.class).single();
  }

  /** A user with the given password; {@code tenant} null for an operator. */
  public UUID user(UUID tenant, String username, String password, String... roles) {
    return owner
        .sql(
            """
            INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (lower(username)) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles,
              enabled = true, must_change_password = false
            RETURNING id
            """)
        .params(tenant, username, "User " + username, roles, passwords.encode(password))
        .query(UUID.class)
        .single();
  }

  public UUID userId(String username) {
    return owner
        .sql("SELECT id FROM app_user WHERE lower(username) = lower(?)")
        .param(username)
        .query(UUID.class)
        .single();
  }

  public Map<String, Object> row(String sql, Object... params) {
    return owner.sql(sql).params(params).query().singleRow();
  }
}
