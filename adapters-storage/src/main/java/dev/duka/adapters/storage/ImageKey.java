package dev.duka.adapters.storage;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one stored file: {@code <sha256>-<variant>.<ext>}, e.g. {@code
 * 9f86...0f00-medium.jpg}. The hash is the SHA-256 of the uploaded bytes in lower-case hex, so the
 * same upload always gets the same keys. A key is one URL path segment of {@code [0-9a-z.-]}; on
 * disk it lives two fan-out directories down, named by the hash's first two hex pairs ({@code
 * 9f/86/9f86...-medium.jpg}): a million images put about fifty files in each directory.
 */
record ImageKey(String hash, Variant variant, OutputFormat format) {

  /** The longest key there is; anything longer is refused before the pattern runs. */
  private static final int MAX_LENGTH = 64 + "-thumbnail.jpg".length();

  private static final Pattern FORMAT =
      Pattern.compile("([0-9a-f]{64})-(original|medium|thumbnail)\\.(jpg|png)");

  /** The three files of an image. */
  enum Variant {
    ORIGINAL("original"),
    MEDIUM("medium"),
    THUMBNAIL("thumbnail");

    private final String label;

    Variant(String label) {
      this.label = label;
    }

    static Variant of(String label) {
      for (Variant variant : values()) {
        if (variant.label.equals(label)) {
          return variant;
        }
      }
      throw new IllegalArgumentException("no variant " + label);
    }
  }

  ImageKey {
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + hash);
    }
  }

  /**
   * The key {@code text} names, if it has exactly the format above. This is the only way from a
   * client's text to a path: traversal, separators, encodings and control characters cannot match.
   */
  static Optional<ImageKey> parse(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ImageKey(
            matcher.group(1),
            Variant.of(matcher.group(2)),
            OutputFormat.ofExtension(matcher.group(3)).orElseThrow()));
  }

  /** The key as the REST layer puts it in {@code /uploads/{key}}. */
  String value() {
    return hash + "-" + variant.label + "." + format.extension();
  }

  /** Where the file lives under {@code root}. */
  Path under(Path root) {
    return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(value());
  }

  @Override
  public String toString() {
    return value();
  }
}
