package dev.duka.domain.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules of the category tree that need the whole tree. */
public final class CategoryTree {
  private static final Comparator<Category> SIBLING_ORDER =
      Comparator.comparingInt(Category::sortOrder).thenComparing(Category::name);

  private CategoryTree() {}

  /**
   * The categories depth-first: every parent before its children, siblings by sort order then name.
   * Categories whose parent is missing are treated as roots.
   */
  public static List<Category> depthFirst(Collection<Category> categories) {
    Map<CategoryId, Category> byId = new LinkedHashMap<>();
    categories.forEach(c -> byId.put(c.id(), c));
    Map<Optional<CategoryId>, List<Category>> children = new LinkedHashMap<>();
    for (Category c : categories) {
      Optional<CategoryId> parent = c.parentId().filter(byId::containsKey);
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
    }
    List<Category> ordered = new ArrayList<>();
    Set<CategoryId> seen = new HashSet<>();
    add(Optional.empty(), children, ordered, seen);
    return ordered;
  }

  private static void add(
      Optional<CategoryId> parent,
      Map<Optional<CategoryId>, List<Category>> children,
      List<Category> into,
      Set<CategoryId> seen) {
    List<Category> level = new ArrayList<>(children.getOrDefault(parent, List.of()));
    level.sort(SIBLING_ORDER);
    for (Category c : level) {
      if (seen.add(c.id())) {
        into.add(c);
        add(Optional.of(c.id()), children, into, seen);
      }
    }
  }
}
