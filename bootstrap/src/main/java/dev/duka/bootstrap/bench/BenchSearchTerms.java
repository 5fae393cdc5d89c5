package dev.duka.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What shoppers type into the search box, drawn from the catalog itself: one or two neighbouring
 * words of a random product's name, so common words come up as often as they are common; every
 * fifth query has a typo in its longest word (a swapped, dropped or doubled letter), which sends
 * search down its trigram path.
 */
final class BenchSearchTerms {
  private BenchSearchTerms() {}

  /** {@code count} queries over the first {@code products} products of {@code catalog}. */
  static List<String> draw(BenchCatalog catalog, long products, int count) {
    SplittableRandom random = new SplittableRandom(20_261_125L);
    List<String> queries = new ArrayList<>(count);
    while (queries.size() < count) {
      boolean typo = queries.size() % 5 == 4;
      long n = 1 + random.nextLong(products);
      List<String> words = words(catalog.product(n).name());
      if (words.isEmpty()) {
        continue;
      }
      int first = random.nextInt(words.size());
      List<String> picked = new ArrayList<>(words.subList(first, first + 1));
      if (first + 1 < words.size() && random.nextInt(10) < 3) {
        picked.add(words.get(first + 1));
      }
      if (typo) {
        int longest = 0;
        for (int i = 1; i < picked.size(); i++) {
          if (picked.get(i).length() > picked.get(longest).length()) {
            longest = i;
          }
        }
        if (picked.get(longest).length() < 5) {
          continue;
        }
        picked.set(longest, misspell(picked.get(longest), random));
      }
      queries.add(String.join(" ", picked));
    }
    return queries;
  }

  /** The words of a name that someone would search for: letters only, three or more. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.length() >= 3) {
        words.add(word);
      }
    }
    return words;
  }

  /** The word with one slip of the finger inside it (never its first letter). */
  static String misspell(String word, SplittableRandom random) {
    int at = 1 + random.nextInt(word.length() - 2);
    StringBuilder typed = new StringBuilder(word);
    switch (random.nextInt(3)) {
      case 0 -> {
        char c = typed.charAt(at);
        typed.setCharAt(at, typed.charAt(at + 1));
        typed.setCharAt(at + 1, c);
      }
      case 1 -> typed.deleteCharAt(at);
      default -> typed.insert(at, typed.charAt(at));
    }
    String result = typed.toString();
    // a swap of two equal letters changes nothing: drop one instead
    return result.equals(word) ? new StringBuilder(word).deleteCharAt(at).toString() : result;
  }
}
