package dev.duka.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifTest {

  @Test
  void readsTheOrientationOfABigEndianBlock() {
    byte[] tiff = TestImages.exif(6);

    assertThat(Exif.orientation(tiff, 0, tiff.length)).isEqualTo(Orientation.ROTATED_90_CLOCKWISE);
  }

  @Test
  void readsTheOrientationOfALittleEndianBlockBehindTheExifIdentifier() {
    ByteBuffer block = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
    block.put(new byte[] {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0}).putInt(8);
    block.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
    block.putShort((short) 8).putShort((short) 0).putInt(0);

    assertThat(Exif.orientation(block.array(), 0, block.capacity()))
        .isEqualTo(Orientation.ROTATED_90_COUNTERCLOCKWISE);
  }

  @Test
  void readsOnlyWithinItsBlock() {
    byte[] tiff = TestImages.exif(3);
    byte[] inside = new byte[tiff.length + 20];
    System.arraycopy(tiff, 0, inside, 10, tiff.length);

    assertThat(Exif.orientation(inside, 10, tiff.length)).isEqualTo(Orientation.ROTATED_180);
  }

  @Test
  void takesAnyBrokenBlockForUpright() {
    byte[] tiff = TestImages.exif(6);

    for (int length = 0; length < 30; length++) {
      assertThat(Exif.orientation(Arrays.copyOf(tiff, length), 0, length))
          .as("cut to %d bytes", length)
          .isEqualTo(Orientation.NORMAL);
    }
    byte[] wildOffset = tiff.clone();
    wildOffset[4] = 0x7F;
    assertThat(Exif.orientation(wildOffset, 0, wildOffset.length)).isEqualTo(Orientation.NORMAL);
    assertThat(Exif.orientation(new byte[] {'X', 'X', 0, 42, 0, 0, 0, 8}, 0, 8))
        .isEqualTo(Orientation.NORMAL);
  }
}
