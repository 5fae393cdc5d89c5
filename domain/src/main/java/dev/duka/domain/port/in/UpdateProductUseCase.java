package dev.duka.domain.port.in;

import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** Administrators edit a product. */
public interface UpdateProductUseCase {

  /**
   * Applies the given changes only, records who made them, and audits them. Stock is not edited
   * here: it changes through stock adjustments, so the ledger stays whole. A new currency needs a
   * new price in the same request.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown product
   * @throws dev.duka.domain.error.InvalidValueException naming every bad field, including a
   *     category that does not exist
   * @throws dev.duka.domain.error.DuplicateException when the new SKU is taken
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it meanwhile
   */
  ProductView updateProduct(Caller caller, ProductId id, ProductChanges changes);

  /** The fields a PATCH names; an absent field stays as it is. */
  final class ProductChanges {
    private String name;
    private String description;
    private String price;
    private String currency;
    private String brand;
    private String categoryId;
    private String sku;
    private Boolean active;

    public ProductChanges name(String value) {
      this.name = value;
      return this;
    }

    /** A new description; null clears it. */
    public ProductChanges description(String value) {
      this.description = value == null ? "" : value;
      return this;
    }

    /** A new price as a decimal string, in the new currency if one is given too. */
    public ProductChanges price(String value) {
      this.price = value;
      return this;
    }

    public ProductChanges currency(String value) {
      this.currency = value;
      return this;
    }

    /** A new brand; null clears it. */
    public ProductChanges brand(String value) {
      this.brand = value == null ? "" : value;
      return this;
    }

    public ProductChanges categoryId(String value) {
      this.categoryId = value;
      return this;
    }

    public ProductChanges sku(String value) {
      this.sku = value;
      return this;
    }

    public ProductChanges active(boolean value) {
      this.active = value;
      return this;
    }

    public Optional<String> name() {
      return Optional.ofNullable(name);
    }

    public Optional<String> description() {
      return Optional.ofNullable(description);
    }

    public Optional<String> price() {
      return Optional.ofNullable(price);
    }

    public Optional<String> currency() {
      return Optional.ofNullable(currency);
    }

    public Optional<String> brand() {
      return Optional.ofNullable(brand);
    }

    public Optional<String> categoryId() {
      return Optional.ofNullable(categoryId);
    }

    public Optional<String> sku() {
      return Optional.ofNullable(sku);
    }

    public Optional<Boolean> active() {
      return Optional.ofNullable(active);
    }
  }
}
