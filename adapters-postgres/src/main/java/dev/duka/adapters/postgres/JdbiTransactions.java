package dev.duka.adapters.postgres;

import dev.duka.domain.port.out.Transactions;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link Transactions} port on JDBI. JDBI keeps the open handle per thread, so repositories
 * calling {@code jdbi.withHandle} inside {@link #inTransaction} run in this transaction, and a
 * nested call joins the outer one. {@link #onOneConnection} keeps a handle open the same way, in
 * auto-commit.
 */
public final class JdbiTransactions implements Transactions {
  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    try {
      return jdbi.inTransaction(handle -> work.get());
    } catch (RuntimeException failure) {
      throw DatabaseErrors.translate(failure);
    }
  }

  @Override
  public <T> T onOneConnection(Supplier<T> work) {
    return Sql.call(jdbi, handle -> work.get());
  }
}
