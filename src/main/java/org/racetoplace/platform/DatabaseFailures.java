package org.racetoplace.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that is unreachable for a moment (pool exhausted, server restarting, connection
 * cut) from a failure of the work itself: the first is answered 503 to a client and retried later
 * for a job without counting against it; the second is a real error.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * True when a cause in {@code failure}'s chain (or suppressed by one) is the pool giving up on a
   * connection, the server or driver reporting a lost or refused connection — SQLState class
   * {@code 08} (connection exception) or {@code 57P01}–{@code 57P03} (PostgreSQL shutting down,
   * restarting, not accepting connections yet) — or the transaction failing to begin, commit or
   * roll back against its JDBC connection, which only a connection that is gone does (the pool then
   * reports a bare "Connection is closed" without SQLState, and the rollback failure hides the
   * original error).
   */
  public static boolean isUnavailable(Throwable failure) {
    return isUnavailable(failure, 0);
  }

  private static boolean isUnavailable(Throwable failure, int depth) {
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof JDBCConnectionException
          || (cause instanceof TransactionException && cause.getCause() instanceof SQLException)) {
        return true;
      }
      if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (isUnavailable(suppressed, depth + 1)) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
  }
}
