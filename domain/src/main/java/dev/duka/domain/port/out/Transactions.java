package dev.duka.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. The use case owns the boundary; repositories called inside
 * join it and never begin or commit on their own.
 */
public interface Transactions {

  /**
   * Runs {@code work} in a transaction and commits when it returns. Any exception rolls back
   * everything written inside and is rethrown unchanged. A call made while a transaction is open on
   * this thread joins it: only the outermost call commits, and an exception anywhere rolls the
   * whole of it back.
   *
   * @throws dev.duka.domain.error.UnavailableException when the database cannot be reached
   */
  <T> T inTransaction(Supplier<T> work);

  /** {@link #inTransaction(Supplier)} for work without a result. */
  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
