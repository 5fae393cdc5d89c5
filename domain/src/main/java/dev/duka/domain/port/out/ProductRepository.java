package dev.duka.domain.port.out;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The catalog's products and their stock.
 *
 * <p>A product is <em>visible</em> (to the public) when it is active and its category and every
 * ancestor of that category are active. Visibility is worked out from the stored tree on every
 * call, never from a copy, so several server instances always agree.
 */
public interface ProductRepository {

  /** How many matches of each kind a search ranks at most. */
  int SEARCH_CANDIDATES = 200;

  /** Typo-tolerant matching joins in when fewer products than this match the words themselves. */
  int FUZZY_BELOW = 20;

  /** The product with this id, active or not. */
  Optional<Product> findById(ProductId id);

  /**
   * Current pricing data of the given products, keyed by id; ids that name no product are absent. A
   * product counts as active here only when it and its category are active.
   */
  Map<ProductId, ProductSnapshot> findForPricing(Collection<ProductId> ids);

  /** The product with this id when it is visible; empty when it is hidden or does not exist. */
  Optional<Product> findVisible(ProductId id);

  /**
   * Stores a new product and, when its stock is above zero, the ledger's first movement for it. A
   * taken SKU or slug writes nothing and leaves the caller's transaction usable, so the caller may
   * retry in it with other keys.
   *
   * @throws dev.duka.domain.error.DuplicateException when its SKU or slug is taken (field {@code
   *     sku} or {@code slug})
   * @throws dev.duka.domain.error.NotFoundException when its category does not exist
   */
  void insert(Product product);

  /** True when some product, active or not, has this SKU. */
  boolean existsBySku(Sku sku);

  /** True when some product, active or not, has this slug. */
  boolean existsBySlug(Slug slug);

  /**
   * Stores the edited fields of a product (not its stock, slug or creation) only if the stored
   * version equals {@code product.version()}.
   *
   * @return the product as stored: the next version and the current stock
   * @throws dev.duka.domain.error.NotFoundException when it does not exist, or its new category
   *     does not
   * @throws dev.duka.domain.error.ConcurrentUpdateException when someone else changed it first
   * @throws dev.duka.domain.error.DuplicateException when its new SKU is taken (field {@code sku})
   */
  Product update(Product product);

  /**
   * Deletes a product that no order line refers to, with its stock ledger.
   *
   * @return true when it was deleted; false when an order refers to it (nothing changed)
   * @throws dev.duka.domain.error.NotFoundException when it does not exist
   * @throws dev.duka.domain.error.ConflictException when an order referring to it was placed while
   *     it was being deleted (nothing changed; retrying will find the order)
   */
  boolean deleteIfNeverOrdered(ProductId id);

  /**
   * One page of the products matching {@code query}, in its sort order (ties broken by id), and how
   * many match in all. Hidden products are left out unless the query includes them.
   */
  Page<Product> list(ProductQuery query, PageRequest page);

  /**
   * One page of the products matching {@code text} and the filters of {@code filters} (its sort is
   * ignored), most relevant first, and how many candidates were ranked. Every word matches as a
   * prefix; a match in the name ranks above one in the brand, above one in the description. When
   * fewer than {@link #FUZZY_BELOW} products match the words, names and brands within one typo of
   * them are added. At most {@link #SEARCH_CANDIDATES} matches are ranked per kind of match (name,
   * any field, typo), so the total of a broad search is capped. Hidden products are left out unless
   * the filters include them.
   */
  Page<Product> search(SearchText text, ProductQuery filters, PageRequest page);

  /**
   * Each brand of the visible products, grouped without regard to case (shown as its alphabetically
   * first spelling), with how many visible products have it, alphabetically. The empty brand is
   * left out.
   */
  List<BrandCount> countByBrand();

  /**
   * Changes a product's stock by {@code movement.delta()} only if the result is not negative (nor
   * beyond {@link Integer#MAX_VALUE}), and writes the movement to the ledger; both or neither,
   * atomically even under concurrent calls (a conditional update, never read-then-write).
   *
   * @return the stock after the change, or empty when there was too little stock (nothing written)
   * @throws dev.duka.domain.error.NotFoundException when the product does not exist
   */
  OptionalInt applyStockMovement(StockMovement movement);

  /** The stock ledger of a product, oldest first; its deltas sum to the product's stock. */
  List<StockMovement> movementsOf(ProductId id);
}
