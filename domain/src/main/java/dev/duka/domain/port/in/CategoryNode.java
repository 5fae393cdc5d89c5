package dev.duka.domain.port.in;

import dev.duka.domain.catalog.CategoryTree;
import java.util.List;
import java.util.Objects;

/** A category in the tree, with its children in sibling order (sort order, then name). */
public record CategoryNode(CategoryView category, List<CategoryNode> children) {
  public CategoryNode {
    Objects.requireNonNull(category, "category");
    children = List.copyOf(children);
  }

  public static CategoryNode of(CategoryTree.Node node) {
    return new CategoryNode(
        CategoryView.of(node.category()), node.children().stream().map(CategoryNode::of).toList());
  }
}
