package dev.duka.adapters.storage;

import dev.duka.domain.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Duka accepts, recognised by their first bytes only: a client's file name and
 * Content-Type are never trusted.
 */
enum SourceFormat {
  JPEG("JPEG", "jpeg"),
  PNG("PNG", "png"),
  GIF("GIF", "gif"),
  WEBP("WebP", "webp");

  private static final String ACCEPTED = "only JPEG, PNG, WebP and GIF images are accepted";

  private final String label;
  private final String imageIoName;

  SourceFormat(String label, String imageIoName) {
    this.label = label;
    this.imageIoName = imageIoName;
  }

  /** How people call the format, for messages. */
  String label() {
    return label;
  }

  /** The format name ImageIO registers its readers under. */
  String imageIoName() {
    return imageIoName;
  }

  /**
   * The format of {@code content}, judged by its signature.
   *
   * @throws InvalidValueException when it is none of the accepted formats; the message names what
   *     the bytes look like when that is recognisable (SVG, ZIP, PDF, HEIC...)
   */
  static SourceFormat of(byte[] content) {
    if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(content, 0, 'G', 'I', 'F', '8', '7', 'a')
        || startsWith(content, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return GIF;
    }
    if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    throw new InvalidValueException(
        "files",
        lookalike(content)
            .map(what -> "the file is " + what + "; " + ACCEPTED)
            .orElse("the file is not a JPEG, PNG, WebP or GIF image"));
  }

  /** What a refused file appears to be, so the message helps the person who uploaded it. */
  private static Optional<String> lookalike(byte[] content) {
    return Optional.ofNullable(recognisable(content));
  }

  /** A description of a well-known format that is not accepted, or null. */
  private static String recognisable(byte[] content) {
    if (content.length == 0) {
      return "empty";
    }
    if (startsWith(content, 0, 'P', 'K', 0x03, 0x04)) {
      return "a ZIP archive (or an Office document)";
    }
    if (startsWith(content, 0, '%', 'P', 'D', 'F')) {
      return "a PDF document";
    }
    if (startsWith(content, 0, 'I', 'I', '*', 0) || startsWith(content, 0, 'M', 'M', 0, '*')) {
      return "a TIFF image";
    }
    if (startsWith(content, 0, 'B', 'M')
        && content.length > 6
        && littleEndian32(content, 2) == content.length) {
      return "a BMP image";
    }
    if (startsWith(content, 4, 'f', 't', 'y', 'p')) {
      String brand = ascii(content, 8, 4);
      if (brand.startsWith("avi")) {
        return "an AVIF image";
      }
      if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1")) {
        return "a HEIC/HEIF image (export it as JPEG)";
      }
      return "a video or ISO media file";
    }
    int afterByteOrderMark = startsWith(content, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    String start = ascii(content, afterByteOrderMark, 1024).stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("<")) {
      return start.contains("<svg") ? "an SVG image" : "an XML or HTML document";
    }
    return null;
  }

  private static String ascii(byte[] content, int offset, int length) {
    if (offset >= content.length) {
      return "";
    }
    int end = Math.min(content.length, offset + length);
    return new String(content, offset, end - offset, StandardCharsets.ISO_8859_1);
  }

  private static long littleEndian32(byte[] content, int offset) {
    return (content[offset] & 0xFFL)
        | (content[offset + 1] & 0xFFL) << 8
        | (content[offset + 2] & 0xFFL) << 16
        | (content[offset + 3] & 0xFFL) << 24;
  }

  private static boolean startsWith(byte[] content, int offset, int... signature) {
    if (content.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((content[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
