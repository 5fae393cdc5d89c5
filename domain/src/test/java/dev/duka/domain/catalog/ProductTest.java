package dev.duka.domain.catalog;

import static dev.duka.domain.testing.Fixtures.tzs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.Violation;
import dev.duka.domain.testing.CatalogFixtures;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductTest {
  private static final CategoryId MUGS = new CategoryId(UUID.randomUUID());

  @Test
  void aNewProductHasVersionZero() {
    assertThat(CatalogFixtures.product(MUGS, "Mug").build().version()).isZero();
  }

  @Test
  void anEditKeepsStockSlugCreationAndVersion() {
    Product mug = CatalogFixtures.product(MUGS, "Mug").stock(7).build();
    Actor editor = Actor.user(new UserId(UUID.randomUUID()));
    Instant later = mug.createdAt().plusSeconds(60);

    Product edited =
        mug.edited(
            mug.sku(),
            "Big mug",
            "Holds 500 ml",
            "Duka",
            MUGS,
            tzs("9000.00"),
            true,
            editor,
            later);

    assertThat(edited.stock()).isEqualTo(7);
    assertThat(edited.slug()).isEqualTo(mug.slug());
    assertThat(edited.createdAt()).isEqualTo(mug.createdAt());
    assertThat(edited.createdBy()).isEqualTo(mug.createdBy());
    assertThat(edited.version()).isEqualTo(mug.version());
    assertThat(edited.updatedBy()).isEqualTo(editor);
    assertThat(edited.updatedAt()).isEqualTo(later);
    assertThat(edited.name()).isEqualTo("Big mug");
  }

  @Test
  void deactivationOnlyWithdrawsIt() {
    Product mug = CatalogFixtures.product(MUGS, "Mug").build();

    Product withdrawn = mug.deactivated(Actor.system(), mug.createdAt());

    assertThat(withdrawn.active()).isFalse();
    assertThat(withdrawn.name()).isEqualTo(mug.name());
    assertThat(withdrawn.price()).isEqualTo(mug.price());
  }

  @Test
  void namesEveryBadText() {
    List<Violation> violations = new ArrayList<>();

    Product.checkTexts("", "d".repeat(5_001), "b".repeat(101), violations);

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactly("name", "description", "brand");
  }

  @Test
  void acceptsEmptyOptionalTexts() {
    List<Violation> violations = new ArrayList<>();

    Product.checkTexts("Mug", "", "", violations);

    assertThat(violations).isEmpty();
  }

  @Test
  void neverHoldsNegativeStock() {
    assertThatThrownBy(() -> CatalogFixtures.product(MUGS, "Mug").stock(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
