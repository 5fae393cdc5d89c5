package dev.duka.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.storage.ImageKey.Variant;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageKeyTest {
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void readsBackTheKeyItWrites() {
    ImageKey key = new ImageKey(HASH, Variant.THUMBNAIL, OutputFormat.JPEG);

    assertThat(key.value()).isEqualTo(HASH + "-thumbnail.jpg");
    assertThat(ImageKey.parse(key.value())).contains(key);
  }

  @Test
  void livesTwoHexPairsDownUnderTheRoot() {
    ImageKey key = new ImageKey(HASH, Variant.MEDIUM, OutputFormat.PNG);

    assertThat(key.under(Path.of("/srv/uploads")))
        .isEqualTo(Path.of("/srv/uploads/9f/86/" + HASH + "-medium.png"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-medium.png",
        HASH + "-medium.gif",
        HASH + "-large.png",
        HASH + "-medium.PNG",
        HASH + "-medium.png ",
        HASH + "-medium.png\n",
        "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08-medium.png",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0-medium.png",
        "9f/86/" + HASH + "-medium.png",
        "../" + HASH + "-medium.png",
        HASH + "-medium.png/..",
        "%2e%2e%2f" + HASH + "-medium.png",
      })
  void refusesAnythingElse(String text) {
    assertThat(ImageKey.parse(text)).isEmpty();
  }
}
