package dev.duka.domain.testing;

import dev.duka.domain.port.out.IdempotencyStore;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.UserId;
import java.util.UUID;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
  private final InMemoryTransactions transactions = new InMemoryTransactions();

  @Override
  protected IdempotencyStore store() {
    return store;
  }

  @Override
  protected Transactions transactions() {
    return transactions;
  }

  @Override
  protected UserId aUser() {
    return new UserId(UUID.randomUUID());
  }
}
