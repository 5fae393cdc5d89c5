package dev.duka.adapters.rest.catalog;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.catalog.CatalogBodies.ProductRequest;
import dev.duka.adapters.rest.catalog.CatalogBodies.ProductResponse;
import dev.duka.adapters.rest.common.MultipartForm;
import dev.duka.adapters.rest.common.PathIds;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.port.in.ManageProductImagesUseCase;
import dev.duka.domain.user.Caller;
import io.javalin.http.Context;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Product pictures for administrators, as {@code multipart/form-data}: files in parts named {@code
 * files}, judged by their bytes alone (never by file name or declared type). The caller is checked
 * before the body is read, so nobody else gets to make the server spool an upload.
 */
public final class ImageRoutes implements Routes {
  private final ManageProductImagesUseCase images;
  private final Authentication authentication;
  private final JsonBodies bodies;
  private final MultipartForm.Limits limits;

  public ImageRoutes(
      ManageProductImagesUseCase images,
      Authentication authentication,
      JsonBodies bodies,
      long maxUploadBytes) {
    this.images = images;
    this.authentication = authentication;
    this.bodies = bodies;
    this.limits = new MultipartForm.Limits(maxUploadBytes, ProductImage.MAX_PER_REQUEST);
  }

  @Override
  public void declare() {
    post("/products/with-images", this::createWithImages);
    post("/products/{id}/images", this::add);
    delete("/products/{id}/images/{image_id}", this::remove);
  }

  private void add(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    ProductId id = PathIds.of(ctx, "id", "product", ProductId::parse);
    MultipartForm form = MultipartForm.read(ctx, limits, Set.of("files", "position"));
    OptionalInt position =
        form.text("position").map(ImageRoutes::position).orElse(OptionalInt.empty());
    var product = images.addImages(caller, id, form.uploads("files"), position);
    ctx.status(201).json(ProductResponse.of(product));
  }

  private void remove(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    ProductId id = PathIds.of(ctx, "id", "product", ProductId::parse);
    ImageId image = PathIds.of(ctx, "image_id", "image", ImageId::parse);
    images.deleteImage(caller, id, image);
    ctx.status(204);
  }

  private void createWithImages(Context ctx) {
    Caller caller = authentication.requireAdmin(ctx);
    MultipartForm form = MultipartForm.read(ctx, limits, Set.of("product", "files"));
    String json =
        form.text("product")
            .orElseThrow(
                () -> new InvalidValueException("product", "is required: the product as JSON"));
    ProductRequest body = bodies.parse(json, ProductRequest.class);
    var created = images.createProductWithImages(caller, body.toCommand(), form.uploads("files"));
    ctx.status(201).json(ProductResponse.of(created));
  }

  private static OptionalInt position(String text) {
    String trimmed = text.strip();
    if (!trimmed.matches("[0-9]{1,4}")) {
      throw new InvalidValueException(
          "position", "must be a whole number from 0 to " + ProductImage.MAX_PER_PRODUCT);
    }
    return OptionalInt.of(Integer.parseInt(trimmed));
  }
}
