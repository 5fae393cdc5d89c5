package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.ImageStorage.Rendition;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductImageRepository} promises, with the product repository it sits beside.
 * Each test makes its own products, so implementations may share one store across tests.
 */
public abstract class ProductImagesContract {

  protected abstract CategoryRepository categories();

  protected abstract ProductRepository products();

  protected abstract ProductImageRepository images();

  private ProductId aProduct() {
    Category category = CatalogFixtures.aCategory("Pictures " + UUID.randomUUID());
    categories().insert(category);
    Product product =
        CatalogFixtures.aProduct(
            category.id(), "Kikapu", Money.parse("9000", Currency.getInstance("TZS")), 3);
    products().insert(product);
    return product.id();
  }

  private static StoredImage files(String content) {
    String hash = content.repeat(64).substring(0, 64);
    return new StoredImage(
        new Rendition(hash + "-original.png", "image/png", 2000, 1000),
        new Rendition(hash + "-thumbnail.png", "image/png", 320, 160),
        new Rendition(hash + "-medium.png", "image/png", 1024, 512));
  }

  private static ProductImage image(ProductId product, int position, String content) {
    return new ProductImage(
        new ImageId(UUID.randomUUID()),
        product,
        position,
        files(content),
        CatalogFixtures.CREATED.plusSeconds(position));
  }

  private List<ImageId> idsOf(ProductId product) {
    return images().imagesOf(product).stream().map(ProductImage::id).toList();
  }

  @Test
  void keepsEveryFieldOfAnImage() {
    ProductId product = aProduct();
    ProductImage image = image(product, 0, "a");

    images().insert(List.of(image));

    assertThat(images().imagesOf(product)).containsExactly(image);
    assertThat(images().find(product, image.id())).contains(image);
  }

  @Test
  void insertingAtAPositionMovesTheLaterImagesUp() {
    ProductId product = aProduct();
    ProductImage first = image(product, 0, "a");
    ProductImage second = image(product, 1, "b");
    images().insert(List.of(first, second));
    ProductImage front = image(product, 0, "c");
    ProductImage next = image(product, 1, "d");

    images().insert(List.of(front, next));

    assertThat(idsOf(product)).containsExactly(front.id(), next.id(), first.id(), second.id());
    assertThat(images().imagesOf(product))
        .extracting(ProductImage::position)
        .containsExactly(0, 1, 2, 3);
  }

  @Test
  void deletingAnImageClosesTheGap() {
    ProductId product = aProduct();
    ProductImage a = image(product, 0, "a");
    ProductImage b = image(product, 1, "b");
    ProductImage c = image(product, 2, "c");
    images().insert(List.of(a, b, c));

    images().delete(b);

    assertThat(idsOf(product)).containsExactly(a.id(), c.id());
    assertThat(images().imagesOf(product)).extracting(ProductImage::position).containsExactly(0, 1);
  }

  @Test
  void anImageIsFoundOnlyUnderItsOwnProduct() {
    ProductId mine = aProduct();
    ProductId other = aProduct();
    ProductImage image = image(mine, 0, "a");
    images().insert(List.of(image));

    assertThat(images().find(other, image.id())).isEmpty();
    assertThat(images().find(mine, new ImageId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void listsTheImagesOfSeveralProductsAtOnce() {
    ProductId one = aProduct();
    ProductId two = aProduct();
    ProductId none = aProduct();
    ProductImage a = image(one, 0, "a");
    ProductImage b = image(two, 0, "b");
    ProductImage c = image(two, 1, "c");
    images().insert(List.of(a));
    images().insert(List.of(b, c));

    Map<ProductId, List<ProductImage>> found = images().imagesOf(List.of(one, two, none));

    assertThat(found).containsOnlyKeys(one, two);
    assertThat(found.get(two)).containsExactly(b, c);
    assertThat(images().imagesOf(List.of())).isEmpty();
  }

  @Test
  void filesAreInUseWhileAnyRowNamesThem() {
    ProductId one = aProduct();
    ProductId two = aProduct();
    String shared = UUID.randomUUID().toString().substring(0, 8);
    ProductImage first = image(one, 0, shared);
    ProductImage second = image(two, 0, shared);
    images().insert(List.of(first));
    images().insert(List.of(second));
    String key = first.files().original().key();

    images().delete(first);
    assertThat(images().isUsed(key)).isTrue();

    images().delete(second);
    assertThat(images().isUsed(key)).isFalse();
  }

  @Test
  void deletingTheProductDeletesItsImages() {
    ProductId product = aProduct();
    ProductImage image = image(product, 0, UUID.randomUUID().toString().substring(0, 8));
    images().insert(List.of(image));

    assertThat(products().deleteIfNeverOrdered(product)).isTrue();

    assertThat(images().imagesOf(product)).isEmpty();
    assertThat(images().isUsed(image.files().original().key())).isFalse();
  }

  @Test
  void refusesImagesOfAnUnknownProduct() {
    ProductId unknown = new ProductId(UUID.randomUUID());

    assertThatThrownBy(() -> images().insert(List.of(image(unknown, 0, "z"))))
        .isInstanceOf(NotFoundException.class);
  }
}
