package dev.duka.domain.testing;

import dev.duka.domain.cart.ProductSnapshot;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.CategoryTree;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.Sku;
import dev.duka.domain.catalog.StockMovement;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ProductRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Categories and products in memory, sharing one lock and one state, so that the rules that span
 * both (a category with products cannot be deleted; an inactive category hides its products) hold
 * as in the database. Products and categories are immutable, so storing them stores copies.
 */
public final class InMemoryCatalog {
  private final Map<CategoryId, Category> categories = new LinkedHashMap<>();
  private final Map<ProductId, Product> products = new LinkedHashMap<>();
  private final List<StockMovement> ledger = new ArrayList<>();

  private final CategoryRepository categoryRepository = new Categories();
  private final ProductRepository productRepository = new Products();

  public CategoryRepository categories() {
    return categoryRepository;
  }

  public ProductRepository products() {
    return productRepository;
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
        requireFreeSlug(category);
        categories.put(category.id(), category);
      }
    }

    @Override
    public void update(Category category) {
      synchronized (InMemoryCatalog.this) {
        if (!categories.containsKey(category.id())) {
          throw new NotFoundException("category", category.id());
        }
        requireFreeSlug(category);
        categories.put(category.id(), category);
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
    public Map<ProductId, ProductSnapshot> findForPricing(Collection<ProductId> ids) {
      synchronized (InMemoryCatalog.this) {
        Map<ProductId, ProductSnapshot> found = new LinkedHashMap<>();
        for (ProductId id : ids) {
          Product p = products.get(id);
          if (p != null) {
            Category category = categories.get(p.categoryId());
            boolean active = p.active() && category != null && category.active();
            found.put(id, new ProductSnapshot(id, p.sku(), p.name(), p.price(), p.stock(), active));
          }
        }
        return found;
      }
    }

    @Override
    public void insert(Product product) {
      synchronized (InMemoryCatalog.this) {
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
        products.put(product.id(), product);
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
        products.put(
            p.id(),
            new Product(
                p.id(),
                p.sku(),
                p.slug(),
                p.name(),
                p.description(),
                p.brand(),
                p.categoryId(),
                p.price(),
                (int) next,
                p.active(),
                p.createdBy(),
                p.updatedBy(),
                p.createdAt(),
                p.updatedAt()));
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
}
