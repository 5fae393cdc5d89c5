package dev.duka.bootstrap;

import dev.duka.application.catalog.ProductKeys;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.catalog.SkuRule;
import dev.duka.domain.catalog.Slug;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A small shop to look at: a few categories and about 200 products with Swahili and English names,
 * prices in the shop's currency and stock. Seeding twice changes nothing.
 */
final class DemoCatalog {
  /** The slug that marks a seeded database. */
  static final String MARKER_SLUG = "demo-electronics";

  private record Line(
      String category, String brand, String item, long basePrice, String[] variants) {}

  private static final String[] SIZES = {"S", "M", "L", "XL"};
  private static final String[] COLOURS = {"Nyeusi", "Nyeupe", "Bluu", "Nyekundu", "Kijani"};
  private static final String[] STORAGE = {"64GB", "128GB", "256GB"};

  private static final List<Line> LINES =
      List.of(
          new Line("Phones", "Tecno", "Spark 20", 35_000_000, STORAGE),
          new Line("Phones", "Samsung", "Galaxy A15", 48_000_000, STORAGE),
          new Line("Phones", "Infinix", "Hot 40", 39_000_000, STORAGE),
          new Line("Phones", "Apple", "iPhone 13", 180_000_000, STORAGE),
          new Line(
              "Laptops", "Lenovo", "IdeaPad Slim 3", 150_000_000, new String[] {"8GB", "16GB"}),
          new Line("Laptops", "HP", "ProBook 450", 210_000_000, new String[] {"8GB", "16GB"}),
          new Line("Accessories", "Oraimo", "Power bank 20000mAh", 6_500_000, COLOURS),
          new Line("Accessories", "Oraimo", "FreePods earbuds", 5_500_000, COLOURS),
          new Line(
              "Accessories", "Anker", "USB-C charger 30W", 4_500_000, new String[] {"EU", "UK"}),
          new Line("Kanga & Kitenge", "Pwani Prints", "Kanga ya pwani", 1_500_000, COLOURS),
          new Line("Kanga & Kitenge", "Pwani Prints", "Kitenge cha Ankara", 2_500_000, COLOURS),
          new Line(
              "Shoes",
              "Bata",
              "Viatu vya ngozi",
              6_000_000,
              new String[] {"40", "41", "42", "43", "44"}),
          new Line(
              "Shoes",
              "Bata",
              "Sandals za ufukweni",
              1_800_000,
              new String[] {"39", "40", "41", "42"}),
          new Line("T-shirts", "Duka Basics", "T-shirt ya pamba", 1_999_000, SIZES),
          new Line("T-shirts", "Duka Basics", "Polo shirt", 3_200_000, SIZES),
          new Line(
              "Kitchen",
              "Jiko Bora",
              "Sufuria ya alumini",
              2_800_000,
              new String[] {"2L", "4L", "6L"}),
          new Line(
              "Kitchen", "Jiko Bora", "Jiko la mkaa", 4_500_000, new String[] {"Ndogo", "Kubwa"}),
          new Line(
              "Furniture",
              "Mninga Works",
              "Kiti cha mninga",
              12_000_000,
              new String[] {"Natural", "Dark"}),
          new Line(
              "Coffee & Tea",
              "Kilimanjaro",
              "Kahawa ya Arabica 500g",
              1_800_000,
              new String[] {"Beans", "Ground"}),
          new Line(
              "Coffee & Tea",
              "Chai Bora",
              "Chai ya majani 250g",
              450_000,
              new String[] {"Classic", "Tangawizi"}),
          new Line("Spices", "Zanzibar Spice", "Karafuu 100g", 600_000, new String[] {"Whole"}),
          new Line(
              "Spices",
              "Zanzibar Spice",
              "Mdalasini 100g",
              550_000,
              new String[] {"Sticks", "Ground"}),
          new Line(
              "Beauty",
              "Shea Asili",
              "Siagi ya shea 250ml",
              1_200_000,
              new String[] {"Plain", "Lavender"}),
          new Line(
              "Beauty", "Nywele Bora", "Mafuta ya nazi 500ml", 900_000, new String[] {"Pure"}));

  private static final String[][] TREE = {
    {"Electronics", "Phones", "Laptops", "Accessories"},
    {"Fashion", "Kanga & Kitenge", "Shoes", "T-shirts"},
    {"Home", "Kitchen", "Furniture"},
    {"Groceries", "Coffee & Tea", "Spices"},
    {"Beauty"}
  };

  private final CategoryRepository categories;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final ProductKeys keys;

  DemoCatalog(
      CategoryRepository categories,
      ProductRepository products,
      Transactions transactions,
      Clock clock,
      IdGenerator ids) {
    this.categories = categories;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.keys = new ProductKeys(products, ids);
  }

  /**
   * Seeds the shop unless it was seeded before.
   *
   * @return how many products were added (0 when already seeded)
   */
  int seed(Currency currency) {
    boolean seeded =
        categories.findAll().stream().anyMatch(c -> c.slug().value().equals(MARKER_SLUG));
    if (seeded) {
      return 0;
    }
    return transactions.inTransaction(() -> insertAll(currency));
  }

  private int insertAll(Currency currency) {
    List<Category> leaves = new ArrayList<>();
    int order = 0;
    for (String[] branch : TREE) {
      Category root = category(branch[0], null, order++);
      categories.insert(root);
      leaves.add(root);
      for (int i = 1; i < branch.length; i++) {
        Category child = category(branch[i], root.id(), i);
        categories.insert(child);
        leaves.add(child);
      }
    }
    int added = 0;
    int round = 0;
    Instant now = clock.now();
    while (added < 200) {
      for (Line line : LINES) {
        for (String variant : line.variants()) {
          if (added >= 200) {
            break;
          }
          String edition = round == 0 ? "" : " (toleo " + (round + 1) + ")";
          String name = line.brand() + " " + line.item() + " " + variant + edition;
          long price = line.basePrice() + (long) variant.hashCode() % 7 * 10_000L + round * 50_000L;
          Category category =
              leaves.stream()
                  .filter(c -> c.name().equals(line.category()))
                  .findFirst()
                  .orElseThrow();
          insertProduct(name, line, category.id(), Money.of(Math.abs(price), currency), added, now);
          added++;
        }
      }
      round++;
    }
    return added;
  }

  private Category category(String name, CategoryId parent, int sortOrder) {
    String slug =
        (name.equals("Electronics") ? MARKER_SLUG : "demo-" + Slug.from(name, "x").value());
    return new Category(
        new CategoryId(ids.newId()),
        parent,
        name,
        new Slug(slug),
        "Demo category: " + name,
        true,
        sortOrder);
  }

  /** Stores one demo product under a free SKU and slug, as the admin API would. */
  private void insertProduct(
      String name, Line line, CategoryId category, Money price, int n, Instant now) {
    ProductId id = new ProductId(ids.newId());
    int stock = n % 17 == 0 ? 0 : 5 + (n * 37) % 120;
    Instant created = now.minusSeconds(n * 600L);
    keys.insert(
        Optional.empty(),
        SkuRule.prefix(line.brand(), line.category(), line.item()),
        Slug.from(name, "product"),
        (sku, slug) ->
            new Product(
                id,
                sku,
                slug,
                name,
                line.item()
                    + " by "
                    + line.brand()
                    + ". "
                    + line.category()
                    + " from the Duka demo shop.",
                line.brand(),
                category,
                price,
                stock,
                true,
                Actor.system(),
                Actor.system(),
                created,
                created));
  }
}
