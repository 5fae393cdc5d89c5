package dev.duka.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.TooLargeException;
import dev.duka.domain.error.UnavailableException;
import dev.duka.domain.port.in.CreateProductUseCase.CreateProductCommand;
import dev.duka.domain.port.in.DeleteProductUseCase.Removal;
import dev.duka.domain.port.in.ManageProductImagesUseCase.ImageUpload;
import dev.duka.domain.port.in.ProductView;
import dev.duka.domain.port.out.ImageStorage.Rendition;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import dev.duka.domain.testing.InMemoryImageStorage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductImageServiceTest {
  private final CatalogWorld world = new CatalogWorld();
  private final ProductId kanga =
      world.product(world.category("Kanga").id(), "Kanga ya pwani", "25000").id();

  private static ImageUpload picture(int width, int height) {
    byte[] bytes = InMemoryImageStorage.image(width, height);
    return () -> bytes;
  }

  private static ImageUpload text(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return () -> bytes;
  }

  private ProductView add(ImageUpload... uploads) {
    return world.pictures.addImages(world.admin, kanga, List.of(uploads), OptionalInt.empty());
  }

  private List<ProductImage> imagesOf(ProductId product) {
    return world.catalog.images().imagesOf(product);
  }

  @Test
  void addsImagesAfterTheLastInTheOrderGivenWithTheirSizes() {
    add(picture(2000, 1000));

    ProductView view = add(picture(640, 480), picture(300, 300));

    assertThat(view.images()).extracting(ProductImage::position).containsExactly(0, 1, 2);
    StoredImage second = view.images().get(1).files();
    assertThat(second.original()).extracting(Rendition::width).isEqualTo(640);
    assertThat(second.medium()).extracting(Rendition::width).isEqualTo(640);
    assertThat(second.thumbnail())
        .extracting(Rendition::width, Rendition::height)
        .containsExactly(320, 240);
    assertThat(view.images()).isEqualTo(imagesOf(kanga));
    assertThat(world.storage.fileCount()).isEqualTo(9);
    assertThat(world.audit.withAction("product.images_added")).hasSize(2);
    assertThat(world.browsing.getProduct(CatalogWorld.anonymous(), kanga).images())
        .isEqualTo(view.images());
  }

  @Test
  void addsImagesAtAPositionMovingTheLaterOnesUp() {
    ProductView before = add(picture(10, 10), picture(20, 20));

    ProductView after =
        world.pictures.addImages(world.admin, kanga, List.of(picture(30, 30)), OptionalInt.of(1));

    assertThat(after.images())
        .extracting(i -> i.files().original().width())
        .containsExactly(10, 30, 20);
    assertThat(after.images().get(2).id()).isEqualTo(before.images().get(1).id());
  }

  @Test
  void refusesAPositionBeyondTheEndBeforeStoringAnything() {
    add(picture(10, 10));
    int files = world.storage.fileCount();

    assertThatThrownBy(
            () ->
                world.pictures.addImages(
                    world.admin, kanga, List.of(picture(20, 20)), OptionalInt.of(2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("position");
    assertThatThrownBy(
            () ->
                world.pictures.addImages(
                    world.admin, kanga, List.of(picture(20, 20)), OptionalInt.of(-1)))
        .isInstanceOf(InvalidValueException.class);
    assertThat(world.storage.fileCount()).isEqualTo(files);
  }

  @Test
  void onlyAdministratorsAddOrDeleteImages() {
    ProductImage image = add(picture(10, 10)).images().get(0);

    assertThatThrownBy(
            () ->
                world.pictures.addImages(
                    world.shopper, kanga, List.of(picture(20, 20)), OptionalInt.empty()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> world.pictures.deleteImage(world.shopper, kanga, image.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(imagesOf(kanga)).containsExactly(image);
    assertThat(world.storage.fileCount()).isEqualTo(3);
  }

  @Test
  void refusesAnUnknownProductBeforeStoringAnything() {
    ProductId unknown = new ProductId(UUID.randomUUID());

    assertThatThrownBy(
            () ->
                world.pictures.addImages(
                    world.admin, unknown, List.of(picture(20, 20)), OptionalInt.empty()))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void takesOneToTenImagesPerRequest() {
    assertThatThrownBy(() -> add())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("files");
    ImageUpload[] eleven = Collections.nCopies(11, picture(5, 5)).toArray(ImageUpload[]::new);
    assertThatThrownBy(() -> add(eleven))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 10");
    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void aProductHoldsAtMostThirtyImages() {
    for (int batch = 0; batch < 3; batch++) {
      ImageUpload[] ten = new ImageUpload[10];
      for (int i = 0; i < 10; i++) {
        ten[i] = picture(10 + batch * 10 + i, 10);
      }
      add(ten);
    }

    assertThatThrownBy(() -> add(picture(99, 99)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 30");
    assertThat(imagesOf(kanga)).hasSize(30);
  }

  @Test
  void oneBadUploadLeavesNeitherFilesNorRows() {
    assertThatThrownBy(() -> add(picture(10, 10), text("<svg/>"), picture(20, 20)))
        .isInstanceOf(InvalidValueException.class);

    assertThat(imagesOf(kanga)).isEmpty();
    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void anOversizedUploadLeavesNeitherFilesNorRows() {
    assertThatThrownBy(() -> add(picture(10, 10), picture(9000, 9000)))
        .isInstanceOf(TooLargeException.class);
    assertThatThrownBy(() -> add(picture(10, 10), text("x".repeat(2000))))
        .isInstanceOf(TooLargeException.class);

    assertThat(imagesOf(kanga)).isEmpty();
    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void aFailingDiskLeavesNeitherFilesNorRows() {
    world.storage.failNextStores(1);

    assertThatThrownBy(() -> add(picture(10, 10))).isInstanceOf(UnavailableException.class);

    assertThat(imagesOf(kanga)).isEmpty();
    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void aFailedUploadKeepsFilesThatAnotherProductUses() {
    ProductId other = world.product(world.category("Vikapu").id(), "Kikapu", "9000").id();
    world.pictures.addImages(world.admin, other, List.of(picture(10, 10)), OptionalInt.empty());

    assertThatThrownBy(() -> add(picture(10, 10), text("not an image")))
        .isInstanceOf(InvalidValueException.class);

    assertThat(world.storage.fileCount()).isEqualTo(3);
    assertThat(imagesOf(other)).hasSize(1);
  }

  @Test
  void filesRemovedByARacingDeleteAreStoredAgain() {
    byte[] bytes = InMemoryImageStorage.image(40, 30);
    StoredImage keys = world.storage.store(bytes);
    world.storage.delete(keys);
    ImageUpload first = () -> bytes;
    ImageUpload second =
        () -> {
          world.storage.lose(keys.medium().key()); // another request's delete, just now
          return InMemoryImageStorage.image(50, 30);
        };

    add(first, second);

    assertThat(world.storage.has(keys.medium().key())).isTrue();
    assertThat(world.storage.fileCount()).isEqualTo(6);
  }

  @Test
  void deletingAnImageClosesTheGapAndRemovesFilesNoRowUses() {
    ProductView view = add(picture(10, 10), picture(20, 20), picture(30, 30));
    ProductImage middle = view.images().get(1);

    ProductView after = world.pictures.deleteImage(world.admin, kanga, middle.id());

    assertThat(after.images())
        .extracting(i -> i.files().original().width())
        .containsExactly(10, 30);
    assertThat(after.images()).extracting(ProductImage::position).containsExactly(0, 1);
    assertThat(world.storage.has(middle.files().original().key())).isFalse();
    assertThat(world.storage.fileCount()).isEqualTo(6);
    assertThat(world.audit.withAction("product.image_deleted")).hasSize(1);
  }

  @Test
  void deletingAnImageKeepsFilesAnotherRowUses() {
    ProductView view = add(picture(10, 10), picture(10, 10));

    world.pictures.deleteImage(world.admin, kanga, view.images().get(0).id());

    assertThat(world.storage.has(view.images().get(1).files().original().key())).isTrue();
  }

  @Test
  void anImageIsDeletedOnlyThroughItsOwnProduct() {
    ProductId other = world.product(world.category("Vikapu").id(), "Kikapu", "9000").id();
    ProductImage image = add(picture(10, 10)).images().get(0);

    assertThatThrownBy(() -> world.pictures.deleteImage(world.admin, other, image.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> world.pictures.deleteImage(world.admin, kanga, new ImageId(UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
    assertThat(imagesOf(kanga)).containsExactly(image);
  }

  @Test
  void deletingAProductRemovesItsFiles() {
    add(picture(10, 10));

    assertThat(world.administration.deleteProduct(world.admin, kanga)).isEqualTo(Removal.DELETED);

    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void createsAProductWithItsImagesInOneGo() {
    CreateProductCommand command =
        CatalogWorld.command(world.category("Vitenge").id(), "Kitenge", "18000");

    ProductView created =
        world.pictures.createProductWithImages(
            world.admin, command, List.of(picture(800, 600), picture(600, 800)));

    assertThat(created.name()).isEqualTo("Kitenge");
    assertThat(created.images()).extracting(ProductImage::position).containsExactly(0, 1);
    assertThat(world.browsing.getProduct(CatalogWorld.as(world.admin), created.id()))
        .isEqualTo(created);
  }

  @Test
  void aProductWithABadImageIsNotCreatedAtAll() {
    CreateProductCommand command =
        CatalogWorld.command(world.category("Vitenge").id(), "Kitenge", "18000");

    assertThatThrownBy(
            () ->
                world.pictures.createProductWithImages(
                    world.admin, command, List.of(picture(800, 600), text("PK\3\4zip"))))
        .isInstanceOf(InvalidValueException.class);

    assertThat(world.catalog.products().existsBySlug(Slug.from("Kitenge", "product"))).isFalse();
    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void aBadProductWithGoodImagesLeavesNoFiles() {
    CreateProductCommand nameless =
        CatalogWorld.command(world.category("Vitenge").id(), "", "18000");

    assertThatThrownBy(
            () ->
                world.pictures.createProductWithImages(
                    world.admin, nameless, List.of(picture(800, 600))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("name");

    assertThat(world.storage.fileCount()).isZero();
  }

  @Test
  void servesStoredFilesByKey() {
    ProductImage image = add(picture(10, 10)).images().get(0);

    assertThat(world.pictures.openUpload(image.files().thumbnail().key())).isPresent();
    assertThat(world.pictures.openUpload("../" + image.files().thumbnail().key())).isEmpty();
  }
}
