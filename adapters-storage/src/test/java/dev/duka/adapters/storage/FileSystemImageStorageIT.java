package dev.duka.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import dev.duka.domain.error.UnavailableException;
import dev.duka.domain.port.out.ImageStorage.Rendition;
import dev.duka.domain.port.out.ImageStorage.StoredFile;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemImageStorageIT {
  private static final long MAX_BYTES = 2_000_000;

  @TempDir Path root;
  private FileSystemImageStorage storage;

  @BeforeEach
  void openStorage() {
    // Not flushed to disk: a few milliseconds per file on an idle disk, far more on a busy one.
    storage = new FileSystemImageStorage(root, MAX_BYTES, false);
  }

  @Test
  void writesDurablyThroughThePublicConstructor() {
    FileSystemImageStorage durable = new FileSystemImageStorage(root, MAX_BYTES);

    StoredImage image =
        durable.store(TestImages.encode(TestImages.halves(60, 40, Color.RED, Color.BLUE), "jpeg"));

    assertRendition(image.medium(), "image/jpeg", 60, 40);
    assertThat(files()).hasSize(3);
    assertThat(durable.open(image.thumbnail().key())).isPresent();
  }

  @Nested
  class AcceptedFormats {

    @Test
    void storesAJpegAsJpegInThreeSizes() {
      byte[] jpeg = TestImages.encode(TestImages.halves(3000, 2000, Color.RED, Color.BLUE), "jpeg");

      StoredImage image = storage.store(jpeg);

      assertRendition(image.original(), "image/jpeg", 3000, 2000);
      assertRendition(image.medium(), "image/jpeg", 1024, 683);
      assertRendition(image.thumbnail(), "image/jpeg", 320, 213);
      assertLeftRedRightBlue(read(image.medium()));
    }

    @Test
    void storesAPngAsPngAndKeepsItsTransparency() {
      BufferedImage picture = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
      picture.setRGB(0, 0, 200, 300, filled(200 * 300, 0xFF00FF00), 0, 200);

      StoredImage image = storage.store(TestImages.encode(picture, "png"));

      assertRendition(image.original(), "image/png", 400, 300);
      assertRendition(image.medium(), "image/png", 400, 300);
      assertRendition(image.thumbnail(), "image/png", 320, 240);
      BufferedImage thumbnail = read(image.thumbnail());
      assertThat(thumbnail.getRGB(40, 120)).isEqualTo(0xFF00FF00);
      assertThat(thumbnail.getRGB(280, 120) >>> 24).as("alpha on the right").isZero();
    }

    @Test
    void storesTheFirstFrameOfAGifAsPng() {
      byte[] gif = TestImages.encode(TestImages.halves(600, 400, Color.RED, Color.BLUE), "gif");

      StoredImage image = storage.store(gif);

      assertRendition(image.original(), "image/png", 600, 400);
      assertRendition(image.thumbnail(), "image/png", 320, 213);
      assertLeftRedRightBlue(read(image.original()));
    }

    @Test
    void storesALosslessWebpAsPng() {
      byte[] webp = TinyWebp.lossless(TestImages.halves(1100, 700, Color.RED, Color.BLUE));

      StoredImage image = storage.store(webp);

      assertRendition(image.original(), "image/png", 1100, 700);
      assertRendition(image.medium(), "image/png", 1024, 652);
      assertRendition(image.thumbnail(), "image/png", 320, 204);
      assertLeftRedRightBlue(read(image.medium()));
    }

    @Test
    void storesALossyWebpAsJpeg() {
      StoredImage image = storage.store(TinyWebp.LOSSY_1X1);

      assertRendition(image.original(), "image/jpeg", 1, 1);
      assertRendition(image.thumbnail(), "image/jpeg", 1, 1);
    }

    @Test
    void neverEnlargesASmallPicture() {
      byte[] png = TestImages.encode(TestImages.halves(200, 100, Color.RED, Color.BLUE), "png");

      StoredImage image = storage.store(png);

      assertRendition(image.original(), "image/png", 200, 100);
      assertRendition(image.medium(), "image/png", 200, 100);
      assertRendition(image.thumbnail(), "image/png", 200, 100);
    }

    @Test
    void fitsATallPictureByItsHeight() {
      byte[] png = TestImages.encode(TestImages.halves(500, 2000, Color.RED, Color.BLUE), "png");

      StoredImage image = storage.store(png);

      assertRendition(image.medium(), "image/png", 256, 1024);
      assertRendition(image.thumbnail(), "image/png", 80, 320);
    }
  }

  @Nested
  class Orientation {

    @Test
    void turnsAJpegAQuarterClockwiseForOrientation6() {
      byte[] jpeg =
          TestImages.withExif(
              TestImages.encode(TestImages.halves(300, 200, Color.RED, Color.BLUE), "jpeg"),
              TestImages.exif(6));

      StoredImage image = storage.store(jpeg);

      // The stored left half (red) is the top of the scene.
      assertRendition(image.original(), "image/jpeg", 200, 300);
      assertRendition(image.medium(), "image/jpeg", 200, 300);
      BufferedImage medium = read(image.medium());
      assertThat(medium.getWidth()).isEqualTo(200);
      assertThat(medium.getHeight()).isEqualTo(300);
      assertReddish(medium.getRGB(100, 40));
      assertBluish(medium.getRGB(100, 260));
    }

    @Test
    void turnsAJpegAQuarterCounterclockwiseForOrientation8() {
      byte[] jpeg =
          TestImages.withExif(
              TestImages.encode(TestImages.halves(1500, 1000, Color.RED, Color.BLUE), "jpeg"),
              TestImages.exif(8));

      StoredImage image = storage.store(jpeg);

      assertRendition(image.medium(), "image/jpeg", 683, 1024);
      assertRendition(image.thumbnail(), "image/jpeg", 213, 320);
      BufferedImage thumbnail = read(image.thumbnail());
      assertBluish(thumbnail.getRGB(100, 40));
      assertReddish(thumbnail.getRGB(100, 280));
    }

    @Test
    void turnsAJpegHalfAroundForOrientation3() {
      byte[] jpeg =
          TestImages.withExif(
              TestImages.encode(TestImages.halves(300, 200, Color.RED, Color.BLUE), "jpeg"),
              TestImages.exif(3));

      BufferedImage original = read(storage.store(jpeg).original());

      assertThat(original.getWidth()).isEqualTo(300);
      assertBluish(original.getRGB(40, 100));
      assertReddish(original.getRGB(260, 100));
    }

    @Test
    void turnsAPngUprightByItsExifChunk() {
      byte[] png =
          TestImages.withChunkAfterHeader(
              TestImages.encode(TestImages.halves(300, 200, Color.RED, Color.BLUE), "png"),
              "eXIf",
              TestImages.exif(6));

      StoredImage image = storage.store(png);

      assertRendition(image.original(), "image/png", 200, 300);
      BufferedImage original = read(image.original());
      assertThat(original.getRGB(100, 40)).isEqualTo(0xFFFF0000);
      assertThat(original.getRGB(100, 260)).isEqualTo(0xFF0000FF);
    }
  }

  @Nested
  class Metadata {

    @Test
    void noStoredFileKeepsTheCamerasExif() {
      byte[] jpeg =
          TestImages.withExif(
              TestImages.encode(TestImages.halves(1600, 1200, Color.RED, Color.BLUE), "jpeg"),
              TestImages.exif(1));
      assertThat(TestImages.contains(jpeg, TestImages.SECRET)).as("the upload has it").isTrue();

      StoredImage image = storage.store(jpeg);

      for (Rendition rendition : renditions(image)) {
        byte[] stored = bytes(rendition);
        assertThat(TestImages.contains(stored, "Exif")).as(rendition.key()).isFalse();
        assertThat(TestImages.contains(stored, TestImages.SECRET)).as(rendition.key()).isFalse();
        assertThat(stored[2] & 0xFF).as("first marker after SOI").isNotEqualTo(0xE1);
      }
    }

    @Test
    void noStoredPngKeepsItsExifChunk() {
      byte[] png =
          TestImages.withChunkAfterHeader(
              TestImages.encode(TestImages.halves(300, 200, Color.RED, Color.BLUE), "png"),
              "eXIf",
              TestImages.exif(1));

      StoredImage image = storage.store(png);

      for (Rendition rendition : renditions(image)) {
        byte[] stored = bytes(rendition);
        assertThat(TestImages.contains(stored, "eXIf")).as(rendition.key()).isFalse();
        assertThat(TestImages.contains(stored, TestImages.SECRET)).as(rendition.key()).isFalse();
      }
    }
  }

  @Nested
  class Keys {

    @Test
    void nameEachFileByTheHashOfTheUpload() {
      byte[] jpeg = TestImages.encode(TestImages.halves(600, 400, Color.RED, Color.BLUE), "jpeg");
      String hash = sha256(jpeg);

      StoredImage image = storage.store(jpeg);

      assertThat(image.original().key()).isEqualTo(hash + "-original.jpg");
      assertThat(image.medium().key()).isEqualTo(hash + "-medium.jpg");
      assertThat(image.thumbnail().key()).isEqualTo(hash + "-thumbnail.jpg");
      assertThat(root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)))
          .isDirectoryContaining(
              path -> path.getFileName().toString().equals(hash + "-medium.jpg"));
    }

    @Test
    void storingTheSameBytesAgainGivesTheSameKeysAndWritesNothing() throws IOException {
      byte[] png = TestImages.encode(TestImages.halves(1100, 700, Color.RED, Color.BLUE), "png");
      StoredImage first = storage.store(png);
      List<Object> filesBefore = fileIdentities();

      StoredImage second = storage.store(png);

      assertThat(second).isEqualTo(first);
      assertThat(fileIdentities()).isEqualTo(filesBefore);
    }

    @Test
    void concurrentUploadsOfTheSameBytesShareWholeFiles() throws Exception {
      byte[] jpeg = TestImages.encode(TestImages.halves(1100, 700, Color.RED, Color.BLUE), "jpeg");
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredImage>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          uploads.add(
              threads.submit(
                  () -> {
                    start.await();
                    return storage.store(jpeg);
                  }));
        }
        start.countDown();

        StoredImage first = uploads.get(0).get(30, TimeUnit.SECONDS);
        for (Future<StoredImage> upload : uploads) {
          assertThat(upload.get(30, TimeUnit.SECONDS)).isEqualTo(first);
        }
        assertThat(files()).hasSize(3);
        for (Rendition rendition : renditions(first)) {
          read(rendition);
        }
      } finally {
        threads.shutdownNow();
      }
    }

    @Test
    void leavesNoTemporaryFiles() {
      storage.store(TestImages.encode(TestImages.halves(400, 300, Color.RED, Color.BLUE), "jpeg"));
      storage.store(TestImages.encode(TestImages.halves(400, 300, Color.GREEN, Color.BLUE), "png"));
      storage.store(TinyWebp.LOSSY_1X1);

      assertThat(files())
          .hasSize(9)
          .noneMatch(path -> path.getFileName().toString().endsWith(".tmp"));
    }
  }

  @Nested
  class Refusals {

    static Stream<Arguments> refusedFiles() throws IOException {
      byte[] jpeg = TestImages.encode(TestImages.halves(600, 400, Color.RED, Color.BLUE), "jpeg");
      byte[] png = TestImages.encode(TestImages.halves(600, 400, Color.RED, Color.BLUE), "png");
      return Stream.of(
          Arguments.of(
              "text, whatever its name",
              "name,price\nTee,19990\n".getBytes(StandardCharsets.UTF_8),
              "not a JPEG, PNG, WebP or GIF image"),
          Arguments.of(
              "an SVG",
              ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                      + "<rect width=\"10\" height=\"10\"/></svg>")
                  .getBytes(StandardCharsets.UTF_8),
              "the file is an SVG image; only JPEG, PNG, WebP and GIF images are accepted"),
          Arguments.of("a ZIP", zipHolding(png), "the file is a ZIP archive"),
          Arguments.of(
              "a truncated JPEG",
              Arrays.copyOf(jpeg, jpeg.length * 2 / 3),
              "the JPEG image is damaged or incomplete"),
          Arguments.of(
              "a truncated PNG",
              Arrays.copyOf(png, png.length - 30),
              "the PNG image is damaged or incomplete"),
          Arguments.of("an empty file", new byte[0], "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void refusesWhatIsNotAWholeAcceptedImageAndWritesNothing(
        String what, byte[] content, String message) {
      assertThatThrownBy(() -> storage.store(content))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining(message);
      assertThat(files()).isEmpty();
    }

    @Test
    void refusesAPixelFloodFromItsHeaderWithoutDecodingIt() {
      byte[] flood = TestImages.pngClaiming(50_000, 50_000);
      assertThat(flood.length).as("a few hundred bytes").isLessThan(1_000);
      var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
      long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
      long started = System.nanoTime();

      assertThatThrownBy(() -> storage.store(flood))
          .isInstanceOf(TooLargeException.class)
          .hasMessage(
              "the image is 50000 x 50000 pixels (2500 megapixels);"
                  + " at most 40 megapixels are accepted");

      long millis = (System.nanoTime() - started) / 1_000_000;
      long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
      assertThat(millis).as("milliseconds").isLessThan(1_000);
      assertThat(allocated).as("bytes allocated (10 GB if decoded)").isLessThan(16_000_000);
      assertThat(files()).isEmpty();
    }

    @Test
    void refusesAFileOverTheByteLimitBeforeLookingAtIt() {
      FileSystemImageStorage small = new FileSystemImageStorage(root, 10_000, false);
      byte[] png = TestImages.encode(noise(200, 200), "png");
      assertThat(png.length).isGreaterThan(10_000);

      assertThatThrownBy(() -> small.store(png))
          .isInstanceOf(TooLargeException.class)
          .hasMessage("the file has " + png.length + " bytes; at most 10000 are accepted");
      assertThat(files()).isEmpty();
    }

    @Test
    void removesWhatItWroteWhenALaterFileFails() throws IOException {
      byte[] png = TestImages.encode(TestImages.halves(1100, 700, Color.RED, Color.BLUE), "png");
      String hash = sha256(png);
      Path fanOut = root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4));
      // A directory where the medium must go makes its rename fail after the original is written.
      Path blocker = Files.createDirectories(fanOut.resolve(hash + "-medium.png"));

      assertThatThrownBy(() -> storage.store(png))
          .isInstanceOf(UnavailableException.class)
          .hasMessage("the image could not be stored; try again later");

      assertThat(files()).isEmpty();
      try (Stream<Path> left = Files.list(fanOut)) {
        assertThat(left).containsExactly(blocker);
      }
    }
  }

  @Nested
  class Serving {

    @Test
    void opensAStoredFileWithItsTypeAndSize() throws IOException {
      StoredImage image =
          storage.store(
              TestImages.encode(TestImages.halves(600, 400, Color.RED, Color.BLUE), "png"));

      StoredFile file = storage.open(image.thumbnail().key()).orElseThrow();

      byte[] onDisk = Files.readAllBytes(pathOf(image.thumbnail()));
      assertThat(file.contentType()).isEqualTo("image/png");
      assertThat(file.size()).isEqualTo(onDisk.length);
      try (InputStream stream = file.openStream()) {
        assertThat(stream.readAllBytes()).isEqualTo(onDisk);
      }
    }

    @Test
    void findsNothingUnderAWellFormedKeyThatWasNeverStored() {
      assertThat(storage.open("0".repeat(64) + "-original.jpg")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "../etc/passwd",
          "..%2F..%2Fsecret",
          "%2e%2e%2f%2e%2e%2fsecret",
          "/etc/passwd",
          "a\\b",
          "..\\..\\secret",
          "key\u0000.jpg",
          "....//....//etc/passwd",
          "",
          " ",
        })
    void findsNothingForATraversalAttempt(String key) {
      assertThat(storage.open(key)).isEmpty();
    }

    @Test
    void findsNothingForAnOverlongKeyOrNone() {
      assertThat(storage.open("a".repeat(100_000))).isEmpty();
      assertThat(storage.open(null)).isEmpty();
    }

    @Test
    void findsNothingForAStoredKeyDressedAsAPath() {
      StoredImage image =
          storage.store(TestImages.encode(TestImages.halves(60, 40, Color.RED, Color.BLUE), "png"));
      String key = image.original().key();

      assertThat(storage.open(key)).isPresent();
      assertThat(storage.open("./" + key)).isEmpty();
      assertThat(storage.open(key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key))
          .isEmpty();
      assertThat(storage.open(key + "/")).isEmpty();
      assertThat(storage.open(key.toUpperCase(Locale.ROOT))).isEmpty();
    }

    @Test
    void doesNotFollowASymbolicLinkPlantedUnderAKey(@TempDir Path elsewhere) throws IOException {
      Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "password");
      String key = "ab".repeat(32) + "-original.png";
      Path planted = root.resolve("ab").resolve("ab").resolve(key);
      Files.createDirectories(planted.getParent());
      Files.createSymbolicLink(planted, secret);

      assertThat(storage.open(key)).isEmpty();
    }
  }

  @Nested
  class Deleting {

    @Test
    void removesTheThreeFilesOfAnImage() {
      StoredImage image =
          storage.store(
              TestImages.encode(TestImages.halves(1600, 1200, Color.RED, Color.BLUE), "jpeg"));
      StoredImage other =
          storage.store(
              TestImages.encode(TestImages.halves(600, 400, Color.RED, Color.BLUE), "png"));

      storage.delete(image);

      for (Rendition rendition : renditions(image)) {
        assertThat(storage.open(rendition.key())).as(rendition.key()).isEmpty();
      }
      assertThat(files()).hasSize(3);
      assertThat(storage.open(other.medium().key())).isPresent();
    }

    @Test
    void ignoresKeysThatAreUnknownOrMalformed() {
      StoredImage kept =
          storage.store(TestImages.encode(TestImages.halves(60, 40, Color.RED, Color.BLUE), "png"));
      Rendition unknown = new Rendition("0".repeat(64) + "-original.png", "image/png", 1, 1);
      Rendition hostile = new Rendition("../../etc/passwd", "image/png", 1, 1);

      storage.delete(new StoredImage(unknown, hostile, unknown));

      assertThat(files()).hasSize(3);
      assertThat(storage.open(kept.original().key())).isPresent();
    }
  }

  private static void assertRendition(Rendition rendition, String type, int width, int height) {
    assertThat(rendition.contentType()).as(rendition.key()).isEqualTo(type);
    assertThat(rendition.width()).as("width of " + rendition.key()).isEqualTo(width);
    assertThat(rendition.height()).as("height of " + rendition.key()).isEqualTo(height);
  }

  private void assertLeftRedRightBlue(BufferedImage image) {
    int y = image.getHeight() / 2;
    assertReddish(image.getRGB(image.getWidth() / 8, y));
    assertBluish(image.getRGB(image.getWidth() * 7 / 8, y));
  }

  private static void assertReddish(int rgb) {
    assertThat(new Color(rgb)).matches(c -> c.getRed() > 200 && c.getBlue() < 60, "reddish");
  }

  private static void assertBluish(int rgb) {
    assertThat(new Color(rgb)).matches(c -> c.getBlue() > 200 && c.getRed() < 60, "bluish");
  }

  private BufferedImage read(Rendition rendition) {
    BufferedImage image = TestImages.decode(bytes(rendition));
    assertThat(image.getWidth())
        .as("stored width of " + rendition.key())
        .isEqualTo(rendition.width());
    assertThat(image.getHeight())
        .as("stored height of " + rendition.key())
        .isEqualTo(rendition.height());
    return image;
  }

  private byte[] bytes(Rendition rendition) {
    try (InputStream stream = storage.open(rendition.key()).orElseThrow().openStream()) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pathOf(Rendition rendition) {
    String key = rendition.key();
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  private static List<Rendition> renditions(StoredImage image) {
    return List.of(image.original(), image.medium(), image.thumbnail());
  }

  /** Every regular file under the root, temporary ones included. */
  private List<Path> files() {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each file's inode and modification time: a rewrite (temporary file, rename) changes both. */
  private List<Object> fileIdentities() throws IOException {
    List<Object> identities = new ArrayList<>();
    for (Path file : files()) {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      identities.add(List.of(file, attributes.fileKey(), attributes.lastModifiedTime()));
    }
    return identities;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int[] filled(int length, int argb) {
    int[] pixels = new int[length];
    Arrays.fill(pixels, argb);
    return pixels;
  }

  /** A picture PNG cannot compress, so its file is large. */
  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return image;
  }

  private static byte[] zipHolding(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("photo.png"));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
