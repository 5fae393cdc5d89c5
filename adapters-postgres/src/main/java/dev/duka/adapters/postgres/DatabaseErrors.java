package dev.duka.adapters.postgres;

import dev.duka.domain.error.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Tells a database that cannot be reached (a 503 the client may retry) from every other database
 * failure (a bug or a broken constraint, which must not be disguised).
 */
public final class DatabaseErrors {
  private DatabaseErrors() {}

  /**
   * The domain's {@link UnavailableException} when {@code failure} means the database cannot be
   * reached; {@code failure} itself otherwise.
   */
  public static RuntimeException translate(RuntimeException failure) {
    if (failure instanceof UnavailableException) {
      return failure;
    }
    if (failure instanceof JdbiException && isConnectionProblem(failure)) {
      return new UnavailableException("the database is unavailable; retry shortly", failure);
    }
    return failure;
  }

  /** True when {@code failure} broke the unique constraint or index named {@code constraint}. */
  public static boolean violatesUnique(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.postgresql.util.PSQLException psql
          && "23505".equals(psql.getSQLState())
          && psql.getServerErrorMessage() != null
          && constraint.equals(psql.getServerErrorMessage().getConstraint())) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code failure} broke a foreign key (SQLSTATE 23503). */
  public static boolean violatesForeignKey(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code failure} broke the foreign key named {@code constraint}. */
  public static boolean violatesForeignKey(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.postgresql.util.PSQLException psql
          && "23503".equals(psql.getSQLState())
          && psql.getServerErrorMessage() != null
          && constraint.equals(psql.getServerErrorMessage().getConstraint())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the failure says the connection was refused, timed out or lost: no pool connection
   * within the timeout, SQLSTATE class 08 (connection exception), 57P01–57P03 (server shutting down
   * or starting).
   */
  static boolean isConnectionProblem(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectionException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }
}
