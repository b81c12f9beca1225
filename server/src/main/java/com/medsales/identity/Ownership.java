package com.medsales.identity;

import com.medsales.platform.TenantScope;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may change a record owned by a user, for method-level rules such as
 * {@code @PreAuthorize("@ownership.mayEdit(#ownerId)")}: its owner, a manager of a team the owner
 * belongs to, and the tenant's administrators. The owner's row is looked up through row-level
 * security, so an owner in another tenant is never anyone's to edit.
 */
@Component("ownership")
public class Ownership {

  private final JdbcClient jdbc;

  Ownership(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public boolean mayEdit(@Nullable UUID ownerId) {
    if (ownerId == null
        || !(TenantScope.principal() instanceof MedsalesUser user)
        || user.tenantId() == null) {
      return false;
    }
    return jdbc.sql(
            """
            SELECT EXISTS (
              SELECT 1 FROM app_user owner WHERE owner.id = :owner AND owner.tenant_id = medsales_tenant()
                AND (owner.id = :user
                     OR :admin
                     OR (:manager AND EXISTS (
                           SELECT 1 FROM team t JOIN team_member m ON m.team_id = t.id
                           WHERE t.manager_id = :user AND m.user_id = owner.id))))
            """)
        .param("owner", ownerId)
        .param("user", user.userId())
        .param("admin", user.has(UserRole.ADMIN))
        .param("manager", user.has(UserRole.MANAGER))
        .query(Boolean.class)
        .single();
  }
}
