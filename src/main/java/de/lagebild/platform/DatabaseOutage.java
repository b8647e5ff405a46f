package de.lagebild.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database outage (no connection to be had, connection lost, server shutting down) from
 * other database errors, so that users get "temporarily unavailable" (503) instead of "internal
 * error".
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /** Whether {@code t} or one of its causes says the database cannot be reached. */
  public static boolean causedBy(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLTransientConnectionException
          || c instanceof SQLNonTransientConnectionException
          || c instanceof ConnectException
          || c instanceof CannotGetJdbcConnectionException
          || c instanceof CannotCreateTransactionException) {
        return true;
      }
      if (c instanceof SQLException sql
          && sql.getSQLState() != null
          // class 08: connection exception; 57P01-57P03: the server shuts down or cannot connect
          // now
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
