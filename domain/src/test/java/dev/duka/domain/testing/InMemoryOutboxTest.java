package dev.duka.domain.testing;

import dev.duka.domain.port.out.Outbox;

class InMemoryOutboxTest extends OutboxContract {
  @Override
  protected Outbox emptyOutbox() {
    return new InMemoryOutbox();
  }
}
