package dev.duka.adapters.postgres.catalog;

import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.catalog.ImageId;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.ProductImage;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.ImageStorage.Rendition;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import dev.duka.domain.port.out.ProductImageRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Product images in {@code product_images}. All three renditions of an image have the original's
 * media type (the storage keeps one format per picture), so one column holds it. Locks are
 * transaction-scoped advisory locks, so they go with the commit or rollback that ends the work.
 */
public final class JdbiProductImageRepository implements ProductImageRepository {
  private static final String COLUMNS =
      "id, product_id, position, original_key, content_type, width, height, thumbnail_key,"
          + " thumbnail_width, thumbnail_height, medium_key, medium_width, medium_height,"
          + " created_at";
  private static final String PRODUCT_KEY = "product_images_product_id_fkey";

  private final Jdbi jdbi;

  public JdbiProductImageRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The same statement as a page's pictures, for one product. */
  @Override
  public List<ProductImage> imagesOf(ProductId product) {
    return imagesOf(List.of(product)).getOrDefault(product, List.of());
  }

  @Override
  public Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> products) {
    if (products.isEmpty()) {
      return Map.of();
    }
    UUID[] ids = products.stream().map(ProductId::value).distinct().toArray(UUID[]::new);
    List<ProductImage> found =
        Sql.call(
            jdbi,
            h ->
                h.createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM product_images WHERE product_id = ANY(:ids)"
                            + " ORDER BY product_id, position, created_at, id")
                    .bind("ids", ids)
                    .map(JdbiProductImageRepository::image)
                    .list());
    Map<ProductId, List<ProductImage>> byProduct = new LinkedHashMap<>();
    for (ProductImage image : found) {
      byProduct.computeIfAbsent(image.productId(), p -> new ArrayList<>()).add(image);
    }
    return byProduct;
  }

  @Override
  public Optional<ProductImage> find(ProductId product, ImageId id) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM product_images"
                        + " WHERE id = :id AND product_id = :product")
                .bind("id", id.value())
                .bind("product", product.value())
                .map(JdbiProductImageRepository::image)
                .findOne());
  }

  @Override
  public void insert(List<ProductImage> images) {
    if (images.isEmpty()) {
      return;
    }
    ProductId product = images.get(0).productId();
    int from = images.stream().mapToInt(ProductImage::position).min().orElseThrow();
    try {
      Sql.run(
          jdbi,
          h -> {
            h.createUpdate(
                    "UPDATE product_images SET position = position + :by"
                        + " WHERE product_id = :product AND position >= :from")
                .bind("by", images.size())
                .bind("product", product.value())
                .bind("from", from)
                .execute();
            PreparedBatch batch =
                h.prepareBatch(
                    "INSERT INTO product_images ("
                        + COLUMNS
                        + ") VALUES (:id, :product,"
                        + " :position, :original_key, :content_type, :width, :height,"
                        + " :thumbnail_key, :thumbnail_width, :thumbnail_height, :medium_key,"
                        + " :medium_width, :medium_height, :created_at)");
            for (ProductImage image : images) {
              StoredImage files = image.files();
              batch
                  .bind("id", image.id().value())
                  .bind("product", image.productId().value())
                  .bind("position", image.position())
                  .bind("original_key", files.original().key())
                  .bind("content_type", files.original().contentType())
                  .bind("width", files.original().width())
                  .bind("height", files.original().height())
                  .bind("thumbnail_key", files.thumbnail().key())
                  .bind("thumbnail_width", files.thumbnail().width())
                  .bind("thumbnail_height", files.thumbnail().height())
                  .bind("medium_key", files.medium().key())
                  .bind("medium_width", files.medium().width())
                  .bind("medium_height", files.medium().height())
                  .bind("created_at", OffsetDateTime.ofInstant(image.createdAt(), ZoneOffset.UTC))
                  .add();
            }
            batch.execute();
          });
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesForeignKey(failure, PRODUCT_KEY)) {
        throw new NotFoundException("product", product);
      }
      throw failure;
    }
  }

  @Override
  public void delete(ProductImage image) {
    Sql.run(
        jdbi,
        h -> {
          int deleted =
              h.createUpdate("DELETE FROM product_images WHERE id = :id")
                  .bind("id", image.id().value())
                  .execute();
          if (deleted > 0) {
            h.createUpdate(
                    "UPDATE product_images SET position = position - 1"
                        + " WHERE product_id = :product AND position > :position")
                .bind("product", image.productId().value())
                .bind("position", image.position())
                .execute();
          }
        });
  }

  @Override
  public boolean isUsed(String originalKey) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM product_images WHERE original_key = :key)")
                .bind("key", originalKey)
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public void lockImagesOf(ProductId product) {
    lock("product-images:" + product.value());
  }

  @Override
  public void lockContent(String originalKey) {
    lock("image-content:" + originalKey);
  }

  private void lock(String name) {
    Sql.run(
        jdbi,
        h ->
            h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .bind("name", name)
                .mapTo(Integer.class)
                .one());
  }

  private static ProductImage image(ResultSet rs, StatementContext ctx) throws SQLException {
    String type = rs.getString("content_type");
    return new ProductImage(
        new ImageId(rs.getObject("id", UUID.class)),
        new ProductId(rs.getObject("product_id", UUID.class)),
        rs.getInt("position"),
        new StoredImage(
            new Rendition(
                rs.getString("original_key"), type, rs.getInt("width"), rs.getInt("height")),
            new Rendition(
                rs.getString("thumbnail_key"),
                type,
                rs.getInt("thumbnail_width"),
                rs.getInt("thumbnail_height")),
            new Rendition(
                rs.getString("medium_key"),
                type,
                rs.getInt("medium_width"),
                rs.getInt("medium_height"))),
        Sql.instant(rs, "created_at"));
  }
}
