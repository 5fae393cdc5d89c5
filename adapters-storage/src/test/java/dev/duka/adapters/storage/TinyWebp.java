package dev.duka.adapters.storage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeSet;

/**
 * Real WebP files for tests, since TwelveMonkeys reads WebP but nothing on the class path writes
 * it.
 */
final class TinyWebp {
  /**
   * A 1 x 1 lossy WebP (a plain {@code VP8 } bitstream), the image Google's WebP FAQ ("How can I
   * detect browser support for WebP?") gives for feature detection; three.js's GLTFLoader and
   * Cesium embed the same bytes.
   */
  static final byte[] LOSSY_1X1 =
      Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

  private TinyWebp() {}

  /**
   * Encodes {@code image} as lossless WebP (VP8L), following "WebP Lossless Bitstream
   * Specification" (RFC 9649, section 3): no transforms, no color cache, one prefix-code group made
   * of "simple" codes. A simple code holds at most two symbols, so each channel of {@code image}
   * may take at most two values; that is enough for the flat test pictures, which then cost at most
   * four bits a pixel.
   *
   * @throws IllegalArgumentException when a channel has more than two values
   */
  static byte[] lossless(BufferedImage image) {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    int[] alpha = values(pixels, 24);
    int[] red = values(pixels, 16);
    int[] green = values(pixels, 8);
    int[] blue = values(pixels, 0);
    Bits bits = new Bits();
    bits.put(0x2f, 8); // VP8L signature
    bits.put(image.getWidth() - 1, 14);
    bits.put(image.getHeight() - 1, 14);
    bits.put(alpha.length == 1 && alpha[0] == 255 ? 0 : 1, 1); // alpha_is_used hint
    bits.put(0, 3); // version
    bits.put(0, 1); // no transform
    bits.put(0, 1); // no color cache
    bits.put(0, 1); // no meta prefix codes: one group for the whole image
    // The group's five codes, in order: green (and lengths), red, blue, alpha, distance.
    simpleCode(bits, green);
    simpleCode(bits, red);
    simpleCode(bits, blue);
    simpleCode(bits, alpha);
    simpleCode(bits, new int[] {0});
    for (int argb : pixels) {
      symbol(bits, green, (argb >>> 8) & 0xff);
      symbol(bits, red, (argb >>> 16) & 0xff);
      symbol(bits, blue, argb & 0xff);
      symbol(bits, alpha, argb >>> 24);
    }
    return riff("VP8L", bits.bytes());
  }

  /** The RIFF container around one chunk, padded to an even length. */
  static byte[] riff(String chunkType, byte[] data) {
    int padding = data.length & 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    littleEndian(out, 4 + 8 + data.length + padding);
    out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(chunkType.getBytes(StandardCharsets.US_ASCII));
    littleEndian(out, data.length);
    out.writeBytes(data);
    if (padding == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** The distinct values of one channel, sorted. */
  private static int[] values(int[] pixels, int shift) {
    TreeSet<Integer> values = new TreeSet<>();
    for (int argb : pixels) {
      values.add((argb >>> shift) & 0xff);
    }
    if (values.size() > 2) {
      throw new IllegalArgumentException("a channel has more than two values");
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A simple prefix code: 1, the symbol count less one, then 8-bit symbols. Canonical codes give
   * the smaller symbol the code 0, hence the sorted values.
   */
  private static void simpleCode(Bits bits, int[] symbols) {
    bits.put(1, 1);
    bits.put(symbols.length - 1, 1);
    bits.put(1, 1); // the first symbol takes 8 bits
    bits.put(symbols[0], 8);
    if (symbols.length == 2) {
      bits.put(symbols[1], 8);
    }
  }

  private static void symbol(Bits bits, int[] symbols, int value) {
    if (symbols.length == 2) {
      bits.put(value == symbols[0] ? 0 : 1, 1); // a one-symbol code takes no bits at all
    }
  }

  private static void littleEndian(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }

  /** VP8L packs values least significant bit first. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int pending;
    private int count;

    void put(int value, int width) {
      for (int i = 0; i < width; i++) {
        pending |= ((value >>> i) & 1) << count;
        if (++count == 8) {
          out.write(pending);
          pending = 0;
          count = 0;
        }
      }
    }

    byte[] bytes() {
      if (count > 0) {
        out.write(pending);
        pending = 0;
        count = 0;
      }
      return out.toByteArray();
    }
  }
}
