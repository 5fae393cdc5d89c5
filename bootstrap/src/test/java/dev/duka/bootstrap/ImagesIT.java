package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.rest.testing.ApiResponse;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.user.Role;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Product images end to end: real multipart requests to the server as wired for production, real
 * files under UPLOADS_DIR, real rows in PostgreSQL, and every response checked against
 * docs/openapi.yaml. Whatever is refused must leave the disk and the database as they were.
 */
class ImagesIT {
  private static final int MAX_UPLOAD_BYTES = 300_000;

  /** A 1×1 lossy WebP, the feature-detection sample of Google's WebP FAQ. */
  private static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static TestShop shop;
  static Path uploads;
  static ApiClient admin;
  static ApiClient customer;

  @BeforeAll
  static void start() throws Exception {
    uploads = Files.createTempDirectory("duka-uploads");
    shop =
        TestShop.start(
            Map.of(
                "UPLOADS_DIR",
                uploads.toString(),
                "MAX_UPLOAD_BYTES",
                Integer.toString(MAX_UPLOAD_BYTES)));
    admin = shop.api.withToken(shop.signIn(Role.ADMIN));
    customer = shop.api.withToken(shop.signIn(Role.USER));
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  // --- pictures -------------------------------------------------------------------------------

  private static BufferedImage halves(int width, int height, Color left, Color right) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(left);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(right);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertThat(ImageIO.write(image, format, out)).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] picture(int width, int height, String format) {
    return encode(halves(width, height, Color.RED, Color.BLUE), format);
  }

  private static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(image).as("a decodable picture").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG whose EXIF block says "rotate 90° clockwise to show it" (orientation 6). */
  private static byte[] jpegRotatedByExif(int width, int height) {
    byte[] jpeg = picture(width, height, "jpg");
    byte[] tiff = {
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // big-endian TIFF, first directory at 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      6,
      0,
      0, // Orientation, SHORT, 1 value: 6
      0,
      0,
      0,
      0 // no next directory
    };
    byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + exif.length + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(exif);
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A well-formed PNG whose header claims {@code width}×{@code height} pixels. */
  private static byte[] pngClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0);
    header.put((byte) 0).put((byte) 0);
    out.writeBytes(chunk("IHDR", header.array()));
    out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1}));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(name)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  private static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("photo.jpg"));
      zip.write(picture(20, 20, "jpg"));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // --- the shop as it stands ------------------------------------------------------------------

  /** The image rows, product rows and stored files: what a refused request must not change. */
  private record Snapshot(long imageRows, long products, List<String> files) {}

  private static Snapshot snapshot() {
    try (Stream<Path> walk = Files.walk(uploads)) {
      return new Snapshot(
          shop.count("product_images"),
          shop.count("products"),
          walk.filter(Files::isRegularFile)
              .map(p -> uploads.relativize(p).toString())
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiResponse upload(ApiClient as, ProductId product, MultipartBody body) {
    return as.sendBytes(
        "POST", "/api/v1/products/" + product + "/images", body.bytes(), body.contentType());
  }

  /** Uploads one picture to the product as an administrator; returns its image. */
  private static JsonNode onlyImage(ProductId product, byte[] picture) {
    ApiResponse added =
        upload(admin, product, new MultipartBody().file("files", "a.png", "image/png", picture));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    JsonNode images = added.json().path("images");
    return images.get(images.size() - 1);
  }

  private static HttpResponse<byte[]> download(String url, String... headers) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.app.port() + url));
      if (headers.length > 0) {
        request.headers(headers);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(ApiResponse response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  // --- tests ----------------------------------------------------------------------------------

  @Test
  void eachAcceptedFormatRoundTripsInThreeSizes() {
    ProductId product = shop.product("25000", 5);
    byte[] png = picture(1600, 800, "png");

    ApiResponse created =
        upload(
            admin,
            product,
            new MultipartBody()
                .file("files", "a.png", "image/png", png)
                .file("files", "b.jpg", "image/jpeg", picture(640, 480, "jpg"))
                .file("files", "c.gif", "image/gif", picture(100, 50, "gif"))
                .file("files", "d.webp", "image/webp", WEBP));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode images = created.json().path("images");
    assertThat(images).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(images.get(i).path("position").asInt()).isEqualTo(i);
    }
    JsonNode first = images.get(0);
    assertThat(first.path("original").path("width").asInt()).isEqualTo(1600);
    assertThat(first.path("medium").path("width").asInt()).isEqualTo(1024);
    assertThat(first.path("medium").path("height").asInt()).isEqualTo(512);
    assertThat(first.path("thumbnail").path("width").asInt()).isEqualTo(320);
    assertThat(first.path("thumbnail").path("height").asInt()).isEqualTo(160);

    List<String> types = List.of("image/png", "image/jpeg", "image/png", "image/jpeg");
    for (int i = 0; i < 4; i++) {
      for (String size : List.of("original", "medium", "thumbnail")) {
        JsonNode rendition = images.get(i).path(size);
        HttpResponse<byte[]> file = download(rendition.path("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains(types.get(i));
        BufferedImage decoded = decode(file.body());
        assertThat(decoded.getWidth()).isEqualTo(rendition.path("width").asInt());
        assertThat(decoded.getHeight()).isEqualTo(rendition.path("height").asInt());
      }
    }
    JsonNode shown = shop.api.get("/api/v1/products/" + product).json();
    assertThat(shown.path("images")).isEqualTo(images);
  }

  @Test
  void exifOrientationIsAppliedAndMetadataStripped() {
    ProductId product = shop.product("25000", 5);

    ApiResponse created =
        upload(
            admin,
            product,
            new MultipartBody()
                .file("files", "phone.jpg", "image/jpeg", jpegRotatedByExif(400, 200)));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode original = created.json().path("images").get(0).path("original");
    assertThat(original.path("width").asInt()).isEqualTo(200);
    assertThat(original.path("height").asInt()).isEqualTo(400);
    byte[] served = download(original.path("url").asText()).body();
    assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    BufferedImage upright = decode(served);
    // Red was on the left; turned a quarter clockwise it is on top.
    assertThat(new Color(upright.getRGB(100, 20)).getRed()).isGreaterThan(200);
    assertThat(new Color(upright.getRGB(100, 380)).getBlue()).isGreaterThan(200);
  }

  @Test
  void filesAreServedWithLongCacheHeadersAndAnEtag() {
    ProductId product = shop.product("25000", 5);
    JsonNode image = onlyImage(product, picture(60, 40, "png"));
    String url = image.path("thumbnail").path("url").asText();

    ApiResponse served = shop.api.get(url);

    assertThat(served.status()).isEqualTo(200);
    assertThat(served.header("Cache-Control")).contains("public, max-age=31536000, immutable");
    assertThat(served.header("X-Content-Type-Options")).contains("nosniff");
    String etag = served.header("ETag").orElseThrow();
    ApiResponse again = shop.api.withHeader("If-None-Match", etag).get(url);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void refusedUploadsLeaveNothingOnDiskOrInTheDatabase() {
    ProductId product = shop.product("25000", 5);
    byte[] jpeg = picture(300, 200, "jpg");
    Map<String, byte[]> bad =
        Map.of(
            "a text file named .jpg",
            "just some words, not a picture".getBytes(StandardCharsets.UTF_8),
            "a truncated JPEG",
            Arrays.copyOf(jpeg, jpeg.length / 2),
            "a zip",
            zip(),
            "an SVG",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
    Snapshot before = snapshot();

    bad.forEach(
        (what, bytes) -> {
          ApiResponse refused =
              upload(
                  admin,
                  product,
                  new MultipartBody()
                      .file("files", "good.png", "image/png", picture(90, 60, "png"))
                      .file("files", "photo.jpg", "image/jpeg", bytes));
          assertProblem(refused, 400);
          assertThat(refused.json().path("errors").toString()).as(what).contains("files");
          assertThat(snapshot()).as(what).isEqualTo(before);
        });
  }

  @Test
  void aPixelFloodAndAnOversizedFileAre413AndLeaveNothing() {
    ProductId product = shop.product("25000", 5);
    byte[] huge = new byte[MAX_UPLOAD_BYTES + 1];
    System.arraycopy(picture(10, 10, "jpg"), 0, huge, 0, 100);
    Snapshot before = snapshot();

    ApiResponse flood =
        upload(
            admin,
            product,
            new MultipartBody().file("files", "big.png", "image/png", pngClaiming(50_000, 50_000)));
    ApiResponse oversized =
        upload(admin, product, new MultipartBody().file("files", "big.jpg", "image/jpeg", huge));

    assertProblem(flood, 413);
    assertProblem(oversized, 413);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aProductWithImagesIsCreatedWhole() {
    String category =
        shop.api
            .get("/api/v1/products/" + shop.product("100", 1))
            .json()
            .path("category_id")
            .asText();
    MultipartBody body =
        new MultipartBody()
            .json(
                "product",
                "{\"name\":\"Kikapu cha ukili\",\"price\":\"18000.00\",\"stock\":4,"
                    + "\"category_id\":\""
                    + category
                    + "\"}")
            .file("files", "1.jpg", "image/jpeg", picture(500, 400, "jpg"))
            .file("files", "2.png", "image/png", picture(400, 500, "png"));

    ApiResponse created =
        admin.sendBytes("POST", "/api/v1/products/with-images", body.bytes(), body.contentType());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("name").asText()).isEqualTo("Kikapu cha ukili");
    assertThat(created.json().path("images")).hasSize(2);
    assertThat(created.json().path("stock").asInt()).isEqualTo(4);
  }

  @Test
  void aProductWithOneBadImageIsRolledBackWhole() {
    String category =
        shop.api
            .get("/api/v1/products/" + shop.product("100", 1))
            .json()
            .path("category_id")
            .asText();
    String sku = "KIK-" + System.nanoTime() % 100000;
    Snapshot before = snapshot();

    ApiResponse badImage = withImages(category, sku, picture(300, 300, "png"), "<svg/>".getBytes());
    assertProblem(badImage, 400);
    assertThat(snapshot()).isEqualTo(before);

    ApiResponse badProduct =
        withImages(null, sku, picture(300, 300, "png"), picture(30, 30, "png"));
    assertProblem(badProduct, 400);
    assertThat(snapshot()).isEqualTo(before);

    // The images are stored and the product written before the SKU turns out to be taken.
    ApiResponse first = withImages(category, sku, picture(64, 64, "png"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Snapshot withFirst = snapshot();
    ApiResponse taken = withImages(category, sku, picture(300, 301, "png"), picture(64, 64, "png"));
    assertProblem(taken, 409);
    assertThat(snapshot()).isEqualTo(withFirst);
  }

  private static ApiResponse withImages(String category, String sku, byte[]... files) {
    MultipartBody body =
        new MultipartBody()
            .json(
                "product",
                "{\"name\":\"Kikapu\",\"price\":\"9000\",\"stock\":2,\"sku\":\""
                    + sku
                    + "\",\"category_id\":"
                    + (category == null ? "null" : "\"" + category + "\"")
                    + "}");
    for (byte[] file : files) {
      body.file("files", "x.png", "image/png", file);
    }
    return admin
        .responsesOnly()
        .sendBytes("POST", "/api/v1/products/with-images", body.bytes(), body.contentType());
  }

  @Test
  void deletingAnImageRemovesFilesNoOtherImageUses() {
    ProductId product = shop.product("25000", 5);
    byte[] shared = picture(120, 80, "png");
    byte[] own = picture(80, 120, "png");
    JsonNode images =
        upload(
                admin,
                product,
                new MultipartBody()
                    .file("files", "a.png", "image/png", shared)
                    .file("files", "b.png", "image/png", own)
                    .file("files", "c.png", "image/png", shared))
            .json()
            .path("images");
    String ownUrl = images.get(1).path("original").path("url").asText();
    String sharedUrl = images.get(0).path("original").path("url").asText();

    ApiResponse deleted =
        admin.delete(
            "/api/v1/products/" + product + "/images/" + images.get(1).path("id").asText());
    ApiResponse deletedShared =
        admin.delete(
            "/api/v1/products/" + product + "/images/" + images.get(0).path("id").asText());

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deletedShared.status()).isEqualTo(204);
    assertThat(download(ownUrl).statusCode()).isEqualTo(404);
    assertThat(download(sharedUrl).statusCode()).as("still used by the third").isEqualTo(200);
    JsonNode left = shop.api.get("/api/v1/products/" + product).json().path("images");
    assertThat(left).hasSize(1);
    assertThat(left.get(0).path("position").asInt()).isZero();
    assertThat(left.get(0).path("id")).isEqualTo(images.get(2).path("id"));
  }

  @Test
  void deletingAProductRemovesItsFiles() {
    ProductId product = shop.product("25000", 5);
    String url = onlyImage(product, picture(33, 44, "png")).path("medium").path("url").asText();
    assertThat(download(url).statusCode()).isEqualTo(200);

    assertThat(admin.delete("/api/v1/products/" + product).status()).isEqualTo(204);

    assertThat(download(url).statusCode()).isEqualTo(404);
  }

  @Test
  void imagesAreAddedAtAPosition() {
    ProductId product = shop.product("25000", 5);
    upload(
        admin,
        product,
        new MultipartBody()
            .file("files", "a.png", "image/png", picture(10, 10, "png"))
            .file("files", "b.png", "image/png", picture(20, 20, "png")));

    ApiResponse added =
        upload(
            admin,
            product,
            new MultipartBody()
                .field("position", "1")
                .file("files", "c.png", "image/png", picture(30, 30, "png")));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().path("images").findValues("original"))
        .extracting(n -> n.path("width").asInt())
        .containsExactly(10, 30, 20);
  }

  @Test
  void onlyAdministratorsChangeImagesAndTheyCannotReachOtherProductsImages() {
    ProductId product = shop.product("25000", 5);
    ProductId other = shop.product("25000", 5);
    String image = onlyImage(product, picture(10, 12, "png")).path("id").asText();
    Snapshot before = snapshot();
    MultipartBody body =
        new MultipartBody().file("files", "a.png", "image/png", picture(12, 10, "png"));

    ApiClient anonymous = shop.api.responsesOnly();
    assertProblem(upload(anonymous, product, body), 401);
    assertProblem(upload(customer, product, body), 403);
    assertProblem(
        anonymous.sendBytes(
            "POST", "/api/v1/products/with-images", body.bytes(), body.contentType()),
        401);
    assertProblem(
        customer.sendBytes(
            "POST", "/api/v1/products/with-images", body.bytes(), body.contentType()),
        403);
    assertProblem(anonymous.delete("/api/v1/products/" + product + "/images/" + image), 401);
    assertProblem(customer.delete("/api/v1/products/" + product + "/images/" + image), 403);
    assertProblem(admin.delete("/api/v1/products/" + other + "/images/" + image), 404);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void malformedRequestsAreRefusedWithClearProblems() {
    ProductId product = shop.product("25000", 5);
    ApiClient raw = admin.responsesOnly();
    Snapshot before = snapshot();
    MultipartBody eleven = new MultipartBody();
    for (int i = 0; i < 11; i++) {
      eleven.file("files", i + ".png", "image/png", picture(10 + i, 10, "png"));
    }

    ApiResponse tooMany = upload(raw, product, eleven);
    ApiResponse none = upload(raw, product, new MultipartBody().field("position", "0"));
    ApiResponse stranger =
        upload(
            raw,
            product,
            new MultipartBody()
                .file("files", "a.png", "image/png", picture(10, 10, "png"))
                .field("price", "1"));
    ApiResponse badPosition =
        upload(
            raw,
            product,
            new MultipartBody()
                .field("position", "-1")
                .file("files", "a.png", "image/png", picture(10, 10, "png")));
    ApiResponse json =
        raw.post("/api/v1/products/" + product + "/images", "{\"files\":[\"aGk=\"]}");
    ApiResponse unknownProduct =
        upload(
            raw,
            new ProductId(java.util.UUID.randomUUID()),
            new MultipartBody().file("files", "a.png", "image/png", picture(10, 10, "png")));

    assertProblem(tooMany, 400);
    assertThat(tooMany.json().toString()).contains("at most 10");
    assertProblem(none, 400);
    assertProblem(stranger, 400);
    assertThat(stranger.json().toString()).contains("price");
    assertProblem(badPosition, 400);
    assertProblem(json, 415);
    assertProblem(unknownProduct, 404);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void traversalAndUnknownKeysAre404() {
    for (String path :
        List.of(
            "/uploads/..%2F..%2Fetc%2Fpasswd",
            "/uploads/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/uploads/..%5c..%5cwindows",
            "/uploads/..",
            "/uploads/" + "0".repeat(64) + "-original.jpg",
            "/uploads/" + "a".repeat(300))) {
      assertThat(download(path).statusCode()).as(path).isEqualTo(404);
    }
  }
}
