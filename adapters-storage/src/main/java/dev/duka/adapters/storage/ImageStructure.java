package dev.duka.adapters.storage;

import dev.duka.domain.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * What the container of an upload says, read from its bytes without decoding a pixel: the EXIF
 * orientation, and which format the image is stored in. It also refuses truncated files, because
 * the JPEG and WebP decoders do not: given half a file they return a picture whose bottom is grey
 * or garbage, with at most a warning.
 */
record ImageStructure(Orientation orientation, OutputFormat output) {

  /**
   * Reads the structure of {@code content}, already known to be {@code format}.
   *
   * @throws InvalidValueException when the file is cut short or its structure is broken
   */
  static ImageStructure of(SourceFormat format, byte[] content) {
    return switch (format) {
      case JPEG -> jpeg(content);
      case PNG -> png(content);
      case WEBP -> webp(content);
      // GIF's decoder fails on a cut file itself, and GIF has no EXIF.
      case GIF -> new ImageStructure(Orientation.NORMAL, OutputFormat.PNG);
    };
  }

  /**
   * Walks the marker segments up to the first scan (SOS), reading the orientation from the APP1
   * "Exif" segment, then demands an end-of-image marker (EOI) after it: inside entropy-coded data a
   * 0xFF byte is always followed by 0x00 or a restart marker, so FF D9 there is the real end.
   */
  private static ImageStructure jpeg(byte[] b) {
    Orientation orientation = null;
    int pos = 2;
    while (true) {
      if (pos + 4 > b.length) {
        throw damaged(SourceFormat.JPEG, "it ends before its image data");
      }
      if ((b[pos] & 0xFF) != 0xFF) {
        throw damaged(SourceFormat.JPEG, "a segment does not start with a marker");
      }
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++; // fill byte before a marker
        continue;
      }
      if (marker == 0xD9) {
        throw damaged(SourceFormat.JPEG, "it ends before its image data");
      }
      if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        pos += 2; // a marker without a segment (TEM, RSTn, SOI)
        continue;
      }
      int length = u16(b, pos + 2);
      int payload = pos + 4;
      int next = pos + 2 + length;
      if (length < 2 || next > b.length) {
        throw damaged(SourceFormat.JPEG, "it is cut short");
      }
      if (marker == 0xE1 && orientation == null && startsWith(b, payload, "Exif\0\0")) {
        orientation = Exif.orientation(b, payload, length - 2);
      }
      if (marker == 0xDA) {
        if (!hasEndOfImage(b, next)) {
          throw damaged(SourceFormat.JPEG, "it is cut short (no end-of-image marker)");
        }
        return new ImageStructure(
            orientation == null ? Orientation.NORMAL : orientation, OutputFormat.JPEG);
      }
      pos = next;
    }
  }

  private static boolean hasEndOfImage(byte[] b, int from) {
    // Searched from the end: it is usually in the last two bytes.
    for (int i = b.length - 2; i >= from; i--) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  /**
   * Walks every chunk, checking its CRC (as libpng, and so browsers, do), up to IEND; reads the
   * orientation from {@code eXIf}.
   */
  private static ImageStructure png(byte[] b) {
    Orientation orientation = Orientation.NORMAL;
    int pos = 8;
    boolean first = true;
    while (true) {
      if (pos + 12 > b.length) {
        throw damaged(SourceFormat.PNG, "it is cut short (no IEND chunk)");
      }
      long length = u32(b, pos);
      if (length > b.length - pos - 12L) {
        throw damaged(SourceFormat.PNG, "it is cut short");
      }
      int data = pos + 8;
      int end = data + (int) length;
      String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
      if (first && !type.equals("IHDR")) {
        throw damaged(SourceFormat.PNG, "it does not start with an IHDR chunk");
      }
      first = false;
      CRC32 crc = new CRC32();
      crc.update(b, pos + 4, 4 + (int) length);
      if (crc.getValue() != u32(b, end)) {
        throw damaged(
            SourceFormat.PNG, "the checksum of its " + printable(type) + " chunk is wrong");
      }
      if (type.equals("eXIf")) {
        orientation = Exif.orientation(b, data, (int) length);
      }
      if (type.equals("IEND")) {
        return new ImageStructure(orientation, OutputFormat.PNG);
      }
      pos = end + 4;
    }
  }

  /**
   * Walks the RIFF chunks. A lossy picture without transparency (a plain {@code VP8 } bitstream) is
   * stored as JPEG, since it was lossy already; lossless, transparent or animated ones as PNG. The
   * JDK cannot write WebP.
   */
  private static ImageStructure webp(byte[] b) {
    long riffEnd = 8 + u32le(b, 4);
    if (riffEnd > b.length) {
      throw damaged(SourceFormat.WEBP, "it is cut short");
    }
    Orientation orientation = Orientation.NORMAL;
    boolean lossy = false;
    boolean lossless = false;
    boolean transparentOrAnimated = false;
    int pos = 12;
    while (pos + 8 <= riffEnd) {
      String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
      long size = u32le(b, pos + 4);
      int data = pos + 8;
      if (size > riffEnd - data) {
        throw damaged(SourceFormat.WEBP, "it is cut short");
      }
      switch (type) {
        case "VP8X" -> transparentOrAnimated |= size > 0 && (b[data] & 0x12) != 0;
        case "VP8 " -> lossy = true;
        case "VP8L" -> lossless = true;
        case "ALPH", "ANIM", "ANMF" -> transparentOrAnimated = true;
        case "EXIF" -> orientation = Exif.orientation(b, data, (int) size);
        default -> {
          // ICCP, XMP and unknown chunks carry nothing Duka keeps
        }
      }
      pos = data + (int) size + (int) (size & 1);
    }
    if (!lossy && !lossless && !transparentOrAnimated) {
      throw damaged(SourceFormat.WEBP, "it holds no image data");
    }
    OutputFormat output =
        lossy && !lossless && !transparentOrAnimated ? OutputFormat.JPEG : OutputFormat.PNG;
    return new ImageStructure(orientation, output);
  }

  static InvalidValueException damaged(SourceFormat format, String why) {
    return new InvalidValueException(
        "files", "the " + format.label() + " image is damaged or incomplete: " + why);
  }

  private static String printable(String type) {
    return type.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') ? type : "a";
  }

  private static boolean startsWith(byte[] b, int offset, String ascii) {
    if (offset + ascii.length() > b.length) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if ((b[offset + i] & 0xFF) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] b, int offset) {
    return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
  }

  private static long u32(byte[] b, int offset) {
    return (long) u16(b, offset) << 16 | u16(b, offset + 2);
  }

  private static long u32le(byte[] b, int offset) {
    return (b[offset] & 0xFFL)
        | (b[offset + 1] & 0xFFL) << 8
        | (b[offset + 2] & 0xFFL) << 16
        | (b[offset + 3] & 0xFFL) << 24;
  }
}
