package dev.duka.application.catalog;

import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.ProductId;
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
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.user.Caller;
import java.util.List;
import java.util.Optional;

/**
 * What shoppers read: listings, search, single products and brands. The public sees only visible
 * products; administrators see any product by id, and hidden ones in listings when they ask.
 */
public final class ProductBrowsingService
    implements ListProductsUseCase, SearchProductsUseCase, GetProductUseCase, ListBrandsUseCase {
  private final ProductRepository products;

  public ProductBrowsingService(ProductRepository products) {
    this.products = products;
  }

  @Override
  public Page<ProductView> listProducts(
      Optional<Caller> caller, ProductQuery query, PageRequest page) {
    if (query.includeHidden()) {
      Admins.require(caller, "list hidden products");
    }
    return products.list(query, page).map(ProductView::of);
  }

  @Override
  public Page<ProductView> searchProducts(
      Optional<Caller> caller, String text, ProductQuery filters, PageRequest page) {
    SearchText search = SearchText.of(text);
    if (filters.includeHidden()) {
      Admins.require(caller, "search hidden products");
    }
    return products.search(search, filters, page).map(ProductView::of);
  }

  @Override
  public ProductView getProduct(Optional<Caller> caller, ProductId id) {
    return (Admins.isAdmin(caller) ? products.findById(id) : products.findVisible(id))
        .map(ProductView::of)
        .orElseThrow(() -> new NotFoundException("product", id));
  }

  @Override
  public List<BrandCount> listBrands() {
    return products.countByBrand();
  }
}
