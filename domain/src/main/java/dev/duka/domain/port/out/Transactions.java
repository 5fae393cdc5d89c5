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

  /**
   * Runs {@code work} with every repository call in it on one database connection, without a
   * transaction: each statement sees what was committed when it runs. For reads that span several
   * repositories, so that they take one connection from the pool instead of one each; a transaction
   * begun inside runs on the same connection. Stores without connections run {@code work} as it is.
   *
   * @throws dev.duka.domain.error.UnavailableException when the database cannot be reached
   */
  default <T> T onOneConnection(Supplier<T> work) {
    return work.get();
  }

  /** {@link #inTransaction(Supplier)} for work without a result. */
  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
