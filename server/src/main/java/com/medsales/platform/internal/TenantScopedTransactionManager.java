package com.medsales.platform.internal;

import com.medsales.platform.TenantScope;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by setting, transaction-locally ({@code SET LOCAL}, through {@code
 * set_config(..., true)} with bind parameters), the tenant, user and operator flag of the {@link
 * TenantScope} in force. The row-level security policies read them; outside a transaction, or with
 * no scope, they are empty and no tenant's row is visible.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

  TenantScopedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
      throws SQLException {
    super.prepareTransactionalConnection(con, definition);
    TenantScope scope = TenantScope.current();
    try (var statement =
        con.prepareStatement(
            "SELECT set_config('medsales.tenant_id', ?, true), set_config('medsales.user_id', ?, true),"
                + " set_config('medsales.operator', ?, true), set_config('medsales.tenant_admin', ?, true)")) {
      statement.setString(1, scope.tenantId() == null ? "" : scope.tenantId().toString());
      statement.setString(2, scope.userId() == null ? "" : scope.userId().toString());
      statement.setString(3, Boolean.toString(scope.operator()));
      statement.setString(4, Boolean.toString(scope.tenantAdmin()));
      statement.execute();
    }
  }
}
