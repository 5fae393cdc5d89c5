package dev.duka.adapters.storage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;

/** Fits pictures into a square box, never enlarging them. */
final class Resizing {
  private Resizing() {}

  /** A width and height in pixels. */
  record Size(int width, int height) {}

  /**
   * The size of a {@code width} x {@code height} picture scaled to fit {@code longest} pixels on
   * its longer side, keeping its aspect ratio (rounded to the nearest pixel, at least 1); a picture
   * that fits already keeps its size.
   */
  static Size fit(int width, int height, int longest) {
    int longer = Math.max(width, height);
    if (longer <= longest) {
      return new Size(width, height);
    }
    double scale = (double) longest / longer;
    return new Size(
        (int) Math.max(1, Math.round(width * scale)),
        (int) Math.max(1, Math.round(height * scale)));
  }

  /** {@code picture} scaled to {@code size}, or {@code picture} itself when it has that size. */
  static BufferedImage scale(BufferedImage picture, Size size) {
    if (picture.getWidth() == size.width() && picture.getHeight() == size.height()) {
      return picture;
    }
    try {
      // For large factors Thumbnailator shrinks in successive bilinear halvings, which keeps thin
      // lines and text legible where one bilinear step from 4000 to 320 pixels would alias.
      return Thumbnails.of(picture)
          .forceSize(size.width(), size.height())
          .imageType(picture.getType())
          .asBufferedImage();
    } catch (IOException e) {
      throw new UncheckedIOException("resizing in memory failed", e);
    }
  }
}
