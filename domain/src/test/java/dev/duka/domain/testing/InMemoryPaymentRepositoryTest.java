package dev.duka.domain.testing;

import dev.duka.domain.order.OrderId;
import dev.duka.domain.port.out.PaymentRepository;
import java.util.UUID;

class InMemoryPaymentRepositoryTest extends PaymentRepositoryContract {
  private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();

  @Override
  protected PaymentRepository payments() {
    return payments;
  }

  @Override
  protected OrderId anOrder() {
    return new OrderId(UUID.randomUUID());
  }
}
