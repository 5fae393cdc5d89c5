package dev.duka.adapters.storage;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF Orientation tag (0x0112): how a camera's stored pixels must be turned to show the scene
 * upright. Values and meanings from the EXIF 2.32 specification, section 4.6.4 "TIFF Rev. 6.0
 * Attribute Information", tag Orientation: the first stored row is the visual top (1, 2), bottom
 * (3, 4), left (5, 8) or right (6, 7) side, and the first stored column the left or right, top or
 * bottom one.
 */
enum Orientation {
  NORMAL,
  MIRRORED,
  ROTATED_180,
  FLIPPED,
  TRANSPOSED,
  ROTATED_90_CLOCKWISE,
  TRANSVERSED,
  ROTATED_90_COUNTERCLOCKWISE;

  /** The orientation a tag value stands for; values outside 1–8 are treated as upright. */
  static Orientation ofTag(int value) {
    return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
  }

  /** Whether the upright picture is as wide as the stored one is high. */
  boolean swapsAxes() {
    return ordinal() >= TRANSPOSED.ordinal();
  }

  /**
   * The upright picture of {@code stored}, drawn into a new image of {@code imageType}. One pass
   * does both, so a 40-megapixel upload is copied once, not twice.
   */
  BufferedImage upright(BufferedImage stored, int imageType) {
    int width = stored.getWidth();
    int height = stored.getHeight();
    BufferedImage upright =
        swapsAxes()
            ? new BufferedImage(height, width, imageType)
            : new BufferedImage(width, height, imageType);
    Graphics2D graphics = upright.createGraphics();
    try {
      graphics.drawImage(stored, transform(width, height), null);
    } finally {
      graphics.dispose();
    }
    return upright;
  }

  /** Maps stored coordinates to upright ones, for a stored image of {@code w} by {@code h}. */
  private AffineTransform transform(int w, int h) {
    // The arguments are (m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x +
    // m11·y + m12. A quarter turn clockwise sends the stored top-left corner to the top right.
    return switch (this) {
      case NORMAL -> new AffineTransform();
      case MIRRORED -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case ROTATED_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case FLIPPED -> new AffineTransform(1, 0, 0, -1, 0, h);
      case TRANSPOSED -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case ROTATED_90_CLOCKWISE -> new AffineTransform(0, 1, -1, 0, h, 0);
      case TRANSVERSED -> new AffineTransform(0, -1, -1, 0, h, w);
      case ROTATED_90_COUNTERCLOCKWISE -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
  }
}
