package dev.duka.adapters.storage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The formats Duka stores: every upload is re-encoded into one of them, which drops all of its
 * metadata (EXIF, GPS, comments) because no metadata is ever handed to the writer.
 */
enum OutputFormat {
  /** For photographs: JPEG uploads and lossy WebP without transparency. */
  JPEG("jpg", "image/jpeg", "jpeg"),
  /** For everything else: PNG, GIF (its first frame) and lossless or transparent WebP. */
  PNG("png", "image/png", "png");

  /** Visually lossless for photographs; a higher quality mostly adds bytes. */
  private static final float JPEG_QUALITY = 0.9f;

  private final String extension;
  private final String contentType;
  private final String imageIoName;

  OutputFormat(String extension, String contentType, String imageIoName) {
    this.extension = extension;
    this.contentType = contentType;
    this.imageIoName = imageIoName;
  }

  /** The file name extension in keys, without the dot. */
  String extension() {
    return extension;
  }

  String contentType() {
    return contentType;
  }

  /** The format whose key extension is {@code extension}. */
  static Optional<OutputFormat> ofExtension(String extension) {
    for (OutputFormat format : values()) {
      if (format.extension.equals(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /**
   * The {@link BufferedImage} type pixels are drawn into before encoding: JPEG has no alpha, and
   * PNG keeps it only when the source has any.
   */
  int imageType(boolean sourceHasAlpha) {
    return this == PNG && sourceHasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
  }

  /** Encodes {@code image} without any metadata. Encoding into memory cannot fail on I/O. */
  byte[] encode(BufferedImage image) {
    ImageWriter writer = writer();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (this == JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding " + imageIoName + " in memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private ImageWriter writer() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(imageIoName);
    if (!writers.hasNext()) {
      throw new IllegalStateException("the JDK has no " + imageIoName + " writer");
    }
    return writers.next();
  }
}
