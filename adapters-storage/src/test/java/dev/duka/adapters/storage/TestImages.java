package dev.duka.adapters.storage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Pictures made in code, and files crafted byte by byte, for the storage tests. */
final class TestImages {
  /** Text that a test hides in EXIF, to prove no stored file carries it. */
  static final String SECRET = "duka-secret-location";

  private TestImages() {}

  /** A picture whose left half is {@code left} and right half {@code right}. */
  static BufferedImage halves(int width, int height, Color left, Color right) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(left);
    graphics.fillRect(0, 0, width / 2, height);
    graphics.setColor(right);
    graphics.fillRect(width / 2, 0, width - width / 2, height);
    graphics.dispose();
    return image;
  }

  /** {@code image} in {@code format} ("jpeg", "png", "gif"), as ImageIO writes it. */
  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalArgumentException("not an image ImageIO reads");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A big-endian TIFF structure as EXIF embeds it: IFD0 with ImageDescription ({@link #SECRET}),
   * Orientation, and a GPS directory saying "south, east".
   */
  static byte[] exif(int orientation) {
    byte[] description = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(80 + description.length);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 3); // IFD0 at 8: three entries, sorted by tag
    tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(80);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(50);
    tiff.putInt(0); // no next IFD
    tiff.putShort((short) 2); // GPS IFD at 50: GPSLatitudeRef "S", GPSLongitudeRef "E"
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
    tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
    tiff.putInt(0);
    tiff.put(description); // at 80
    return tiff.array();
  }

  /** {@code jpeg} with an APP1 "Exif" segment holding {@code tiff}, right after SOI. */
  static byte[] withExif(byte[] jpeg, byte[] tiff) {
    byte[] identifier = {'E', 'x', 'i', 'f', 0, 0};
    int length = 2 + identifier.length + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length);
    out.writeBytes(identifier);
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** {@code png} with one more chunk right after IHDR (which is always 25 bytes in). */
  static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
    int afterHeader = 8 + 25;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.writeBytes(pngChunk(type, data));
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  /**
   * A structurally complete PNG whose IHDR claims {@code width} x {@code height} 8-bit RGB pixels,
   * with a single IDAT holding one deflated row of black. Every CRC is right, so only the pixel
   * count can refuse it.
   */
  static byte[] pngClaiming(int width, int height) {
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(width).putInt(height).put((byte) 8).put((byte) 2);
    header.put((byte) 0).put((byte) 0).put((byte) 0); // deflate, adaptive filters, no interlace
    byte[] row = new byte[1 + 3 * width];
    Deflater deflater = new Deflater();
    deflater.setInput(row);
    deflater.finish();
    byte[] compressed = new byte[row.length + 64];
    int compressedLength = deflater.deflate(compressed);
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    out.writeBytes(pngChunk("IHDR", header.array()));
    out.writeBytes(pngChunk("IDAT", Arrays.copyOf(compressed, compressedLength)));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** A PNG chunk: length, type, data and the CRC-32 of type and data. */
  static byte[] pngChunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length)
        .put(typeBytes)
        .put(data)
        .putInt((int) crc.getValue())
        .array();
  }

  /** Whether {@code text} occurs in {@code bytes} as ASCII. */
  static boolean contains(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
