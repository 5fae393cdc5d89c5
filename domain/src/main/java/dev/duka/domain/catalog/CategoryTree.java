package dev.duka.domain.catalog;

import dev.duka.domain.error.ConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    List<Category> ordered = new ArrayList<>();
    for (Node root : nest(categories)) {
      flatten(root, ordered);
    }
    return ordered;
  }

  /**
   * The categories as a forest: the roots with their children nested, siblings by sort order then
   * name. Categories whose parent is missing are treated as roots.
   */
  public static List<Node> nest(Collection<Category> categories) {
    Map<CategoryId, Category> byId = new LinkedHashMap<>();
    categories.forEach(c -> byId.put(c.id(), c));
    Map<Optional<CategoryId>, List<Category>> children = new LinkedHashMap<>();
    for (Category c : byId.values()) {
      Optional<CategoryId> parent = c.parentId().filter(byId::containsKey);
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
    }
    return level(Optional.empty(), children, new HashSet<>());
  }

  /**
   * The ids of the categories the public may see: active, under a parent the public may see (so
   * every ancestor is active too).
   */
  public static Set<CategoryId> visible(Collection<Category> categories) {
    Set<CategoryId> visible = new LinkedHashSet<>();
    for (Node root : nest(categories)) {
      collectVisible(root, visible);
    }
    return visible;
  }

  /**
   * The category {@code root} and every category below it; empty when {@code root} is not among
   * {@code categories}.
   */
  public static Set<CategoryId> subtree(CategoryId root, Collection<Category> categories) {
    Objects.requireNonNull(root, "root");
    Set<CategoryId> ids = new LinkedHashSet<>();
    for (Category c : depthFirst(categories)) {
      if (c.id().equals(root) || c.parentId().filter(ids::contains).isPresent()) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  /**
   * Checks that {@code moving} may be put under {@code newParent}: a category cannot be its own
   * parent nor sit below one of its own descendants, or the tree would become a loop.
   *
   * @param newParent the new parent, or {@code null} for a root (always allowed)
   * @throws ConflictException when {@code newParent} is {@code moving} or one of its descendants
   */
  public static void checkMove(
      CategoryId moving, CategoryId newParent, Collection<Category> categories) {
    if (newParent == null) {
      return;
    }
    if (newParent.equals(moving)) {
      throw new ConflictException("category " + moving + " cannot be its own parent");
    }
    if (subtree(moving, categories).contains(newParent)) {
      throw new ConflictException(
          "category "
              + moving
              + " cannot move under "
              + newParent
              + ", which is one of its own subcategories");
    }
  }

  /** A category and its children, in sibling order. */
  public record Node(Category category, List<Node> children) {
    public Node {
      Objects.requireNonNull(category, "category");
      children = List.copyOf(children);
    }
  }

  private static List<Node> level(
      Optional<CategoryId> parent,
      Map<Optional<CategoryId>, List<Category>> children,
      Set<CategoryId> seen) {
    List<Category> siblings = new ArrayList<>(children.getOrDefault(parent, List.of()));
    siblings.sort(SIBLING_ORDER);
    List<Node> nodes = new ArrayList<>();
    for (Category c : siblings) {
      if (seen.add(c.id())) {
        nodes.add(new Node(c, level(Optional.of(c.id()), children, seen)));
      }
    }
    return nodes;
  }

  private static void flatten(Node node, List<Category> into) {
    into.add(node.category());
    node.children().forEach(child -> flatten(child, into));
  }

  private static void collectVisible(Node node, Set<CategoryId> into) {
    if (node.category().active()) {
      into.add(node.category().id());
      node.children().forEach(child -> collectVisible(child, into));
    }
  }
}
