package dev.duka.domain.port.in;

import dev.duka.domain.user.Caller;

/** Administrators add a product to the catalog. */
public interface CreateProductUseCase {

  /**
   * Creates the product, its first stock movement and an audit entry, all in one transaction. The
   * price is read as a decimal in the product's currency (the shop's default when none is given).
   * Without a SKU one is made by {@link dev.duka.domain.catalog.SkuRule} and drawn again on a
   * collision; a given SKU is checked and must be free. The slug comes from the name, stepping
   * around taken ones.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.InvalidValueException naming every bad field, including a
   *     category that does not exist
   * @throws dev.duka.domain.error.DuplicateException when the given SKU is taken
   */
  ProductView createProduct(Caller caller, CreateProductCommand command);

  /**
   * A new product.
   *
   * @param description null for none
   * @param price a decimal string such as {@code "12500.00"}
   * @param currency an ISO 4217 code; null for the shop's default
   * @param stock the stock on hand, 0 or more
   * @param brand null for none
   * @param categoryId the id of an existing category
   * @param sku null to have one made
   * @param active null for active
   */
  record CreateProductCommand(
      String name,
      String description,
      String price,
      String currency,
      Integer stock,
      String brand,
      String categoryId,
      String sku,
      Boolean active) {}
}
