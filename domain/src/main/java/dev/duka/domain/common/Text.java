package dev.duka.domain.common;

import dev.duka.domain.error.Violation;
import java.util.List;

/** Small rules for free text that many value objects share. */
public final class Text {
  private Text() {}

  /** Strips the text; {@code null} becomes the empty string. */
  public static String clean(String text) {
    return text == null ? "" : text.strip();
  }

  /**
   * Adds a violation to {@code into} when {@code text} (already cleaned) is empty while required,
   * longer than {@code max} characters, or holds control characters.
   */
  public static void check(
      String field, String text, boolean required, int max, List<Violation> into) {
    if (text.isEmpty()) {
      if (required) {
        into.add(new Violation(field, "is required"));
      }
      return;
    }
    if (text.length() > max) {
      into.add(new Violation(field, "must be at most " + max + " characters"));
    } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      into.add(new Violation(field, "must not contain control characters"));
    }
  }
}
