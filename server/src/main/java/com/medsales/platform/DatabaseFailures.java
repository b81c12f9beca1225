package com.medsales.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that is away (down, restarting, unreachable, out of connections) from every
 * other failure: the first is a 503 with Retry-After, whatever layer it surfaced in (a repository,
 * a transaction, the session store, a security filter looking up a bearer token); the rest are what
 * they are.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /** Whether {@code failure} or any of its causes says the database could not be reached. */
  public static boolean isConnectionFailure(@Nullable Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01..57P03: the server is shutting down, crashed, or not yet
        // accepting
        if (state.startsWith("08") || state.startsWith("57P0")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code failure} or any of its causes is the database refusing the caller (SQLState
   * 42501, insufficient_privilege): a write row-level security does not allow, such as a row the
   * writer could not see afterwards, or a table the application's role may not write.
   */
  public static boolean isRefusal(@Nullable Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
