package dev.duka.adapters.storage;

/**
 * Reads the one EXIF field Duka uses, the orientation, from a TIFF structure as JPEG (APP1), PNG
 * ({@code eXIf}) and WebP ({@code EXIF}) embed it. Cameras write EXIF loosely, so anything
 * malformed here means "upright", never a refused upload.
 */
final class Exif {
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int SHORT_TYPE = 3;
  private static final int ENTRY_SIZE = 12;

  private Exif() {}

  /**
   * The orientation in the EXIF block at {@code offset}, {@code length} bytes long; the block may
   * start with the {@code Exif\0\0} identifier that JPEG requires and WebP writers often keep.
   */
  static Orientation orientation(byte[] bytes, int offset, int length) {
    int start = offset;
    int end = Math.min(bytes.length, offset + length);
    if (has(bytes, start, end, 'E', 'x', 'i', 'f', 0, 0)) {
      start += 6;
    }
    boolean littleEndian;
    if (has(bytes, start, end, 'I', 'I', 42, 0)) {
      littleEndian = true;
    } else if (has(bytes, start, end, 'M', 'M', 0, 42)) {
      littleEndian = false;
    } else {
      return Orientation.NORMAL;
    }
    Tiff tiff = new Tiff(bytes, start, end, littleEndian);
    if (tiff.length() < 8) {
      return Orientation.NORMAL;
    }
    long firstDirectory = tiff.u32(4);
    if (firstDirectory < 8 || firstDirectory + 2 > tiff.length()) {
      return Orientation.NORMAL;
    }
    int directory = (int) firstDirectory;
    int entries = tiff.u16(directory);
    for (int i = 0; i < entries; i++) {
      int entry = directory + 2 + i * ENTRY_SIZE;
      if (entry + ENTRY_SIZE > tiff.length()) {
        return Orientation.NORMAL;
      }
      if (tiff.u16(entry) == ORIENTATION_TAG) {
        return tiff.u16(entry + 2) == SHORT_TYPE
            ? Orientation.ofTag(tiff.u16(entry + 8))
            : Orientation.NORMAL;
      }
    }
    return Orientation.NORMAL;
  }

  private static boolean has(byte[] bytes, int offset, int end, int... expected) {
    if (offset < 0 || offset + expected.length > end) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** A TIFF structure inside a larger array; offsets are relative to its byte-order mark. */
  private record Tiff(byte[] bytes, int start, int end, boolean littleEndian) {
    int length() {
      return end - start;
    }

    int u16(int offset) {
      int a = bytes[start + offset] & 0xFF;
      int b = bytes[start + offset + 1] & 0xFF;
      return littleEndian ? a | b << 8 : a << 8 | b;
    }

    long u32(int offset) {
      long high = u16(littleEndian ? offset + 2 : offset);
      long low = u16(littleEndian ? offset : offset + 2);
      return high << 16 | low;
    }
  }
}
