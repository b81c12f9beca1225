package com.medsales.testing;

import com.medsales.platform.BulkConnections;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database owner's connections, for test set-up that the application's own role may not do
 * (emptying a public dataset, changing an audit event) and for looking past row-level security.
 */
public final class OwnerJdbc {

  private OwnerJdbc() {}

  public static JdbcClient of(BulkConnections bulk) {
    return JdbcClient.create(bulk.dataSource("test"));
  }
}
