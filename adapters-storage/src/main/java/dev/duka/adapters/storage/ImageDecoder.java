package dev.duka.adapters.storage;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns uploaded bytes into upright pixels, in the order that keeps hostile files cheap: the
 * signature, then the size from the header alone (a 50000 x 50000 PNG is a few hundred bytes that
 * would need 10 GB decoded), then the container's structure, and only then a full decode.
 */
final class ImageDecoder {
  /** The largest picture accepted: a 40-megapixel camera's full frame, 160 MB once decoded. */
  static final long MAX_PIXELS = 40_000_000;

  private final Map<SourceFormat, ImageReaderSpi> readers = new EnumMap<>(SourceFormat.class);

  /**
   * Finds a reader for each accepted format; TwelveMonkeys' for JPEG (it reads CMYK and YCCK files
   * the JDK refuses) and WebP (the JDK has none).
   *
   * @throws IllegalStateException when a reader is not registered, e.g. in a fat jar whose {@code
   *     META-INF/services} were not merged
   */
  ImageDecoder() {
    readers.put(SourceFormat.JPEG, registered(JPEGImageReaderSpi.class));
    readers.put(SourceFormat.WEBP, registered(WebPImageReaderSpi.class));
    readers.put(SourceFormat.PNG, jdkReader(SourceFormat.PNG));
    readers.put(SourceFormat.GIF, jdkReader(SourceFormat.GIF));
  }

  /** The upright pixels of an upload, and the format to store them in. */
  record Picture(BufferedImage pixels, OutputFormat format) {}

  /**
   * Decodes {@code content}: GIF's and animated WebP's first frame, turned upright by the EXIF
   * orientation if there is one.
   *
   * @throws InvalidValueException when the bytes are not an accepted image, or a damaged one
   * @throws TooLargeException when the picture has more than {@link #MAX_PIXELS} pixels
   */
  Picture decode(byte[] content) {
    SourceFormat format = SourceFormat.of(content);
    ImageReader reader = createReader(format);
    // A memory-cached stream: ImageIO's default would cache the upload in a temporary file.
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
      reader.setInput(input, true, true);
      refuseTooManyPixels(reader.getWidth(0), reader.getHeight(0));
      ImageStructure structure = ImageStructure.of(format, content);
      BufferedImage stored = reader.read(0);
      int imageType = structure.output().imageType(stored.getColorModel().hasAlpha());
      return new Picture(structure.orientation().upright(stored, imageType), structure.output());
    } catch (DomainException refused) {
      throw refused;
    } catch (IOException | RuntimeException e) {
      // Decoders meet hostile input here; besides IOException they throw runtime exceptions
      // (index out of bounds, illegal argument) on malformed data. Either way the file is bad.
      InvalidValueException damaged = ImageStructure.damaged(format, "it cannot be decoded");
      damaged.initCause(e);
      throw damaged;
    } finally {
      reader.dispose();
    }
  }

  /**
   * Refuses a picture of more than {@link #MAX_PIXELS} pixels.
   *
   * @throws TooLargeException naming the size found and the limit
   */
  static void refuseTooManyPixels(int width, int height) {
    long pixels = (long) width * height;
    if (pixels > MAX_PIXELS) {
      throw new TooLargeException(
          "the image is "
              + width
              + " x "
              + height
              + " pixels ("
              + pixels / 1_000_000
              + " megapixels); at most "
              + MAX_PIXELS / 1_000_000
              + " megapixels are accepted");
    }
  }

  private ImageReader createReader(SourceFormat format) {
    try {
      return readers.get(format).createReaderInstance();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a " + format.label() + " reader", e);
    }
  }

  private static ImageReaderSpi registered(Class<? extends ImageReaderSpi> provider) {
    ImageReaderSpi found = IIORegistry.getDefaultInstance().getServiceProviderByClass(provider);
    if (found == null) {
      // The registry scans the class path once, with the class loader of the thread that first
      // used ImageIO; a framework may have used a loader that does not see our plugins.
      ImageIO.scanForPlugins();
      found = IIORegistry.getDefaultInstance().getServiceProviderByClass(provider);
    }
    if (found == null) {
      throw new IllegalStateException(
          provider.getName()
              + " is not registered with ImageIO: is its META-INF/services entry in the jar?");
    }
    return found;
  }

  private static ImageReaderSpi jdkReader(SourceFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new IllegalStateException("ImageIO has no " + format.label() + " reader");
    }
    return readers.next().getOriginatingProvider();
  }
}
