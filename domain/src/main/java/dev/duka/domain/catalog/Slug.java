package dev.duka.domain.catalog;

import dev.duka.domain.error.InvalidValueException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The URL-safe name of a product or category: lower-case words joined by hyphens. */
public record Slug(String value) {
  public static final int MAX_LENGTH = 120;
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Slug {
    if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(
          "slug",
          "must be lower-case letters and digits in words joined by single hyphens, at most "
              + MAX_LENGTH
              + " characters");
    }
  }

  /**
   * Makes a slug from a display name: accents dropped, anything but letters and digits becomes a
   * hyphen. {@code fallback} is used when the name has no letter or digit at all.
   */
  public static Slug from(String name, String fallback) {
    String base =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (base.length() > MAX_LENGTH) {
      base = base.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return new Slug(base.isEmpty() ? fallback : base);
  }

  /** This slug with a numeric suffix, to step around a taken one ({@code tee} → {@code tee-2}). */
  public Slug withSuffix(int n) {
    String suffix = "-" + n;
    String base =
        value.length() + suffix.length() > MAX_LENGTH
            ? value.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
            : value;
    return new Slug(base + suffix);
  }

  @Override
  public String toString() {
    return value;
  }
}
