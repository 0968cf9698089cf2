package org.racetoplace.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is unreachable for a moment (pool exhausted, server restarting, connection
 * cut) from a failure of the work itself: the first is answered 503 to a client and retried later
 * for a job without counting against it; the second is a real error.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * True when a cause in {@code failure}'s chain is the pool giving up on a connection, or the
   * server or driver reporting a lost or refused connection: SQLState class {@code 08}
   * (connection exception) or {@code 57P01}–{@code 57P03} (PostgreSQL shutting down, restarting,
   * not accepting connections yet).
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
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
