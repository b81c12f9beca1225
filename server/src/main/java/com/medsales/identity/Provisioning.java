package com.medsales.identity;

import com.medsales.platform.AlreadyExists;
import com.medsales.platform.BulkConnections;
import com.medsales.platform.InvalidFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating tenants and platform operators: platform work, done as the database owner (the
 * application's role may not create tenants), from the command line ({@code medsales tenant
 * create}, {@code medsales operator create}) and for the embedded default's demo tenant.
 */
@Component
public class Provisioning {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BulkConnections owner;
  private final PasswordEncoder passwords;

  Provisioning(BulkConnections owner, PasswordEncoder passwords) {
    this.owner = owner;
    this.passwords = passwords;
  }

  /** A generated password for a new account, to be shown to its owner once. */
  public static String newPassword() {
    return com.medsales.identity.internal.Secrets.password();
  }

  /** Runs {@code work} in one owner transaction. */
  public <T> T inTransaction(java.util.function.Function<JdbcClient, T> work) {
    DataSource dataSource = owner.dataSource("provision");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .execute(tx -> work.apply(jdbc));
  }

  public UUID createTenant(JdbcClient jdbc, String slug, String name) {
    if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
      throw InvalidFields.named(
          "slug", List.of("must be 2 to 63 lower-case letters, digits or hyphens"));
    }
    if (jdbc.sql("SELECT count(*) FROM tenant WHERE slug = ?")
            .param(slug)
            .query(Long.class)
            .single()
        > 0) {
      throw new AlreadyExists("A tenant named " + slug + " exists.");
    }
    UUID id =
        jdbc.sql("INSERT INTO tenant (slug, name) VALUES (?, ?) RETURNING id")
            .params(slug, name)
            .query(UUID.class)
            .single();
    audit(jdbc, id, "tenant.create", slug);
    return id;
  }

  /** A user with the given password; {@code tenant} null makes a platform operator. */
  public UUID createUser(
      JdbcClient jdbc,
      @Nullable UUID tenant,
      String username,
      String displayName,
      UserRole role,
      String password) {
    if (jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = ?")
            .param(username.toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single()
        > 0) {
      throw new AlreadyExists("A user named " + username + " exists.");
    }
    UUID id =
        jdbc.sql(
                "INSERT INTO app_user (tenant_id, username, display_name, roles, password_hash, password_changed_at)"
                    + " VALUES (?, ?, ?, ARRAY[?], ?, now()) RETURNING id")
            .params(tenant, username, displayName, role.name(), passwords.encode(password))
            .query(UUID.class)
            .single();
    audit(jdbc, tenant, "user.create", username);
    return id;
  }

  private static void audit(JdbcClient jdbc, @Nullable UUID tenant, String action, String target) {
    jdbc.sql("SELECT medsales_audit_append(?, NULL, 'system', NULL, ?, ?, 'SUCCESS', ?::jsonb)")
        .params(tenant, action, target, JSON.writeValueAsString(Map.of("via", "provisioning")))
        .query(Long.class)
        .single();
  }
}
