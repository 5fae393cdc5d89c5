package dev.duka.application.catalog;

import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.SkuRule;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.common.RandomCode;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.ProductRepository;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Stores a new product under a free SKU and slug: the one place that draws SKUs ({@link SkuRule})
 * and steps around taken slugs, for the admin API and the demo seeder alike.
 *
 * <p>Free keys are looked up first; a key taken between that look-up and the insert (another writer
 * got there first) makes the repository refuse without spoiling the transaction, and the next key
 * is tried. A drawn SKU is retried at most {@link SkuRule#MAX_ATTEMPTS} times, with the longer
 * suffixes of later attempts; a slug steps through {@code -2} to {@code -9}, then random suffixes.
 */
public final class ProductKeys {
  private static final int NUMBERED_SLUGS = 9;
  private static final int RANDOM_SLUGS = SkuRule.MAX_ATTEMPTS;
  private static final int RANDOM_SLUG_LENGTH = 6;

  private final ProductRepository products;
  private final IdGenerator ids;

  public ProductKeys(ProductRepository products, IdGenerator ids) {
    this.products = Objects.requireNonNull(products, "products");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Stores the product that {@code build} makes for a free SKU and slug, in the caller's
   * transaction.
   *
   * @param givenSku the SKU the shop chose, or empty to draw one with {@code skuPrefix}
   * @param skuPrefix the readable prefix of drawn SKUs ({@link SkuRule#prefix})
   * @param wantedSlug the slug to start from
   * @param build the product for a SKU and a slug
   * @return the product as stored
   * @throws DuplicateException on field {@code sku} when the given SKU is taken
   * @throws ConflictException when no free SKU or slug turned up within the attempts allowed
   */
  public Product insert(
      Optional<Sku> givenSku,
      String skuPrefix,
      Slug wantedSlug,
      BiFunction<Sku, Slug, Product> build) {
    Draws draws = new Draws(skuPrefix, wantedSlug);
    Sku sku = givenSku.orElseGet(draws::nextFreeSku);
    if (givenSku.isPresent() && products.existsBySku(sku)) {
      throw takenSku(sku);
    }
    Slug slug = draws.nextFreeSlug();
    while (true) {
      Product product = build.apply(sku, slug);
      try {
        products.insert(product);
        return product;
      } catch (DuplicateException taken) {
        if ("sku".equals(taken.field())) {
          if (givenSku.isPresent()) {
            throw takenSku(sku);
          }
          sku = draws.nextFreeSku();
        } else if ("slug".equals(taken.field())) {
          slug = draws.nextFreeSlug();
        } else {
          throw taken;
        }
      }
    }
  }

  private static DuplicateException takenSku(Sku sku) {
    return new DuplicateException("sku", "SKU " + sku + " is taken");
  }

  /** The SKUs and slugs tried so far for one product. */
  private final class Draws {
    private final String prefix;
    private final Slug wanted;
    private int skuAttempt;
    private int slugAttempt;

    Draws(String prefix, Slug wanted) {
      this.prefix = prefix;
      this.wanted = wanted;
    }

    Sku nextFreeSku() {
      while (skuAttempt < SkuRule.MAX_ATTEMPTS) {
        Sku candidate = SkuRule.candidate(prefix, ids.randomBits(), skuAttempt++);
        if (!products.existsBySku(candidate)) {
          return candidate;
        }
      }
      throw new ConflictException(
          "no free SKU found for prefix "
              + prefix
              + " after "
              + SkuRule.MAX_ATTEMPTS
              + " draws; give the product a SKU");
    }

    Slug nextFreeSlug() {
      while (slugAttempt < 1 + NUMBERED_SLUGS + RANDOM_SLUGS) {
        Slug candidate = slugFor(slugAttempt++);
        if (!products.existsBySlug(candidate)) {
          return candidate;
        }
      }
      throw new ConflictException("no free slug found for " + wanted + "; rename the product");
    }

    /** {@code tee}, {@code tee-2} … {@code tee-10}, then {@code tee-7kq2m9} and other draws. */
    private Slug slugFor(int attempt) {
      if (attempt == 0) {
        return wanted;
      }
      if (attempt <= NUMBERED_SLUGS) {
        return wanted.withSuffix(attempt + 1);
      }
      String code = RandomCode.of(ids.randomBits(), RANDOM_SLUG_LENGTH).toLowerCase(Locale.ROOT);
      return Slug.from(wanted.value() + "-" + code, wanted.value());
    }
  }
}
