package dev.duka.application.catalog;

import static dev.duka.application.catalog.CatalogWorld.anonymous;
import static dev.duka.application.catalog.CatalogWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.port.in.CategoryNode;
import dev.duka.domain.port.in.CategoryView;
import dev.duka.domain.port.in.CreateCategoryUseCase.CreateCategoryCommand;
import dev.duka.domain.port.in.UpdateCategoryUseCase.CategoryChanges;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryServiceTest {
  private final CatalogWorld world = new CatalogWorld();

  @Test
  void onlyAdministratorsShapeTheTree() {
    CategoryView shoes = world.category("Shoes");
    var create = new CreateCategoryCommand("Hats", null, null, null, null, null);

    assertThatThrownBy(() -> world.categories.createCategory(world.shopper, create))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                world.categories.updateCategory(
                    world.shopper, shoes.id(), new CategoryChanges().name("Boots")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> world.categories.deleteCategory(world.shopper, shoes.id()))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void makesTheSlugFromTheNameSteppingAroundTakenOnes() {
    CategoryView first = world.category("Kanga & Kitenge");
    CategoryView second = world.category("Kanga & kitenge!");

    assertThat(first.slug().value()).isEqualTo("kanga-kitenge");
    assertThat(second.slug().value()).isEqualTo("kanga-kitenge-2");
    assertThat(first.active()).isTrue();
    assertThat(first.sortOrder()).isZero();
    assertThat(world.audit.withAction("category.created")).hasSize(2);
  }

  @Test
  void refusesAGivenSlugThatIsTaken() {
    world.category("Shoes");

    assertThatThrownBy(
            () ->
                world.categories.createCategory(
                    world.admin,
                    new CreateCategoryCommand("Boots", "shoes", null, null, null, null)))
        .isInstanceOf(DuplicateException.class);
  }

  @Test
  void namesEveryBadFieldAtOnce() {
    var bad =
        new CreateCategoryCommand(" ", "Not A Slug", "not-an-id", "d".repeat(1_001), null, null);

    assertThatThrownBy(() -> world.categories.createCategory(world.admin, bad))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("name", "description", "slug", "parent_id"));
  }

  @Test
  void refusesAParentThatDoesNotExist() {
    var orphan =
        new CreateCategoryCommand("Orphan", null, CatalogWorld.randomId(), null, null, null);

    assertThatThrownBy(() -> world.categories.createCategory(world.admin, orphan))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("parent_id"));
  }

  @Test
  void refusesToMoveACategoryUnderItselfOrADescendant() {
    CategoryView fashion = world.category("Fashion");
    CategoryView shoes = world.category("Shoes", fashion.id(), true);
    CategoryView sandals = world.category("Sandals", shoes.id(), true);

    assertThatThrownBy(
            () ->
                world.categories.updateCategory(
                    world.admin,
                    fashion.id(),
                    new CategoryChanges().parentId(fashion.id().toString())))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                world.categories.updateCategory(
                    world.admin,
                    fashion.id(),
                    new CategoryChanges().parentId(sandals.id().toString())))
        .isInstanceOf(ConflictException.class);
    assertThat(world.categories.getCategory(as(world.admin), fashion.id()).parentId()).isNull();
  }

  @Test
  void movesRenamesAndReordersACategoryAndAuditsWhatChanged() {
    CategoryView fashion = world.category("Fashion");
    CategoryView home = world.category("Home");
    CategoryView shoes = world.category("Shoes", fashion.id(), true);

    CategoryView moved =
        world.categories.updateCategory(
            world.admin,
            shoes.id(),
            new CategoryChanges().parentId(home.id().toString()).name("Slippers").sortOrder(3));
    CategoryView toTheTop =
        world.categories.updateCategory(
            world.admin, shoes.id(), new CategoryChanges().parentId(null));

    assertThat(moved.parentId()).isEqualTo(home.id());
    assertThat(moved.name()).isEqualTo("Slippers");
    assertThat(moved.slug()).isEqualTo(shoes.slug());
    assertThat(moved.sortOrder()).isEqualTo(3);
    assertThat(toTheTop.parentId()).isNull();
    assertThat(world.audit.withAction("category.changed"))
        .extracting(e -> e.data().get("fields"))
        .containsExactly("name,parent_id,sort_order", "parent_id");
  }

  @Test
  void thePublicTreeLeavesOutInactiveBranches() {
    CategoryView fashion = world.category("Fashion");
    CategoryView shoes = world.category("Shoes", fashion.id(), true);
    CategoryView closed = world.category("Closed", fashion.id(), false);
    world.category("Under closed", closed.id(), true);
    CategoryView home = world.category("Home");

    List<CategoryNode> tree = world.categories.listCategories(anonymous(), false);

    assertThat(tree).extracting(n -> n.category().id()).containsExactly(fashion.id(), home.id());
    assertThat(tree.get(0).children())
        .extracting(n -> n.category().id())
        .containsExactly(shoes.id());
  }

  @Test
  void administratorsMayAskForTheWholeTree() {
    CategoryView fashion = world.category("Fashion");
    CategoryView closed = world.category("Closed", fashion.id(), false);

    List<CategoryNode> tree = world.categories.listCategories(as(world.admin), true);

    assertThat(tree.get(0).children()).extracting(n -> n.category().id()).contains(closed.id());
    assertThatThrownBy(() -> world.categories.listCategories(as(world.shopper), true))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> world.categories.listCategories(anonymous(), true))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aHiddenCategoryIsNotFoundForThePublic() {
    CategoryView closed = world.category("Closed", null, false);
    CategoryView below = world.category("Below", closed.id(), true);

    assertThatThrownBy(() -> world.categories.getCategory(anonymous(), below.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> world.categories.getCategory(as(world.shopper), closed.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.categories.getCategory(as(world.admin), below.id()).name()).isEqualTo("Below");
  }

  @Test
  void deletesOnlyAnEmptyCategory() {
    CategoryView fashion = world.category("Fashion");
    CategoryView shoes = world.category("Shoes", fashion.id(), true);
    world.product(shoes.id(), "Viatu", "6000.00");
    CategoryView empty = world.category("Empty");

    assertThatThrownBy(() -> world.categories.deleteCategory(world.admin, fashion.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("subcategories");
    assertThatThrownBy(() -> world.categories.deleteCategory(world.admin, shoes.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("products");
    world.categories.deleteCategory(world.admin, empty.id());

    assertThatThrownBy(() -> world.categories.getCategory(as(world.admin), empty.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(world.audit.withAction("category.deleted")).hasSize(1);
  }
}
