package dev.duka.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTest {
  /** Six distinct colours, stored as the rows "A B C" and "D E F". */
  private static final int A = 0xFF0000;

  private static final int B = 0x00FF00;
  private static final int C = 0x0000FF;
  private static final int D = 0xFFFF00;
  private static final int E = 0x00FFFF;
  private static final int F = 0xFF00FF;

  /**
   * Each EXIF value's upright picture of the stored "ABC / DEF", row by row: EXIF says which side
   * of the scene the first stored row and column are (e.g. 6: the first row is the right side and
   * the first column the top, so the picture turns a quarter clockwise).
   */
  @ParameterizedTest(name = "orientation {0} shows {1}")
  @CsvSource({
    "1, ABC/DEF",
    "2, CBA/FED",
    "3, FED/CBA",
    "4, DEF/ABC",
    "5, AD/BE/CF",
    "6, DA/EB/FC",
    "7, FC/EB/DA",
    "8, CF/BE/AD"
  })
  void turnsTheStoredPixelsUpright(int tag, String expected) {
    BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    int[][] rows = {{A, B, C}, {D, E, F}};
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        stored.setRGB(x, y, rows[y][x]);
      }
    }

    BufferedImage upright = Orientation.ofTag(tag).upright(stored, BufferedImage.TYPE_INT_RGB);

    assertThat(picture(upright)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0", "9", "-1", "65535"})
  void treatsUnknownValuesAsUpright(int tag) {
    assertThat(Orientation.ofTag(tag)).isEqualTo(Orientation.NORMAL);
  }

  private static String picture(BufferedImage image) {
    StringBuilder text = new StringBuilder();
    for (int y = 0; y < image.getHeight(); y++) {
      if (y > 0) {
        text.append('/');
      }
      for (int x = 0; x < image.getWidth(); x++) {
        text.append(name(image.getRGB(x, y) & 0xFFFFFF));
      }
    }
    return text.toString();
  }

  private static char name(int rgb) {
    int[] colours = {A, B, C, D, E, F};
    for (int i = 0; i < colours.length; i++) {
      if (colours[i] == rgb) {
        return (char) ('A' + i);
      }
    }
    return '?';
  }
}
