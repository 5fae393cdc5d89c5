package dev.duka.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.ConflictException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CategoryTreeTest {
  private static Category category(String name, Category parent, boolean active, int sortOrder) {
    return new Category(
        new CategoryId(UUID.nameUUIDFromBytes(name.getBytes())),
        parent == null ? null : parent.id(),
        name,
        Slug.from(name, "x"),
        "",
        active,
        sortOrder);
  }

  // fashion ─┬─ shoes ── sandals
  //          └─ kanga (inactive) ── kitenge
  // home
  private final Category fashion = category("Fashion", null, true, 0);
  private final Category home = category("Home", null, true, 1);
  private final Category shoes = category("Shoes", fashion, true, 0);
  private final Category sandals = category("Sandals", shoes, true, 0);
  private final Category kanga = category("Kanga", fashion, false, 1);
  private final Category kitenge = category("Kitenge", kanga, true, 0);
  private final List<Category> all = List.of(kitenge, sandals, home, kanga, shoes, fashion);

  @Test
  void listsParentsBeforeChildrenAndSiblingsBySortOrder() {
    assertThat(CategoryTree.depthFirst(all))
        .containsExactly(fashion, shoes, sandals, kanga, kitenge, home);
  }

  @Test
  void nestsChildrenUnderTheirParents() {
    List<CategoryTree.Node> roots = CategoryTree.nest(all);

    assertThat(roots).extracting(CategoryTree.Node::category).containsExactly(fashion, home);
    assertThat(roots.get(0).children())
        .extracting(CategoryTree.Node::category)
        .containsExactly(shoes, kanga);
    assertThat(roots.get(0).children().get(0).children())
        .extracting(CategoryTree.Node::category)
        .containsExactly(sandals);
    assertThat(roots.get(1).children()).isEmpty();
  }

  @Test
  void ordersSiblingsWithTheSameSortOrderByName() {
    Category b = category("Bags", null, true, 0);
    Category a = category("Art", null, true, 0);

    assertThat(CategoryTree.depthFirst(List.of(b, a))).containsExactly(a, b);
  }

  @Test
  void treatsACategoryWithoutItsParentAsARoot() {
    assertThat(CategoryTree.depthFirst(List.of(sandals))).containsExactly(sandals);
  }

  @Test
  void anInactiveCategoryHidesEverythingBelowIt() {
    assertThat(CategoryTree.visible(all))
        .containsExactlyInAnyOrder(fashion.id(), shoes.id(), sandals.id(), home.id());
  }

  @Test
  void aSubtreeIsTheCategoryAndAllItsDescendants() {
    assertThat(CategoryTree.subtree(fashion.id(), all))
        .containsExactlyInAnyOrder(
            fashion.id(), shoes.id(), sandals.id(), kanga.id(), kitenge.id());
    assertThat(CategoryTree.subtree(sandals.id(), all)).containsExactly(sandals.id());
    assertThat(CategoryTree.subtree(new CategoryId(UUID.randomUUID()), all)).isEmpty();
  }

  @Test
  void refusesToMakeACategoryItsOwnParent() {
    assertThatThrownBy(() -> CategoryTree.checkMove(shoes.id(), shoes.id(), all))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("its own parent");
  }

  @Test
  void refusesToMoveACategoryUnderAChild() {
    assertThatThrownBy(() -> CategoryTree.checkMove(fashion.id(), shoes.id(), all))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("subcategories");
  }

  @Test
  void refusesToMoveACategoryUnderADeeperDescendant() {
    assertThatThrownBy(() -> CategoryTree.checkMove(fashion.id(), sandals.id(), all))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> CategoryTree.checkMove(kanga.id(), kitenge.id(), all))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void allowsMovesAcrossBranchesUpwardsAndToTheTop() {
    assertThatCode(() -> CategoryTree.checkMove(sandals.id(), home.id(), all))
        .doesNotThrowAnyException();
    assertThatCode(() -> CategoryTree.checkMove(sandals.id(), fashion.id(), all))
        .doesNotThrowAnyException();
    assertThatCode(() -> CategoryTree.checkMove(kitenge.id(), shoes.id(), all))
        .doesNotThrowAnyException();
    assertThatCode(() -> CategoryTree.checkMove(shoes.id(), null, all)).doesNotThrowAnyException();
  }
}
