package dev.duka.adapters.rest.catalog;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.catalog.CatalogBodies.BrandResponse;
import dev.duka.adapters.rest.catalog.CatalogBodies.BrandsResponse;
import dev.duka.adapters.rest.catalog.CatalogBodies.ProductRequest;
import dev.duka.adapters.rest.catalog.CatalogBodies.ProductResponse;
import dev.duka.adapters.rest.catalog.CatalogBodies.StockRequest;
import dev.duka.adapters.rest.common.ConditionalJson;
import dev.duka.adapters.rest.common.PageResponse;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.common.QueryParams;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.port.in.AdjustStockUseCase;
import dev.duka.domain.port.in.CreateProductUseCase;
import dev.duka.domain.port.in.DeleteProductUseCase;
import dev.duka.domain.port.in.GetProductUseCase;
import dev.duka.domain.port.in.ListBrandsUseCase;
import dev.duka.domain.port.in.ListProductsUseCase;
import dev.duka.domain.port.in.SearchProductsUseCase;
import dev.duka.domain.port.in.UpdateProductUseCase;
import dev.duka.domain.port.in.UpdateProductUseCase.ProductChanges;
import dev.duka.domain.user.Caller;
import io.javalin.http.Context;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/products} and {@code /api/v1/brands}: browsing and search for everyone, editing
 * and stock for administrators. Prices in query parameters are read in the shop's currency.
 */
public final class ProductRoutes implements Routes {
  /** Stock is named so that a PATCH of it gets a clear answer, not "unknown field". */
  private static final Set<String> PATCHABLE =
      Set.of(
          "name",
          "description",
          "price",
          "currency",
          "brand",
          "category_id",
          "sku",
          "active",
          "stock");

  /** Every product use case the routes drive. */
  public record UseCases(
      ListProductsUseCase list,
      SearchProductsUseCase search,
      GetProductUseCase get,
      ListBrandsUseCase brands,
      CreateProductUseCase create,
      UpdateProductUseCase update,
      DeleteProductUseCase delete,
      AdjustStockUseCase adjustStock) {}

  private final UseCases useCases;
  private final Authentication authentication;
  private final JsonBodies bodies;
  private final ConditionalJson conditional;
  private final Currency shopCurrency;

  public ProductRoutes(
      UseCases useCases,
      Authentication authentication,
      JsonBodies bodies,
      ConditionalJson conditional,
      Currency shopCurrency) {
    this.useCases = useCases;
    this.authentication = authentication;
    this.bodies = bodies;
    this.conditional = conditional;
    this.shopCurrency = shopCurrency;
  }

  @Override
  public void declare() {
    get("/products", this::list);
    post("/products", this::create);
    get("/products/search", this::search);
    get("/products/{id}", this::one);
    patch("/products/{id}", this::update);
    delete("/products/{id}", this::remove);
    post("/products/{id}/stock", this::adjustStock);
    get("/brands", this::brands);
  }

  private void list(Context ctx) {
    Viewer viewer = viewer(ctx);
    CatalogQueries.Listing listing =
        CatalogQueries.listing(ctx, shopCurrency, viewer.includeHidden());
    var page = useCases.list().listProducts(viewer.caller(), listing.query(), listing.page());
    conditional.respond(ctx, PageResponse.of(page, ProductResponse::of));
  }

  private void search(Context ctx) {
    Viewer viewer = viewer(ctx);
    String q = QueryParams.text(ctx, "q", SearchText.MAX_LENGTH);
    CatalogQueries.Listing listing =
        CatalogQueries.listing(ctx, shopCurrency, viewer.includeHidden());
    var page =
        useCases.search().searchProducts(viewer.caller(), q, listing.query(), listing.page());
    conditional.respond(ctx, PageResponse.of(page, ProductResponse::of));
  }

  private void one(Context ctx) {
    Optional<Caller> caller = authentication.optional(ctx);
    ProductId id = PathIds.of(ctx, "id", "product", ProductId::parse);
    conditional.respond(ctx, ProductResponse.of(useCases.get().getProduct(caller, id)));
  }

  private void brands(Context ctx) {
    conditional.respond(
        ctx,
        new BrandsResponse(
            useCases.brands().listBrands().stream().map(BrandResponse::of).toList()));
  }

  private void create(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    ProductRequest body = bodies.read(ctx, ProductRequest.class);
    var created = useCases.create().createProduct(caller, body.toCommand());
    ctx.status(201).json(ProductResponse.of(created));
  }

  private void update(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    ProductId id = PathIds.of(ctx, "id", "product", ProductId::parse);
    ObjectNode patch = bodies.readPatch(ctx, PATCHABLE);
    if (patch.has("stock")) {
      throw new InvalidValueException(
          "stock", "is changed with POST /api/v1/products/{id}/stock, so the ledger records why");
    }
    ProductChanges changes = new ProductChanges();
    if (patch.has("name")) {
      changes.name(JsonBodies.string(patch, "name", false));
    }
    if (patch.has("description")) {
      changes.description(JsonBodies.string(patch, "description", true));
    }
    if (patch.has("price")) {
      changes.price(JsonBodies.string(patch, "price", false));
    }
    if (patch.has("currency")) {
      changes.currency(JsonBodies.string(patch, "currency", false));
    }
    if (patch.has("brand")) {
      changes.brand(JsonBodies.string(patch, "brand", true));
    }
    if (patch.has("category_id")) {
      changes.categoryId(JsonBodies.string(patch, "category_id", false));
    }
    if (patch.has("sku")) {
      changes.sku(JsonBodies.string(patch, "sku", false));
    }
    if (patch.has("active")) {
      changes.active(JsonBodies.bool(patch, "active"));
    }
    ctx.json(ProductResponse.of(useCases.update().updateProduct(caller, id, changes)));
  }

  private void remove(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    ProductId id = PathIds.of(ctx, "id", "product", ProductId::parse);
    useCases.delete().deleteProduct(caller, id);
    ctx.status(204);
  }

  private void adjustStock(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    ProductId id = PathIds.of(ctx, "id", "product", ProductId::parse);
    StockRequest body = bodies.read(ctx, StockRequest.class);
    ctx.json(
        ProductResponse.of(
            useCases.adjustStock().adjustStock(caller, id, body.delta(), body.reason())));
  }

  /**
   * Who is reading, and whether they asked for hidden products: {@code include_inactive=true} needs
   * an administrator (401 without a token, 403 for anyone else).
   */
  private Viewer viewer(Context ctx) {
    if (CatalogQueries.flag(ctx, "include_inactive")) {
      return new Viewer(Optional.of(authentication.requireAdmin(ctx)), true);
    }
    return new Viewer(authentication.optional(ctx), false);
  }

  private record Viewer(Optional<Caller> caller, boolean includeHidden) {}
}
