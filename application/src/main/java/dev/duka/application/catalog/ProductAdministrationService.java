package dev.duka.application.catalog;

import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.InsufficientStockException;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.SkuRule;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockAdjustment;
import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.money.Currencies;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.in.AdjustStockUseCase;
import dev.duka.domain.port.in.CreateProductUseCase;
import dev.duka.domain.port.in.DeleteProductUseCase;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.port.in.UpdateProductUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Administrators add, edit, remove and restock products. Every write runs in one transaction with
 * its audit entry; who made or last changed a product is recorded on it.
 */
public final class ProductAdministrationService
    implements CreateProductUseCase,
        UpdateProductUseCase,
        DeleteProductUseCase,
        AdjustStockUseCase {
  private final ProductRepository products;
  private final ProductImageRepository images;
  private final ImageFiles files;
  private final CategoryRepository categories;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final CatalogSettings settings;
  private final ProductKeys keys;

  public ProductAdministrationService(
      ProductRepository products,
      ProductImageRepository images,
      ImageStorage storage,
      CategoryRepository categories,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      CatalogSettings settings) {
    this.products = products;
    this.images = images;
    this.files = new ImageFiles(storage, images, transactions);
    this.categories = categories;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.settings = settings;
    this.keys = new ProductKeys(products, ids);
  }

  @Override
  public ProductView createProduct(Caller caller, CreateProductCommand command) {
    Admins.require(caller, "create products");
    Fields fields = new Fields();
    String name = Text.clean(command.name());
    String description = Text.clean(command.description());
    String brand = Text.clean(command.brand());
    Product.checkTexts(name, description, brand, fields.violations());
    Currency currency =
        command.currency() == null
            ? settings.defaultCurrency()
            : fields.read("currency", () -> Currencies.parse(command.currency()));
    Money price = price(command.price(), currency, fields);
    Integer stock = command.stock();
    if (stock == null) {
      fields.add("stock", "is required");
    } else if (stock < 0 || stock > Product.STOCK_MAX) {
      fields.add("stock", "must be between 0 and " + Product.STOCK_MAX);
    }
    CategoryId categoryId = categoryId(command.categoryId(), fields);
    Optional<Sku> sku =
        command.sku() == null
            ? Optional.empty()
            : Optional.ofNullable(fields.read("sku", () -> Sku.of(command.sku())));
    fields.requireValid();
    boolean active = command.active() == null || command.active();
    return transactions.inTransaction(
        () -> {
          Category category = existingCategory(categoryId);
          ProductId id = new ProductId(ids.newId());
          Actor by = caller.asActor();
          Instant now = clock.now();
          Product product =
              keys.insert(
                  sku,
                  SkuRule.prefix(brand, category.name(), name),
                  Slug.from(name, "product"),
                  (freeSku, freeSlug) ->
                      new Product(
                          id,
                          freeSku,
                          freeSlug,
                          name,
                          description,
                          brand,
                          categoryId,
                          price,
                          stock,
                          active,
                          by,
                          by,
                          now,
                          now));
          record(
              caller,
              "product.created",
              id,
              Map.of("sku", product.sku().value(), "name", name, "stock", Integer.toString(stock)));
          return ProductView.of(product, List.of());
        });
  }

  @Override
  public ProductView updateProduct(Caller caller, ProductId id, ProductChanges changes) {
    Admins.require(caller, "change products");
    return transactions.inTransaction(
        () -> {
          Product old =
              products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
          Fields fields = new Fields();
          String name = changes.name().map(Text::clean).orElse(old.name());
          String description = changes.description().map(Text::clean).orElse(old.description());
          String brand = changes.brand().map(Text::clean).orElse(old.brand());
          Product.checkTexts(name, description, brand, fields.violations());
          Currency currency =
              changes.currency().isEmpty()
                  ? old.price().currency()
                  : fields.read("currency", () -> Currencies.parse(changes.currency().get()));
          Money price = old.price();
          if (changes.price().isPresent()) {
            price = price(changes.price().get(), currency, fields);
          } else if (currency != null && !old.price().hasCurrency(currency)) {
            fields.add("price", "is required when the currency changes");
          }
          CategoryId categoryId =
              changes.categoryId().isEmpty()
                  ? old.categoryId()
                  : categoryId(changes.categoryId().get(), fields);
          Sku sku =
              changes.sku().isEmpty()
                  ? old.sku()
                  : fields.read("sku", () -> Sku.of(changes.sku().get()));
          fields.requireValid();
          if (!categoryId.equals(old.categoryId())) {
            existingCategory(categoryId);
          }
          Product stored =
              products.update(
                  old.edited(
                      sku,
                      name,
                      description,
                      brand,
                      categoryId,
                      price,
                      changes.active().orElse(old.active()),
                      caller.asActor(),
                      clock.now()));
          record(caller, "product.changed", id, Map.of("fields", changed(old, stored)));
          return ProductView.of(stored, images.imagesOf(id));
        });
  }

  @Override
  public Removal deleteProduct(Caller caller, ProductId id) {
    Admins.require(caller, "delete products");
    List<ProductImage> pictures = new ArrayList<>();
    Removal removal =
        transactions.inTransaction(
            () -> {
              images.lockImagesOf(id);
              Product product =
                  products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
              List<ProductImage> held = images.imagesOf(id);
              if (products.deleteIfNeverOrdered(id)) {
                record(caller, "product.deleted", id, Map.of("sku", product.sku().value()));
                pictures.addAll(held);
                return Removal.DELETED;
              }
              if (product.active()) {
                products.update(product.deactivated(caller.asActor(), clock.now()));
              }
              record(
                  caller,
                  "product.deactivated",
                  id,
                  Map.of("sku", product.sku().value(), "reason", "ordered before"));
              return Removal.DEACTIVATED;
            });
    files.release(ImageFiles.filesOf(pictures));
    return removal;
  }

  @Override
  public ProductView adjustStock(Caller caller, ProductId id, int delta, String reason) {
    Admins.require(caller, "adjust stock");
    StockAdjustment adjustment = new StockAdjustment(delta, reason);
    return transactions.inTransaction(
        () -> {
          OptionalInt after = products.applyStockMovement(adjustment.toMovement(id, clock.now()));
          Product product = products.findById(id).orElseThrow();
          if (after.isEmpty()) {
            throw new InsufficientStockException(id, product.stock(), delta);
          }
          record(
              caller,
              "product.stock_adjusted",
              id,
              Map.of(
                  "delta",
                  Integer.toString(delta),
                  "reason",
                  adjustment.reason(),
                  "stock",
                  Integer.toString(after.getAsInt())));
          return ProductView.of(product, images.imagesOf(id));
        });
  }

  /** A price in {@code currency}; null (and a recorded problem) when it is missing or bad. */
  private static Money price(String text, Currency currency, Fields fields) {
    if (text == null) {
      fields.add("price", "is required");
      return null;
    }
    if (currency == null) {
      return null; // the currency's own problem is recorded already
    }
    Money price = fields.read("price", () -> Money.parse(text, currency));
    if (price != null && price.isNegative()) {
      fields.add("price", "must not be negative");
    }
    return price;
  }

  private static CategoryId categoryId(String text, Fields fields) {
    if (text == null) {
      fields.add("category_id", "is required");
      return null;
    }
    return fields.read("category_id", () -> CategoryId.parse(text));
  }

  private Category existingCategory(CategoryId id) {
    return categories
        .findById(id)
        .orElseThrow(
            () -> new InvalidValueException("category_id", "no category has the id " + id));
  }

  private static String changed(Product old, Product now) {
    List<String> fields = new ArrayList<>();
    if (!old.sku().equals(now.sku())) {
      fields.add("sku");
    }
    if (!old.name().equals(now.name())) {
      fields.add("name");
    }
    if (!old.description().equals(now.description())) {
      fields.add("description");
    }
    if (!old.brand().equals(now.brand())) {
      fields.add("brand");
    }
    if (!old.categoryId().equals(now.categoryId())) {
      fields.add("category_id");
    }
    if (!old.price().equals(now.price())) {
      fields.add("price");
    }
    if (old.active() != now.active()) {
      fields.add("active");
    }
    return String.join(",", fields);
  }

  private void record(Caller caller, String action, ProductId id, Map<String, String> data) {
    audit.record(new AuditLog.Entry(caller.asActor(), action, id.toString(), data, clock.now()));
  }
}
