package dev.duka.adapters.rest.catalog;

import dev.duka.adapters.rest.common.MoneyBody;
import dev.duka.domain.catalog.BrandCount;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.port.in.CategoryNode;
import dev.duka.domain.port.in.CategoryView;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Request and response bodies of the catalog routes. Requests keep every field optional here: the
 * use cases check them all at once and name each problem. Empty optional texts are {@code null} in
 * responses.
 */
final class CatalogBodies {
  private CatalogBodies() {}

  record CategoryRequest(
      String name,
      String slug,
      String parentId,
      String description,
      Boolean active,
      Integer sortOrder) {}

  record ProductRequest(
      String name,
      String description,
      String price,
      String currency,
      Integer stock,
      String brand,
      String categoryId,
      String sku,
      Boolean active) {
    CreateProductCommand toCommand() {
      return new CreateProductCommand(
          name, description, price, currency, stock, brand, categoryId, sku, active);
    }
  }

  record StockRequest(@NotNull Integer delta, @NotNull String reason) {}

  record CategoryResponse(
      UUID id,
      UUID parentId,
      String name,
      String slug,
      String description,
      boolean active,
      int sortOrder) {

    static CategoryResponse of(CategoryView c) {
      return new CategoryResponse(
          c.id().value(),
          c.parentId() == null ? null : c.parentId().value(),
          c.name(),
          c.slug().value(),
          emptyToNull(c.description()),
          c.active(),
          c.sortOrder());
    }
  }

  /** A category in the tree: the category's fields and its children. */
  record CategoryNodeResponse(
      UUID id,
      UUID parentId,
      String name,
      String slug,
      String description,
      boolean active,
      int sortOrder,
      List<CategoryNodeResponse> children) {

    static CategoryNodeResponse of(CategoryNode node) {
      CategoryView c = node.category();
      return new CategoryNodeResponse(
          c.id().value(),
          c.parentId() == null ? null : c.parentId().value(),
          c.name(),
          c.slug().value(),
          emptyToNull(c.description()),
          c.active(),
          c.sortOrder(),
          node.children().stream().map(CategoryNodeResponse::of).toList());
    }
  }

  record CategoryTreeResponse(List<CategoryNodeResponse> items) {}

  record ProductResponse(
      UUID id,
      String sku,
      String slug,
      String name,
      String description,
      String brand,
      UUID categoryId,
      MoneyBody price,
      int stock,
      boolean active,
      List<ImageResponse> images,
      Instant createdAt,
      Instant updatedAt) {

    static ProductResponse of(ProductView p) {
      return new ProductResponse(
          p.id().value(),
          p.sku().value(),
          p.slug().value(),
          p.name(),
          emptyToNull(p.description()),
          emptyToNull(p.brand()),
          p.categoryId().value(),
          MoneyBody.of(p.price()),
          p.stock(),
          p.active(),
          p.images().stream().map(ImageResponse::of).toList(),
          p.createdAt(),
          p.updatedAt());
    }
  }

  /** A product image in its three sizes. */
  record ImageResponse(
      UUID id, int position, Rendition original, Rendition thumbnail, Rendition medium) {
    static ImageResponse of(ProductImage image) {
      StoredImage files = image.files();
      return new ImageResponse(
          image.id().value(),
          image.position(),
          Rendition.of(files.original()),
          Rendition.of(files.thumbnail()),
          Rendition.of(files.medium()));
    }
  }

  /** One stored size of an image, at a URL relative to the server's root. */
  record Rendition(String url, int width, int height) {
    static Rendition of(ImageStorage.Rendition file) {
      return new Rendition(UploadRoutes.PATH + file.key(), file.width(), file.height());
    }
  }

  record BrandResponse(String brand, long products) {
    static BrandResponse of(BrandCount count) {
      return new BrandResponse(count.brand(), count.products());
    }
  }

  record BrandsResponse(List<BrandResponse> items) {}

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
