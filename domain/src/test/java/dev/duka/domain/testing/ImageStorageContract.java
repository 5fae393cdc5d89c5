package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.TooLargeException;
import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.port.out.ImageStorage.Rendition;
import dev.duka.domain.port.out.ImageStorage.StoredFile;
import dev.duka.domain.port.out.ImageStorage.StoredImage;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ImageStorage} promises. */
public abstract class ImageStorageContract {
  private static final Pattern KEY = Pattern.compile("[0-9a-z.-]+");

  private ImageStorage storage;

  /** An empty storage refusing uploads above {@code maxBytes}; called before each test. */
  protected abstract ImageStorage emptyStorage(long maxBytes);

  /** The bytes of an image it accepts, of the given size in pixels. */
  protected abstract byte[] anImage(int width, int height);

  @BeforeEach
  void empty() {
    storage = emptyStorage(1024 * 1024);
  }

  @Test
  void storesThreeSizesUnderUrlSafeKeysAndServesThemBack() throws Exception {
    StoredImage image = storage.store(anImage(1600, 800));

    assertThat(image.original())
        .extracting(Rendition::width, Rendition::height)
        .containsExactly(1600, 800);
    assertThat(image.medium())
        .extracting(Rendition::width, Rendition::height)
        .containsExactly(1024, 512);
    assertThat(image.thumbnail())
        .extracting(Rendition::width, Rendition::height)
        .containsExactly(320, 160);
    for (Rendition rendition : renditions(image)) {
      assertThat(rendition.key()).matches(KEY);
      StoredFile file = storage.open(rendition.key()).orElseThrow();
      assertThat(file.contentType()).isEqualTo(rendition.contentType()).startsWith("image/");
      try (InputStream in = file.openStream()) {
        assertThat((long) in.readAllBytes().length).isEqualTo(file.size()).isPositive();
      }
    }
    assertThat(renditions(image).stream().map(Rendition::key).distinct().count()).isEqualTo(3);
  }

  @Test
  void neverEnlargesASmallPicture() {
    StoredImage image = storage.store(anImage(200, 100));

    for (Rendition rendition : renditions(image)) {
      assertThat(rendition)
          .extracting(Rendition::width, Rendition::height)
          .containsExactly(200, 100);
    }
  }

  @Test
  void theSameBytesGetTheSameKeysAndOtherBytesOthers() {
    StoredImage first = storage.store(anImage(300, 200));
    StoredImage again = storage.store(anImage(300, 200));
    StoredImage other = storage.store(anImage(200, 300));

    assertThat(again).isEqualTo(first);
    assertThat(other.original().key()).isNotEqualTo(first.original().key());
  }

  @Test
  void refusesWhatIsNotAnImage() {
    assertThatThrownBy(() -> storage.store("hello, this is text".getBytes()))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> storage.store(new byte[0])).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesMoreBytesThanItsLimit() {
    ImageStorage small = emptyStorage(4);

    assertThatThrownBy(() -> small.store(anImage(10, 10))).isInstanceOf(TooLargeException.class);
  }

  @Test
  void unknownAndMalformedKeysOpenNothing() {
    StoredImage image = storage.store(anImage(30, 20));
    String key = image.original().key();

    for (String bad :
        List.of(
            "0".repeat(64) + "-original.jpg",
            "../" + key,
            "..%2F" + key,
            key + "/..",
            "/etc/passwd",
            "",
            ".",
            "..")) {
      assertThat(storage.open(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void deletedFilesAreGoneAndDeletingAgainIsHarmless() {
    StoredImage image = storage.store(anImage(30, 20));

    storage.delete(image);
    storage.delete(image);

    for (Rendition rendition : renditions(image)) {
      Optional<StoredFile> file = storage.open(rendition.key());
      assertThat(file).isEmpty();
    }
  }

  private static List<Rendition> renditions(StoredImage image) {
    return List.of(image.original(), image.medium(), image.thumbnail());
  }
}
