package dev.duka.application.catalog;

import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.catalog.ProductQuery;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.in.GetProductUseCase;
import dev.duka.domain.port.in.ListBrandsUseCase;
import dev.duka.domain.port.in.ListProductsUseCase;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.port.in.SearchProductsUseCase;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What shoppers read: listings, search, single products and brands. The public sees only visible
 * products; administrators see any product by id, and hidden ones in listings when they ask. A
 * product or page and its pictures are read on one connection.
 */
public final class ProductBrowsingService
    implements ListProductsUseCase, SearchProductsUseCase, GetProductUseCase, ListBrandsUseCase {
  private final ProductRepository products;
  private final ProductImageRepository images;
  private final Transactions transactions;

  public ProductBrowsingService(
      ProductRepository products, ProductImageRepository images, Transactions transactions) {
    this.products = products;
    this.images = images;
    this.transactions = transactions;
  }

  @Override
  public Page<ProductView> listProducts(
      Optional<Caller> caller, ProductQuery query, PageRequest page) {
    if (query.includeHidden()) {
      Admins.require(caller, "list hidden products");
    }
    return transactions.onOneConnection(() -> withImages(products.list(query, page)));
  }

  @Override
  public Page<ProductView> searchProducts(
      Optional<Caller> caller, String text, ProductQuery filters, PageRequest page) {
    SearchText search = SearchText.of(text);
    if (filters.includeHidden()) {
      Admins.require(caller, "search hidden products");
    }
    return transactions.onOneConnection(() -> withImages(products.search(search, filters, page)));
  }

  @Override
  public ProductView getProduct(Optional<Caller> caller, ProductId id) {
    return transactions
        .onOneConnection(
            () ->
                (Admins.isAdmin(caller) ? products.findById(id) : products.findVisible(id))
                    .map(product -> ProductView.of(product, images.imagesOf(id))))
        .orElseThrow(() -> new NotFoundException("product", id));
  }

  @Override
  public List<BrandCount> listBrands() {
    return products.countByBrand();
  }

  /** The page's products with their images, read in one query for the whole page. */
  private Page<ProductView> withImages(Page<Product> page) {
    Map<ProductId, List<ProductImage>> byProduct =
        images.imagesOf(page.items().stream().map(Product::id).toList());
    return page.map(p -> ProductView.of(p, byProduct.getOrDefault(p.id(), List.of())));
  }
}
