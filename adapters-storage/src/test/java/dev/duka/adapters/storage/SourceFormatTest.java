package dev.duka.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceFormatTest {

  @Test
  void recognisesEachAcceptedFormatByItsFirstBytes() {
    var picture = TestImages.halves(4, 4, Color.RED, Color.BLUE);

    assertThat(SourceFormat.of(TestImages.encode(picture, "jpeg"))).isEqualTo(SourceFormat.JPEG);
    assertThat(SourceFormat.of(TestImages.encode(picture, "png"))).isEqualTo(SourceFormat.PNG);
    assertThat(SourceFormat.of(TestImages.encode(picture, "gif"))).isEqualTo(SourceFormat.GIF);
    assertThat(SourceFormat.of(TinyWebp.lossless(picture))).isEqualTo(SourceFormat.WEBP);
    assertThat(SourceFormat.of(TinyWebp.LOSSY_1X1)).isEqualTo(SourceFormat.WEBP);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>|an SVG image",
        "\ufeff  <svg width=\"10\" height=\"10\"></svg>|an SVG image",
        "<!DOCTYPE html><html><body>hi</body></html>|an XML or HTML document",
        "%PDF-1.7 ...|a PDF document",
        "PK\u0003\u0004 ...|a ZIP archive",
      })
  void namesWhatARefusedFileLooksLike(String content, String description) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SourceFormat.of(bytes))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(description)
        .hasMessageContaining("only JPEG, PNG, WebP and GIF images are accepted");
  }

  @Test
  void namesHeicAndAvifWhichPhonesProduce() {
    byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
    byte[] avif = {0, 0, 0, 0x1c, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f', 0, 0, 0, 0};

    assertThatThrownBy(() -> SourceFormat.of(heic))
        .hasMessageContaining("a HEIC/HEIF image (export it as JPEG)");
    assertThatThrownBy(() -> SourceFormat.of(avif)).hasMessageContaining("an AVIF image");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BMW makes cars, this is text",
        "GIF88a is not a GIF",
        "RIFF....WAVEfmt ",
        "just some words"
      })
  void refusesAnythingElseAsNotAnAcceptedImage(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> SourceFormat.of(bytes))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("files: the file is not a JPEG, PNG, WebP or GIF image");
  }
}
