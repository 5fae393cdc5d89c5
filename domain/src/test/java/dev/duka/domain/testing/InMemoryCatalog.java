package dev.duka.domain.testing;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.CategoryTree;
import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Categories and products in memory, sharing one lock and one state, so that the rules that span
 * both (a category with products cannot be deleted; an inactive category hides its products) hold
 * as in the database. Products and categories are immutable, so storing them stores copies.
 *
 * <p>Search imitates the database's closely enough for the shared contract: every word matches as a
 * prefix of a word of the name, brand or description (an excluded word must match none), name
 * matches rank above brand matches above description matches, and when fewer than {@link
 * ProductRepository#FUZZY_BELOW} products match, names and brands with each word within one edit
 * (or one swap of neighbouring letters) are added below them.
 */
public final class InMemoryCatalog {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Map<CategoryId, Category> categories = new LinkedHashMap<>();
  private final Map<ProductId, Product> products = new LinkedHashMap<>();
  private final List<StockMovement> ledger = new ArrayList<>();
  private final Set<ProductId> ordered = new HashSet<>();
  private final List<ProductImage> images = new ArrayList<>();
  private Runnable beforeNextInsert;

  private final CategoryRepository categoryRepository = new Categories();
  private final ProductRepository productRepository = new Products();
  private final ProductImageRepository imageRepository = new Images();

  public CategoryRepository categories() {
    return categoryRepository;
  }

  public ProductRepository products() {
    return productRepository;
  }

  /** The products' images; deleting a product deletes them, as the table's cascade does. */
  public ProductImageRepository images() {
    return imageRepository;
  }

  /**
   * Runs {@code rival} once, just before the next product insert: another writer getting there
   * between a caller's check and its insert.
   */
  public synchronized void beforeNextProductInsert(Runnable rival) {
    this.beforeNextInsert = rival;
  }

  /** Records that an order line refers to the product, as the orders table would. */
  public synchronized void recordOrderOf(ProductId id) {
    if (!products.containsKey(id)) {
      throw new NotFoundException("product", id);
    }
    ordered.add(id);
  }

  private final class Categories implements CategoryRepository {
    @Override
    public Optional<Category> findById(CategoryId id) {
      synchronized (InMemoryCatalog.this) {
        return Optional.ofNullable(categories.get(id));
      }
    }

    @Override
    public List<Category> findAll() {
      synchronized (InMemoryCatalog.this) {
        return CategoryTree.depthFirst(categories.values());
      }
    }

    @Override
    public void insert(Category category) {
      synchronized (InMemoryCatalog.this) {
        category.parentId().ifPresent(this::requireParent);
        requireFreeSlug(category);
        categories.put(category.id(), category.withVersion(0));
      }
    }

    @Override
    public Category update(Category category) {
      synchronized (InMemoryCatalog.this) {
        Category stored = categories.get(category.id());
        if (stored == null) {
          throw new NotFoundException("category", category.id());
        }
        if (stored.version() != category.version()) {
          throw new ConcurrentUpdateException("category", category.id());
        }
        category.parentId().ifPresent(this::requireParent);
        CategoryTree.checkMove(
            category.id(), category.parentId().orElse(null), categories.values());
        requireFreeSlug(category);
        Category next = category.withVersion(stored.version() + 1);
        categories.put(next.id(), next);
        return next;
      }
    }

    @Override
    public void delete(CategoryId id) {
      synchronized (InMemoryCatalog.this) {
        if (!categories.containsKey(id)) {
          throw new NotFoundException("category", id);
        }
        if (categories.values().stream().anyMatch(c -> c.parentId().equals(Optional.of(id)))) {
          throw new ConflictException("category " + id + " has subcategories");
        }
        if (products.values().stream().anyMatch(p -> p.categoryId().equals(id))) {
          throw new ConflictException("category " + id + " has products");
        }
        categories.remove(id);
      }
    }

    private void requireParent(CategoryId parent) {
      if (!categories.containsKey(parent)) {
        throw new NotFoundException("category", parent);
      }
    }

    private void requireFreeSlug(Category category) {
      boolean taken =
          categories.values().stream()
              .anyMatch(c -> c.slug().equals(category.slug()) && !c.id().equals(category.id()));
      if (taken) {
        throw new DuplicateException("slug", "slug " + category.slug() + " is taken");
      }
    }
  }

  private final class Products implements ProductRepository {
    @Override
    public Optional<Product> findById(ProductId id) {
      synchronized (InMemoryCatalog.this) {
        return Optional.ofNullable(products.get(id));
      }
    }

    @Override
    public Optional<Product> findVisible(ProductId id) {
      synchronized (InMemoryCatalog.this) {
        Set<CategoryId> visible = CategoryTree.visible(categories.values());
        return Optional.ofNullable(products.get(id))
            .filter(p -> p.active() && visible.contains(p.categoryId()));
      }
    }

    @Override
    public Map<ProductId, ProductSnapshot> findForPricing(Collection<ProductId> ids) {
      synchronized (InMemoryCatalog.this) {
        Map<ProductId, ProductSnapshot> found = new LinkedHashMap<>();
        java.util.Set<CategoryId> visible = CategoryTree.visible(categories.values());
        for (ProductId id : ids) {
          Product p = products.get(id);
          if (p != null) {
            boolean active = p.active() && visible.contains(p.categoryId());
            found.put(id, new ProductSnapshot(id, p.sku(), p.name(), p.price(), p.stock(), active));
          }
        }
        return found;
      }
    }

    @Override
    public void insert(Product product) {
      synchronized (InMemoryCatalog.this) {
        Runnable rival = beforeNextInsert;
        beforeNextInsert = null;
        if (rival != null) {
          rival.run();
        }
        if (!categories.containsKey(product.categoryId())) {
          throw new NotFoundException("category", product.categoryId());
        }
        for (Product other : products.values()) {
          if (other.sku().equals(product.sku())) {
            throw new DuplicateException("sku", "SKU " + product.sku() + " is taken");
          }
          if (other.slug().equals(product.slug())) {
            throw new DuplicateException("slug", "slug " + product.slug() + " is taken");
          }
        }
        products.put(product.id(), stored(product, product.stock(), 0));
        if (product.stock() > 0) {
          ledger.add(
              new StockMovement(
                  product.id(), product.stock(), "initial stock", product.createdAt()));
        }
      }
    }

    @Override
    public boolean existsBySku(Sku sku) {
      synchronized (InMemoryCatalog.this) {
        return products.values().stream().anyMatch(p -> p.sku().equals(sku));
      }
    }

    @Override
    public boolean existsBySlug(Slug slug) {
      synchronized (InMemoryCatalog.this) {
        return products.values().stream().anyMatch(p -> p.slug().equals(slug));
      }
    }

    @Override
    public Product update(Product product) {
      synchronized (InMemoryCatalog.this) {
        Product old = products.get(product.id());
        if (old == null) {
          throw new NotFoundException("product", product.id());
        }
        if (old.version() != product.version()) {
          throw new ConcurrentUpdateException("product", product.id());
        }
        if (!categories.containsKey(product.categoryId())) {
          throw new NotFoundException("category", product.categoryId());
        }
        boolean skuTaken =
            products.values().stream()
                .anyMatch(p -> p.sku().equals(product.sku()) && !p.id().equals(product.id()));
        if (skuTaken) {
          throw new DuplicateException("sku", "SKU " + product.sku() + " is taken");
        }
        Product next =
            new Product(
                old.id(),
                product.sku(),
                old.slug(),
                product.name(),
                product.description(),
                product.brand(),
                product.categoryId(),
                product.price(),
                old.stock(),
                product.active(),
                old.createdBy(),
                product.updatedBy(),
                old.createdAt(),
                product.updatedAt(),
                old.version() + 1);
        products.put(next.id(), next);
        return next;
      }
    }

    @Override
    public boolean deleteIfNeverOrdered(ProductId id) {
      synchronized (InMemoryCatalog.this) {
        if (!products.containsKey(id)) {
          throw new NotFoundException("product", id);
        }
        if (ordered.contains(id)) {
          return false;
        }
        products.remove(id);
        images.removeIf(image -> image.productId().equals(id));
        ledger.removeIf(m -> m.productId().equals(id));
        return true;
      }
    }

    @Override
    public Page<Product> list(ProductQuery query, PageRequest page) {
      synchronized (InMemoryCatalog.this) {
        List<Product> matching =
            products.values().stream().filter(inScope(query)).sorted(order(query)).toList();
        return Page.of(
            matching.stream().skip(page.offset()).limit(page.size()).toList(),
            page,
            matching.size());
      }
    }

    @Override
    public Page<Product> search(SearchText text, ProductQuery filters, PageRequest page) {
      synchronized (InMemoryCatalog.this) {
        List<Product> scoped = products.values().stream().filter(inScope(filters)).toList();
        Map<ProductId, Double> scores = new LinkedHashMap<>();
        for (Product p : scoped) {
          double score = wordScore(text, p);
          if (score > 0) {
            scores.put(p.id(), score);
          }
        }
        if (scores.size() < FUZZY_BELOW) {
          for (Product p : scoped) {
            if (!scores.containsKey(p.id()) && withinOneTypo(text, p)) {
              scores.put(p.id(), 0.01);
            }
          }
        }
        Comparator<Product> relevance =
            Comparator.<Product>comparingDouble(p -> scores.get(p.id()))
                .reversed()
                .thenComparing(Product::createdAt, Comparator.reverseOrder())
                .thenComparing(p -> p.id().value(), InMemoryCatalog::compareAsDatabase);
        List<Product> ranked =
            scoped.stream().filter(p -> scores.containsKey(p.id())).sorted(relevance).toList();
        return Page.of(
            ranked.stream().skip(page.offset()).limit(page.size()).toList(), page, ranked.size());
      }
    }

    @Override
    public List<BrandCount> countByBrand() {
      synchronized (InMemoryCatalog.this) {
        Set<CategoryId> visible = CategoryTree.visible(categories.values());
        Map<String, List<String>> byBrand = new TreeMap<>();
        for (Product p : products.values()) {
          if (p.active() && visible.contains(p.categoryId()) && !p.brand().isEmpty()) {
            byBrand
                .computeIfAbsent(p.brand().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(p.brand());
          }
        }
        List<BrandCount> counts = new ArrayList<>();
        byBrand.forEach(
            (key, spellings) ->
                counts.add(
                    new BrandCount(
                        spellings.stream().sorted().findFirst().orElseThrow(), spellings.size())));
        return counts;
      }
    }

    @Override
    public OptionalInt applyStockMovement(StockMovement movement) {
      synchronized (InMemoryCatalog.this) {
        Product p = products.get(movement.productId());
        if (p == null) {
          throw new NotFoundException("product", movement.productId());
        }
        long next = (long) p.stock() + movement.delta();
        if (next < 0 || next > Integer.MAX_VALUE) {
          return OptionalInt.empty();
        }
        products.put(p.id(), stored(p, (int) next, p.version()));
        ledger.add(movement);
        return OptionalInt.of((int) next);
      }
    }

    @Override
    public List<StockMovement> movementsOf(ProductId id) {
      synchronized (InMemoryCatalog.this) {
        return ledger.stream().filter(m -> m.productId().equals(id)).toList();
      }
    }
  }

  private Predicate<Product> inScope(ProductQuery query) {
    Set<CategoryId> visible = CategoryTree.visible(categories.values());
    Set<CategoryId> inCategory =
        query.category().map(c -> CategoryTree.subtree(c, categories.values())).orElse(null);
    return p ->
        (query.includeHidden() || (p.active() && visible.contains(p.categoryId())))
            && (inCategory == null || inCategory.contains(p.categoryId()))
            && query.matches(p);
  }

  private static Comparator<Product> order(ProductQuery query) {
    Comparator<Product> byId =
        Comparator.comparing(p -> p.id().value(), InMemoryCatalog::compareAsDatabase);
    return switch (query.sort()) {
      case NEWEST -> Comparator.comparing(Product::createdAt).reversed().thenComparing(byId);
      case PRICE_ASC ->
          Comparator.<Product>comparingLong(p -> p.price().minor()).thenComparing(byId);
      case PRICE_DESC ->
          Comparator.<Product>comparingLong(p -> p.price().minor()).thenComparing(byId).reversed();
      case NAME ->
          Comparator.<Product, String>comparing(p -> p.name().toLowerCase(Locale.ROOT))
              .thenComparing(byId);
    };
  }

  /** PostgreSQL orders uuids by their bytes, unsigned. */
  private static int compareAsDatabase(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /**
   * Name 1.0, brand 0.4, description 0.2 for each word, by the best field it prefixes a word of; 0
   * when a word matches nowhere or an excluded word matches somewhere.
   */
  private static double wordScore(SearchText text, Product p) {
    if (hasExcludedWord(text, p)) {
      return 0;
    }
    List<String> name = wordsOf(p.name());
    List<String> brand = wordsOf(p.brand());
    List<String> description = wordsOf(p.description());
    double score = 0;
    for (String word : text.words()) {
      if (prefixes(word, name)) {
        score += 1.0;
      } else if (prefixes(word, brand)) {
        score += 0.4;
      } else if (prefixes(word, description)) {
        score += 0.2;
      } else {
        return 0;
      }
    }
    return score;
  }

  private static boolean hasExcludedWord(SearchText text, Product p) {
    List<String> words = new ArrayList<>(wordsOf(p.name()));
    words.addAll(wordsOf(p.brand()));
    words.addAll(wordsOf(p.description()));
    return text.excludedWords().stream().anyMatch(excluded -> prefixes(excluded, words));
  }

  private static boolean withinOneTypo(SearchText text, Product p) {
    if (hasExcludedWord(text, p)) {
      return false;
    }
    List<String> words = new ArrayList<>(wordsOf(p.name()));
    words.addAll(wordsOf(p.brand()));
    return text.words().stream()
        .allMatch(word -> words.stream().anyMatch(w -> editDistance(word, w) <= 1));
  }

  private static boolean prefixes(String word, List<String> words) {
    return words.stream().anyMatch(w -> w.startsWith(word));
  }

  private static List<String> wordsOf(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static Product stored(Product p, int stock, long version) {
    return new Product(
        p.id(),
        p.sku(),
        p.slug(),
        p.name(),
        p.description(),
        p.brand(),
        p.categoryId(),
        p.price(),
        stock,
        p.active(),
        p.createdBy(),
        p.updatedBy(),
        p.createdAt(),
        p.updatedAt(),
        version);
  }

  private final class Images implements ProductImageRepository {
    private static final Comparator<ProductImage> BY_POSITION =
        Comparator.comparingInt(ProductImage::position);

    @Override
    public List<ProductImage> imagesOf(ProductId product) {
      synchronized (InMemoryCatalog.this) {
        return images.stream()
            .filter(image -> image.productId().equals(product))
            .sorted(BY_POSITION)
            .toList();
      }
    }

    @Override
    public Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> products) {
      synchronized (InMemoryCatalog.this) {
        Map<ProductId, List<ProductImage>> byProduct = new LinkedHashMap<>();
        for (ProductId product : products) {
          List<ProductImage> of = imagesOf(product);
          if (!of.isEmpty()) {
            byProduct.put(product, of);
          }
        }
        return byProduct;
      }
    }

    @Override
    public Optional<ProductImage> find(ProductId product, ImageId id) {
      synchronized (InMemoryCatalog.this) {
        return images.stream()
            .filter(image -> image.id().equals(id) && image.productId().equals(product))
            .findFirst();
      }
    }

    @Override
    public void insert(List<ProductImage> added) {
      synchronized (InMemoryCatalog.this) {
        if (added.isEmpty()) {
          return;
        }
        ProductId product = added.get(0).productId();
        if (!products.containsKey(product)) {
          throw new NotFoundException("product", product);
        }
        int from = added.stream().mapToInt(ProductImage::position).min().orElseThrow();
        images.replaceAll(
            image ->
                image.productId().equals(product) && image.position() >= from
                    ? moved(image, added.size())
                    : image);
        images.addAll(added);
      }
    }

    @Override
    public void delete(ProductImage gone) {
      synchronized (InMemoryCatalog.this) {
        if (images.removeIf(image -> image.id().equals(gone.id()))) {
          images.replaceAll(
              image ->
                  image.productId().equals(gone.productId()) && image.position() > gone.position()
                      ? moved(image, -1)
                      : image);
        }
      }
    }

    @Override
    public boolean isUsed(String originalKey) {
      synchronized (InMemoryCatalog.this) {
        return images.stream().anyMatch(i -> i.files().original().key().equals(originalKey));
      }
    }

    @Override
    public void lockImagesOf(ProductId product) {
      // every call holds the catalog's one lock already
    }

    @Override
    public void lockContent(String originalKey) {
      // every call holds the catalog's one lock already
    }

    private static ProductImage moved(ProductImage image, int by) {
      return new ProductImage(
          image.id(), image.productId(), image.position() + by, image.files(), image.createdAt());
    }
  }
}
