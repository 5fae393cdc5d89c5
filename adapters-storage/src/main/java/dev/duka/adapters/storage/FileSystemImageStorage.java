package dev.duka.adapters.storage;

import dev.duka.adapters.storage.ImageKey.Variant;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import dev.duka.domain.error.UnavailableException;
import dev.duka.domain.port.out.ImageStorage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Product images as files under one root directory ({@code UPLOADS_DIR}).
 *
 * <p>An upload is checked by its content (signature, pixel count from the header, structure, full
 * decode), turned upright by its EXIF orientation, and re-encoded three times: the original size, a
 * medium of at most {@value #MEDIUM} pixels on its longer side and a thumbnail of at most {@value
 * #THUMBNAIL}, never enlarged. Re-encoding drops every byte of metadata, so no camera's GPS
 * position is ever served. JPEG and lossy WebP photos are stored as JPEG; PNG, GIF (first frame)
 * and other WebP as PNG.
 *
 * <p>Keys are {@code <sha256 of the upload>-<original|medium|thumbnail>.<jpg|png>}: one URL path
 * segment, stored two fan-out directories down ({@code ab/cd/abcd...-medium.jpg}). Each file is
 * written to a temporary file beside its final name, flushed to disk and renamed atomically, so a
 * reader sees a whole file or none; a file that exists already is not written again. If a later
 * file of the same upload fails, the files this call wrote are removed.
 */
public final class FileSystemImageStorage implements ImageStorage {
  /** The longer side of the medium rendition, in pixels. */
  public static final int MEDIUM = 1024;

  /** The longer side of the thumbnail, in pixels. */
  public static final int THUMBNAIL = 320;

  /**
   * Decoding a 40-megapixel upload holds about half a gigabyte until its three files are written;
   * two at a time keep a batch upload from exhausting the heap, and both cores busy.
   */
  private static final int CONCURRENT_DECODES = 2;

  /** Uploads of the same bytes write the same files, so they take turns (per hash stripe). */
  private static final int LOCK_STRIPES = 64;

  private final Path root;
  private final long maxBytes;
  private final boolean forceToDisk;
  private final ImageDecoder decoder = new ImageDecoder();
  private final Semaphore decodes = new Semaphore(CONCURRENT_DECODES, true);
  private final Object[] locks = new Object[LOCK_STRIPES];
  private final AtomicLong temporaryFiles = new AtomicLong();
  private final String processId = Long.toString(ProcessHandle.current().pid());

  /**
   * Stores images under {@code root}, which is created if missing.
   *
   * @param root the uploads directory
   * @param maxBytes the largest upload accepted, in bytes ({@code MAX_UPLOAD_BYTES})
   * @throws UncheckedIOException when {@code root} cannot be created
   * @throws IllegalStateException when TwelveMonkeys' ImageIO plugins are not registered (a fat jar
   *     must merge {@code META-INF/services})
   */
  public FileSystemImageStorage(Path root, long maxBytes) {
    this(root, maxBytes, true);
  }

  /**
   * As above; with {@code forceToDisk} false, files are not flushed before they are renamed, which
   * only tests should choose (as the embedded test database runs without fsync).
   */
  FileSystemImageStorage(Path root, long maxBytes, boolean forceToDisk) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.root = root.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.forceToDisk = forceToDisk;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the uploads directory " + this.root, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidValueException when the bytes are empty, not a JPEG, PNG, WebP or GIF image, or
   *     a damaged one
   * @throws TooLargeException when the upload has more than the configured bytes, or the picture
   *     more than 40 megapixels
   * @throws UnavailableException when the files cannot be written (disk full, permissions)
   */
  @Override
  public StoredImage store(byte[] content) {
    Objects.requireNonNull(content, "content");
    if (content.length == 0) {
      throw new InvalidValueException("files", "the file is empty");
    }
    if (content.length > maxBytes) {
      throw new TooLargeException(
          "the file has " + content.length + " bytes; at most " + maxBytes + " are accepted");
    }
    String hash = sha256(content);
    decodes.acquireUninterruptibly();
    try {
      ImageDecoder.Picture picture = decoder.decode(content);
      synchronized (lockFor(hash)) {
        return write(hash, picture);
      }
    } finally {
      decodes.release();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A key is accepted only in the exact format this class writes, so no client-given name,
   * traversal, separator or encoded character ever reaches the file system; symbolic links are not
   * followed.
   *
   * @throws UnavailableException when the file system fails while looking the file up
   */
  @Override
  public Optional<StoredFile> open(String key) {
    Optional<ImageKey> parsed = ImageKey.parse(key);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Path path = parsed.get().under(root);
    if (!path.normalize().startsWith(root)) {
      return Optional.empty(); // cannot happen with a parsed key; a second lock on the same door
    }
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      return Optional.of(
          new FileOnDisk(path, parsed.get().format().contentType(), attributes.size()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UnavailableException("stored images cannot be read right now", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnavailableException when a file cannot be removed
   */
  @Override
  public void delete(StoredImage image) {
    for (Rendition rendition : List.of(image.original(), image.medium(), image.thumbnail())) {
      Optional<ImageKey> key = ImageKey.parse(rendition.key());
      if (key.isPresent()) {
        synchronized (lockFor(key.get().hash())) {
          try {
            Files.deleteIfExists(key.get().under(root));
          } catch (IOException e) {
            throw new UnavailableException("the image could not be deleted; try again later", e);
          }
        }
      }
    }
  }

  private StoredImage write(String hash, ImageDecoder.Picture picture) {
    BufferedImage original = picture.pixels();
    List<Path> written = new ArrayList<>();
    try {
      // Each smaller size is scaled from the next larger one: cheaper, and as sharp.
      BufferedImage medium =
          Resizing.scale(original, Resizing.fit(original.getWidth(), original.getHeight(), MEDIUM));
      BufferedImage thumbnail =
          Resizing.scale(
              medium, Resizing.fit(original.getWidth(), original.getHeight(), THUMBNAIL));
      Rendition originalRendition =
          save(new ImageKey(hash, Variant.ORIGINAL, picture.format()), original, written);
      Rendition mediumRendition =
          save(new ImageKey(hash, Variant.MEDIUM, picture.format()), medium, written);
      Rendition thumbnailRendition =
          save(new ImageKey(hash, Variant.THUMBNAIL, picture.format()), thumbnail, written);
      return new StoredImage(originalRendition, thumbnailRendition, mediumRendition);
    } catch (IOException e) {
      removeAll(written, e);
      throw new UnavailableException("the image could not be stored; try again later", e);
    } catch (RuntimeException e) {
      removeAll(written, e);
      throw e;
    }
  }

  /** Writes the file of {@code key} unless it is there already (the same upload stored before). */
  private Rendition save(ImageKey key, BufferedImage pixels, List<Path> written)
      throws IOException {
    Path target = key.under(root);
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      writeAtomically(target, key.format().encode(pixels));
      written.add(target);
    }
    return new Rendition(
        key.value(), key.format().contentType(), pixels.getWidth(), pixels.getHeight());
  }

  /**
   * Writes a temporary file in the target's directory (so the rename cannot cross file systems),
   * forces it to disk, then renames it: after a crash the target is whole or absent. The temporary
   * name is unique per process and call, and starts with a dot, outside the key format.
   */
  private void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path directory = target.getParent();
    Files.createDirectories(directory);
    Path temporary =
        directory.resolve(
            "."
                + target.getFileName()
                + "."
                + processId
                + "-"
                + temporaryFiles.incrementAndGet()
                + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (forceToDisk) {
          channel.force(true);
        }
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temporary, e);
      throw e;
    }
    if (forceToDisk) {
      syncDirectory(directory);
    }
  }

  /** Makes the rename durable, so a row committed after {@code store} never names a lost file. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; their file systems journal the rename.
    }
  }

  private static void removeAll(List<Path> written, Exception cause) {
    for (Path path : written) {
      deleteQuietly(path, cause);
    }
  }

  private static void deleteQuietly(Path path, Exception cause) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private Object lockFor(String hash) {
    return locks[Integer.parseInt(hash.substring(0, 2), 16) % LOCK_STRIPES];
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A stored file; its bytes never change, since the key names the content. */
  private record FileOnDisk(Path path, String contentType, long size) implements StoredFile {
    @Override
    public InputStream openStream() throws IOException {
      return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    }
  }
}
