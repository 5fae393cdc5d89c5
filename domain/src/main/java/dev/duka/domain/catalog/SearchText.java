package dev.duka.domain.catalog;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shopper typed into the search box: 1–200 characters in web-search syntax ({@code kanga "ya
 * pwani" -nyekundu}, {@code simu or laptop}), with at least one word to look for. Words are runs of
 * letters and digits in any script; a word after {@code -} is excluded, and {@code or} between
 * words is an operator.
 */
public record SearchText(String value) {
  public static final int MAX_LENGTH = 200;
  private static final Pattern TOKEN = Pattern.compile("\\S+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  public SearchText {
    value = Text.clean(value);
    List<Violation> violations = new ArrayList<>();
    Text.check("q", value, true, MAX_LENGTH, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    if (positiveWords(value).isEmpty()) {
      throw new InvalidValueException(
          "q", "must contain a word to look for, not only excluded words or punctuation");
    }
  }

  /**
   * Reads the search box.
   *
   * @throws InvalidValueException on field {@code q} when the text is empty, longer than 200
   *     characters, holds control characters or no word to look for
   */
  public static SearchText of(String value) {
    return new SearchText(value);
  }

  /** The words to look for, lower case, in order: every word that is not excluded. */
  public List<String> words() {
    return positiveWords(value);
  }

  /** The words that must not appear, lower case, in order. */
  public List<String> excludedWords() {
    List<String> excluded = new ArrayList<>();
    Matcher tokens = TOKEN.matcher(value);
    while (tokens.find()) {
      String token = tokens.group();
      if (token.startsWith("-")) {
        excluded.addAll(wordsOf(token));
      }
    }
    return excluded;
  }

  /**
   * The words to look for joined by single spaces: what typo-tolerant (trigram) matching compares
   * with names and brands.
   */
  public String fuzzyTerm() {
    return String.join(" ", words());
  }

  private static List<String> positiveWords(String text) {
    List<String> words = new ArrayList<>();
    Matcher tokens = TOKEN.matcher(text);
    while (tokens.find()) {
      String token = tokens.group();
      if (!token.startsWith("-") && !token.equalsIgnoreCase("or")) {
        words.addAll(wordsOf(token));
      }
    }
    return words;
  }

  private static List<String> wordsOf(String token) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(token);
    while (word.find()) {
      words.add(word.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  @Override
  public String toString() {
    return value;
  }
}
