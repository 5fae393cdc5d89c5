package dev.duka.domain.testing;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import dev.duka.domain.error.UnavailableException;
import dev.duka.domain.port.out.ImageStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images in memory. It cannot decode pictures, so an "image" here is the text {@link #image(int,
 * int)} makes, such as {@code "image 2000x1500"}; anything else is refused as not an image. Keys,
 * rendition sizes and limits follow the filesystem storage: a SHA-256 of the bytes, a medium of at
 * most 1024 px and a thumbnail of at most 320 px on the longer side, never enlarged.
 */
public final class InMemoryImageStorage implements ImageStorage {
  private static final Pattern IMAGE = Pattern.compile("image (\\d{1,5})x(\\d{1,5})");
  private static final long MAX_PIXELS = 40_000_000L;

  private final long maxBytes;
  private final Map<String, byte[]> files = new HashMap<>();
  private int failingStores;

  public InMemoryImageStorage(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The bytes of an acceptable image of the given size. */
  public static byte[] image(int width, int height) {
    return ("image " + width + "x" + height).getBytes(StandardCharsets.US_ASCII);
  }

  /** The next {@code count} stores fail as a full disk would. */
  public synchronized void failNextStores(int count) {
    failingStores = count;
  }

  /** How many files are kept. */
  public synchronized int fileCount() {
    return files.size();
  }

  /** True when a file is kept under the key. */
  public synchronized boolean has(String key) {
    return files.containsKey(key);
  }

  /** Removes one file behind the port's back, as a racing delete would. */
  public synchronized void lose(String key) {
    files.remove(key);
  }

  @Override
  public synchronized StoredImage store(byte[] content) {
    if (content.length > maxBytes) {
      throw new TooLargeException("an image may have at most " + maxBytes + " bytes");
    }
    Matcher m = IMAGE.matcher(new String(content, StandardCharsets.US_ASCII));
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
      throw new InvalidValueException("files", "is not a JPEG, PNG, WebP or GIF image");
    }
    int width = Integer.parseInt(m.group(1));
    int height = Integer.parseInt(m.group(2));
    if ((long) width * height > MAX_PIXELS) {
      throw new TooLargeException("an image may have at most 40 megapixels");
    }
    if (failingStores > 0) {
      failingStores--;
      throw new UnavailableException(
          "the image storage cannot be written", new IOException("No space left on device"));
    }
    String hash = sha256(content);
    StoredImage image =
        new StoredImage(
            rendition(hash, "original", width, height, Integer.MAX_VALUE),
            rendition(hash, "thumbnail", width, height, 320),
            rendition(hash, "medium", width, height, 1024));
    for (Rendition r : new Rendition[] {image.original(), image.thumbnail(), image.medium()}) {
      files.put(r.key(), (r.width() + "x" + r.height()).getBytes(StandardCharsets.US_ASCII));
    }
    return image;
  }

  @Override
  public synchronized Optional<StoredFile> open(String key) {
    byte[] bytes = files.get(key);
    if (bytes == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredFile() {
          @Override
          public String contentType() {
            return "image/jpeg";
          }

          @Override
          public long size() {
            return bytes.length;
          }

          @Override
          public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
          }
        });
  }

  @Override
  public synchronized void delete(StoredImage image) {
    files.remove(image.original().key());
    files.remove(image.thumbnail().key());
    files.remove(image.medium().key());
  }

  private static Rendition rendition(String hash, String size, int width, int height, int bound) {
    double scale = Math.min(1.0, (double) bound / Math.max(width, height));
    return new Rendition(
        hash + "-" + size + ".jpg",
        "image/jpeg",
        Math.max(1, (int) Math.round(width * scale)),
        Math.max(1, (int) Math.round(height * scale)));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }
}
