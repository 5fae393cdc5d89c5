package dev.duka.domain.testing;

import dev.duka.domain.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Runs work directly and counts transactions. It does not undo writes on failure: tests of rollback
 * belong against the real database, where the {@code Transactions} contract runs.
 */
public final class InMemoryTransactions implements Transactions {
  private int depth;
  private int committed;

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    depth++;
    try {
      T result = work.get();
      if (depth == 1) {
        committed++;
      }
      return result;
    } finally {
      depth--;
    }
  }

  /** How many outermost transactions completed without an exception. */
  public synchronized int committed() {
    return committed;
  }
}
