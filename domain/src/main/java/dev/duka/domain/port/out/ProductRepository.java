package dev.duka.domain.port.out;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.StockMovement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The catalog's products and their stock. */
public interface ProductRepository {

  /** The product with this id, active or not. */
  Optional<Product> findById(ProductId id);

  /**
   * Current pricing data of the given products, keyed by id; ids that name no product are absent. A
   * product counts as active here only when it and its category are active.
   */
  Map<ProductId, ProductSnapshot> findForPricing(Collection<ProductId> ids);

  /**
   * Stores a new product and, when its stock is above zero, the ledger's first movement for it.
   *
   * @throws dev.duka.domain.error.DuplicateException when its SKU or slug is taken (field {@code
   *     sku} or {@code slug})
   */
  void insert(Product product);

  /** True when some product, active or not, has this SKU. */
  boolean existsBySku(Sku sku);

  /**
   * Changes a product's stock by {@code movement.delta()} only if the result is not negative, and
   * writes the movement to the ledger; both or neither, atomically even under concurrent calls (a
   * conditional update, never read-then-write).
   *
   * @return the stock after the change, or empty when there was too little stock (nothing written)
   * @throws dev.duka.domain.error.NotFoundException when the product does not exist
   */
  OptionalInt applyStockMovement(StockMovement movement);

  /** The stock ledger of a product, oldest first; its deltas sum to the product's stock. */
  List<StockMovement> movementsOf(ProductId id);
}
