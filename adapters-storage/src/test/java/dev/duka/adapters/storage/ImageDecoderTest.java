package dev.duka.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import java.awt.Color;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private static ImageDecoder decoder;

  @BeforeAll
  static void findReaders() {
    decoder = new ImageDecoder();
  }

  @Test
  void refusesAJpegCutAnywhere() {
    byte[] jpeg = TestImages.encode(TestImages.halves(120, 80, Color.RED, Color.BLUE), "jpeg");

    assertRefusedWhereverCut(jpeg);
  }

  @Test
  void refusesAPngCutAnywhere() {
    byte[] png = TestImages.encode(TestImages.halves(120, 80, Color.RED, Color.BLUE), "png");

    assertRefusedWhereverCut(png);
  }

  @Test
  void refusesAWebpCutAnywhere() {
    byte[] webp = TinyWebp.lossless(TestImages.halves(120, 80, Color.RED, Color.BLUE));

    assertRefusedWhereverCut(webp);
    assertRefusedWhereverCut(TinyWebp.LOSSY_1X1);
  }

  @Test
  void refusesAGifCutBeforeItsLastByte() {
    // The last byte is GIF's trailer; without it the picture is still whole.
    byte[] gif = TestImages.encode(TestImages.halves(120, 80, Color.RED, Color.BLUE), "gif");

    IntStream.range(1, gif.length - 1)
        .forEach(
            length ->
                assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(gif, length)))
                    .as("cut to %d of %d bytes", length, gif.length)
                    .isInstanceOf(InvalidValueException.class));
  }

  @Test
  void refusesAPngWhoseChecksumIsWrong() {
    byte[] png = TestImages.encode(TestImages.halves(120, 80, Color.RED, Color.BLUE), "png");
    png[png.length - 20] ^= 0x01; // a byte inside the IDAT chunk

    assertThatThrownBy(() -> decoder.decode(png))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("the checksum of its IDAT chunk is wrong");
  }

  @Test
  void refusesAJpegWhoseHeaderIsGarbage() {
    byte[] jpeg = TestImages.encode(TestImages.halves(120, 80, Color.RED, Color.BLUE), "jpeg");
    for (int i = 4; i < 200; i++) {
      jpeg[i] = (byte) 0xA5;
    }

    assertThatThrownBy(() -> decoder.decode(jpeg))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("the JPEG image is damaged or incomplete");
  }

  @Test
  void acceptsFortyMegapixelsButNotOneRowMore() {
    assertThatCode(() -> ImageDecoder.refuseTooManyPixels(8000, 5000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ImageDecoder.refuseTooManyPixels(8000, 5001))
        .isInstanceOf(TooLargeException.class);
    assertThatThrownBy(() -> ImageDecoder.refuseTooManyPixels(65535, 65535))
        .isInstanceOf(TooLargeException.class);
  }

  @Test
  void refusesAPixelFloodBeforeCheckingItsStructure() {
    byte[] flood = TestImages.pngClaiming(50_000, 50_000);
    byte[] cut = Arrays.copyOf(flood, flood.length - 12);

    assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(TooLargeException.class);
  }

  @Test
  void storesLossyWebpAsJpegAndLosslessWebpAsPng() {
    assertThat(decoder.decode(TinyWebp.LOSSY_1X1).format()).isEqualTo(OutputFormat.JPEG);
    assertThat(
            decoder
                .decode(TinyWebp.lossless(TestImages.halves(8, 8, Color.RED, Color.BLUE)))
                .format())
        .isEqualTo(OutputFormat.PNG);
  }

  private static void assertRefusedWhereverCut(byte[] whole) {
    assertThat(decoder.decode(whole).pixels()).isNotNull();
    for (int length = 1; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> decoder.decode(cut))
          .as("cut to %d of %d bytes", length, whole.length)
          .isInstanceOf(InvalidValueException.class);
    }
  }
}
