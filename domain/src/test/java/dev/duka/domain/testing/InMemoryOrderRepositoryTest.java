package dev.duka.domain.testing;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.user.UserId;
import java.util.UUID;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {
  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();

  @Override
  protected OrderRepository orders() {
    return orders;
  }

  @Override
  protected UserId aCustomer() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  protected ProductSnapshot aProduct(Money price) {
    String sku = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return new ProductSnapshot(
        new ProductId(UUID.randomUUID()), Sku.of(sku), "Product " + sku, price, 1000, true);
  }
}
