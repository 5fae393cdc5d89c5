package dev.duka.adapters.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * How repositories reach the database: through the thread's handle (so they join the caller's
 * transaction), with an unreachable database reported as the domain's 503-worthy error.
 */
public final class Sql {
  private Sql() {}

  public static <T> T call(Jdbi jdbi, Function<Handle, T> work) {
    try {
      return jdbi.withHandle(work::apply);
    } catch (RuntimeException failure) {
      throw DatabaseErrors.translate(failure);
    }
  }

  public static void run(Jdbi jdbi, Consumer<Handle> work) {
    call(
        jdbi,
        handle -> {
          work.accept(handle);
          return null;
        });
  }

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
