package dev.duka.bootstrap.bench;

import dev.duka.domain.catalog.Slug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A large, realistic-looking shop drawn deterministically from a product's number: a three-level
 * category tree, about 300 brands, Swahili and English names and descriptions, prices around each
 * kind of item's usual price, and stock.
 *
 * <p>Product {@code n} (1-based) is the same on every run, so a pgbench script can address it by
 * number. Every tenth product is special: {@code n % 50 == 0} is inactive, any other multiple of 10
 * is out of stock. All others are <em>orderable</em> (visible, 200–999 in stock); {@link
 * #orderable(long)} numbers them without gaps, so a script can draw one uniformly.
 */
final class BenchCatalog {
  /** A node of the category tree; {@code parent} is a 1-based category number or 0 for a root. */
  record CategorySeed(int number, int parent, String name, String slug, int sortOrder) {}

  /** One product row, as COPY writes it. */
  record ProductSeed(
      long number,
      UUID id,
      String sku,
      String slug,
      String name,
      String description,
      String brand,
      UUID categoryId,
      long priceMinor,
      int stock,
      boolean active,
      Instant createdAt) {}

  /** A leaf category and what is sold in it: item names and a typical price in whole TZS. */
  private record Leaf(String root, String middle, String name, String[] items, long basePrice) {}

  private static final List<Leaf> LEAVES = new ArrayList<>();
  private static final Map<String, String[]> VARIANTS = new LinkedHashMap<>();
  private static final Map<String, String[]> BRANDS = new LinkedHashMap<>();
  private static final Map<String, String[]> FEATURES = new LinkedHashMap<>();

  private static final String[] BRAND_STEMS = {
    "Safari", "Jua", "Nyota", "Upepo", "Simba", "Tembo", "Twiga", "Kifaru", "Chui", "Nyati",
    "Bahari", "Mlima", "Ziwa", "Pwani", "Kisiwa", "Msitu", "Baraka", "Neema", "Amani", "Furaha"
  };
  private static final String[] ADJECTIVES = {
    "durable", "lightweight", "imara", "elegant", "affordable", "bora", "modern", "classic",
    "compact", "comfortable", "safi", "reliable", "stylish", "practical", "strong", "nzuri"
  };
  private static final String[] SWAHILI = {
    "Bidhaa bora kwa bei nafuu.",
    "Inafaa kwa matumizi ya kila siku.",
    "Imetengenezwa kwa ubora wa hali ya juu.",
    "Dhamana ya miezi kumi na mbili.",
    "Rahisi kutumia na kutunza.",
    "Chaguo la familia nyingi Tanzania."
  };
  private static final String[] CITIES = {
    "Dar es Salaam", "Arusha", "Mwanza", "Dodoma", "Mbeya", "Zanzibar", "Moshi", "Tanga"
  };

  static {
    root(
        "Electronics",
        new String[] {
          "Tecno", "Samsung", "Infinix", "Apple", "Itel", "Xiaomi", "Oraimo", "Anker", "Hisense",
          "LG", "Sony", "JBL", "Lenovo", "HP", "Nokia", "Huawei"
        },
        new String[] {
          "64GB", "128GB", "256GB", "Nyeusi", "Nyeupe", "Bluu", "Silver", "Gold", "2024", "Pro",
          "Lite", "Max"
        },
        new String[] {
          "Long battery life and fast charging.",
          "Dual SIM with 4G network support.",
          "Bluetooth 5.3 and USB-C connection.",
          "Sharp display that stays readable in the sun."
        });
    leaf("Electronics", "Phones", "Smartphones", 450_000, "Smartphone", "Simu janja", "Galaxy");
    leaf("Electronics", "Phones", "Feature phones", 45_000, "Simu ya kitochi", "Feature phone");
    leaf("Electronics", "Phones", "Phone cases", 8_000, "Kava ya simu", "Silicone case");
    leaf("Electronics", "Computers", "Laptops", 1_400_000, "Laptop", "Notebook", "Ultrabook");
    leaf("Electronics", "Computers", "Monitors", 450_000, "Monitor", "Skrini ya kompyuta");
    leaf("Electronics", "Computers", "Printers", 300_000, "Printer", "Ink cartridge");
    leaf("Electronics", "Audio", "Earbuds", 45_000, "Earbuds", "FreePods", "Wireless earphones");
    leaf("Electronics", "Audio", "Speakers", 120_000, "Bluetooth speaker", "Spika", "Soundbar");
    leaf("Electronics", "TV & Video", "Televisions", 900_000, "Smart TV", "Televisheni");
    leaf("Electronics", "Accessories", "Chargers", 15_000, "Chaja ya haraka", "USB-C cable");
    leaf("Electronics", "Accessories", "Power banks", 55_000, "Power bank", "Betri ya akiba");

    root(
        "Fashion",
        new String[] {
          "Pwani Prints", "Bata", "Kikoy Co", "Zanzi Wear", "Sokoni Style", "Maasai Craft",
          "Ankara House", "Duka Basics", "Nike", "Adidas", "Puma", "Tandika"
        },
        new String[] {
          "S", "M", "L", "XL", "XXL", "Nyekundu", "Kijani", "Njano", "Nyeusi", "Bluu", "40", "42"
        },
        new String[] {
          "Cotton that breathes in the coastal heat.",
          "Hand-finished seams by tailors in Kariakoo.",
          "Colours that stay bright wash after wash.",
          "Cut for a comfortable, relaxed fit."
        });
    leaf("Fashion", "Women", "Dresses", 45_000, "Gauni", "Maxi dress", "Ankara dress");
    leaf("Fashion", "Women", "Kanga & Kitenge", 18_000, "Kanga ya pwani", "Kitenge", "Kikoi");
    leaf("Fashion", "Women", "Handbags", 35_000, "Mkoba", "Handbag", "Kiondo");
    leaf("Fashion", "Men", "Shirts", 25_000, "Shati", "Polo shirt", "T-shirt ya pamba");
    leaf("Fashion", "Men", "Trousers", 40_000, "Suruali", "Chinos", "Jeans");
    leaf("Fashion", "Men", "Kanzu", 35_000, "Kanzu", "Kofia ya kiua");
    leaf("Fashion", "Shoes", "Sneakers", 85_000, "Raba", "Sneakers", "Running shoes");
    leaf("Fashion", "Shoes", "Sandals", 15_000, "Sandals za ufukweni", "Makubadhi");
    leaf("Fashion", "Shoes", "Leather shoes", 95_000, "Viatu vya ngozi", "Oxford shoes");
    leaf("Fashion", "Kids", "School uniforms", 25_000, "Sare ya shule", "School sweater");

    root(
        "Home & Kitchen",
        new String[] {
          "Jiko Bora", "Mninga Works", "Kilimanjaro Home", "Sufuria Plus", "Nyumba Nzuri",
          "Tanga Steel", "Solar Mwangaza", "Philips", "Ramtons", "Von"
        },
        new String[] {
          "Ndogo", "Kubwa", "2L", "4L", "6L", "Natural", "Dark", "Single", "Double", "Queen"
        },
        new String[] {
          "Solid hardwood from sustainable forests.",
          "Saves charcoal and cooks evenly.",
          "Easy to clean and rust resistant.",
          "Built for busy family kitchens."
        });
    leaf("Home & Kitchen", "Kitchen", "Cookware", 35_000, "Sufuria ya alumini", "Frying pan");
    leaf("Home & Kitchen", "Kitchen", "Stoves", 75_000, "Jiko la mkaa", "Jiko la gesi");
    leaf("Home & Kitchen", "Kitchen", "Appliances", 85_000, "Blender", "Juicer", "Kettle");
    leaf("Home & Kitchen", "Furniture", "Chairs", 90_000, "Kiti cha mninga", "Office chair");
    leaf("Home & Kitchen", "Furniture", "Tables", 250_000, "Meza ya chakula", "Coffee table");
    leaf("Home & Kitchen", "Furniture", "Beds", 650_000, "Kitanda cha mninga", "Bunk bed");
    leaf("Home & Kitchen", "Bedding", "Mattresses", 280_000, "Godoro", "Mattress");
    leaf("Home & Kitchen", "Bedding", "Mosquito nets", 18_000, "Chandarua", "Mosquito net");
    leaf("Home & Kitchen", "Lighting", "Solar lamps", 65_000, "Taa ya sola", "Solar lantern");

    root(
        "Groceries",
        new String[] {
          "Kilimanjaro",
          "Chai Bora",
          "Zanzibar Spice",
          "Azam",
          "Bakhresa",
          "Mo Bidco",
          "Korie",
          "Tanga Fresh",
          "Dar Fresh",
          "Sokoni"
        },
        new String[] {"250g", "500g", "1kg", "2kg", "5kg", "1L", "3L", "5L", "Classic", "Organic"},
        new String[] {
          "Grown by smallholder farmers on the slopes of Kilimanjaro.",
          "Packed fresh and sealed for flavour.",
          "No artificial colours or preservatives.",
          "Sourced from Zanzibar and Pemba."
        });
    leaf("Groceries", "Coffee & Tea", "Coffee", 18_000, "Kahawa ya Arabica", "Instant coffee");
    leaf("Groceries", "Coffee & Tea", "Tea", 4_500, "Chai ya majani", "Green tea");
    leaf("Groceries", "Spices", "Whole spices", 6_000, "Karafuu", "Mdalasini", "Iliki");
    leaf("Groceries", "Spices", "Masala", 3_500, "Pilau masala", "Curry powder", "Binzari");
    leaf("Groceries", "Staples", "Rice", 25_000, "Mchele wa Kyela", "Basmati rice");
    leaf("Groceries", "Staples", "Flour", 12_000, "Unga wa sembe", "Unga wa ngano");
    leaf("Groceries", "Staples", "Cooking oil", 22_000, "Mafuta ya alizeti", "Sunflower oil");
    leaf("Groceries", "Snacks", "Biscuits & snacks", 3_000, "Biskuti", "Crisps", "Karanga");

    root(
        "Beauty & Health",
        new String[] {
          "Shea Asili", "Nywele Bora", "Nivea", "Dettol", "Colgate", "Safi", "Urembo", "Marula"
        },
        new String[] {"100ml", "250ml", "500ml", "Plain", "Lavender", "Coconut", "Family pack"},
        new String[] {
          "Gentle on sensitive skin.",
          "Made with natural shea butter and coconut oil.",
          "Dermatologically tested.",
          "A light scent that lasts all day."
        });
    leaf("Beauty & Health", "Skin care", "Body lotion", 12_000, "Siagi ya shea", "Body lotion");
    leaf("Beauty & Health", "Skin care", "Soap", 3_000, "Sabuni ya kipande", "Liquid soap");
    leaf("Beauty & Health", "Hair care", "Hair oil", 8_000, "Mafuta ya nazi", "Hair food");
    leaf("Beauty & Health", "Hair care", "Wigs & braids", 45_000, "Wig", "Braids", "Rasta");
    leaf("Beauty & Health", "Personal care", "Oral care", 4_000, "Dawa ya meno", "Mswaki");

    root(
        "Sports & Outdoors",
        new String[] {
          "Simba Sports", "Kili Gear", "Serengeti Outdoor", "Decathlon", "Mpira Bora", "Kasi"
        },
        new String[] {"Size 4", "Size 5", "5kg", "10kg", "Blue", "Red", "Black", "Junior"},
        new String[] {
          "Tested on the pitches of Dar es Salaam.",
          "Weather resistant for the long rains.",
          "Strong stitching for daily training.",
          "Light enough to carry up Kilimanjaro."
        });
    leaf("Sports & Outdoors", "Team sports", "Football", 35_000, "Mpira wa miguu", "Jezi");
    leaf("Sports & Outdoors", "Team sports", "Basketball", 60_000, "Basketball", "Hoop");
    leaf("Sports & Outdoors", "Fitness", "Weights", 45_000, "Dumbbells", "Kettlebell");
    leaf("Sports & Outdoors", "Fitness", "Yoga", 30_000, "Yoga mat", "Resistance bands");
    leaf("Sports & Outdoors", "Cycling", "Bicycles", 380_000, "Baiskeli", "Mountain bike");
    leaf("Sports & Outdoors", "Camping", "Tents", 150_000, "Hema", "Sleeping bag");

    root(
        "Books & Stationery",
        new String[] {"Mkuki na Nyota", "E&D Vision", "Oxford", "Longhorn", "Kasuku", "Nakala"},
        new String[] {"A4", "A5", "Pack of 10", "Pack of 50", "Blue", "Black", "Toleo la 2"},
        new String[] {
          "Follows the Tanzanian national curriculum.",
          "Printed on thick paper that does not bleed.",
          "Stories loved by readers across East Africa.",
          "Ideal for school and office."
        });
    leaf("Books & Stationery", "Books", "School books", 15_000, "Kitabu cha hisabati", "Kamusi");
    leaf("Books & Stationery", "Books", "Novels", 18_000, "Riwaya", "Novel", "Hadithi");
    leaf("Books & Stationery", "Stationery", "Exercise books", 2_500, "Daftari", "Notebook");
    leaf("Books & Stationery", "Stationery", "Pens", 1_500, "Kalamu", "Ballpoint pens");

    root(
        "Baby & Toys",
        new String[] {"Mtoto Bora", "Pampers", "Huggies", "Toy Safari", "Chicco", "Furaha Toys"},
        new String[] {"Size 1", "Size 3", "Size 5", "Newborn", "0-6 months", "3+ years", "Red"},
        new String[] {
          "Soft and safe for little ones.",
          "Free of BPA and harmful dyes.",
          "Keeps children busy and learning.",
          "Approved by parents in Arusha and Mwanza."
        });
    leaf("Baby & Toys", "Baby", "Diapers", 28_000, "Nepi", "Diapers", "Baby wipes");
    leaf("Baby & Toys", "Baby", "Feeding", 12_000, "Chupa ya mtoto", "Sippy cup");
    leaf("Baby & Toys", "Toys", "Educational toys", 25_000, "Building blocks", "Puzzle");
    leaf("Baby & Toys", "Toys", "Outdoor toys", 55_000, "Baiskeli ya watoto", "Scooter");

    root(
        "Farming",
        new String[] {"Kilimo Bora", "Yara", "Seed Co", "Pannar", "Shamba Tools", "Maji Safi"},
        new String[] {"1kg", "2kg", "25kg", "50kg", "Heavy duty", "Standard"},
        new String[] {
          "Certified by the Tanzania Official Seed Certification Institute.",
          "Higher yields in the short and long rains.",
          "Forged steel that holds its edge.",
          "Saves water on small farms."
        });
    leaf("Farming", "Seeds", "Maize seeds", 18_000, "Mbegu za mahindi", "Hybrid maize seed");
    leaf("Farming", "Seeds", "Vegetable seeds", 6_000, "Mbegu za nyanya", "Onion seeds");
    leaf("Farming", "Inputs", "Fertiliser", 75_000, "Mbolea ya UREA", "Mbolea ya DAP");
    leaf("Farming", "Tools & irrigation", "Hand tools", 15_000, "Jembe", "Panga", "Reki");
    leaf("Farming", "Tools & irrigation", "Irrigation", 220_000, "Drip kit", "Water pump");

    root(
        "Auto & Moto",
        new String[] {"Toyo", "Bridgestone", "Bosch", "Castrol", "Boda Parts", "Piki Spares"},
        new String[] {"1L", "4L", "5W-30", "15W-40", "13 inch", "15 inch", "Front", "Rear"},
        new String[] {
          "Fits most Toyota and Nissan models on Tanzanian roads.",
          "Made for boda boda riders who ride all day.",
          "Protects the engine in hot weather.",
          "Long lasting grip on murram and tarmac."
        });
    leaf("Auto & Moto", "Car", "Car care", 45_000, "Engine oil", "Car wax", "Wiper blades");
    leaf("Auto & Moto", "Car", "Tyres", 180_000, "Tyre", "Tairi");
    leaf("Auto & Moto", "Motorcycle", "Motorcycle parts", 25_000, "Spea za pikipiki", "Brake pads");
    leaf("Auto & Moto", "Motorcycle", "Helmets", 45_000, "Helmeti", "Riding gloves");
  }

  private static void root(String name, String[] brands, String[] variants, String[] features) {
    String[] all = new String[brands.length + BRAND_STEMS.length];
    System.arraycopy(brands, 0, all, 0, brands.length);
    String suffix = name.split(" ")[0];
    for (int i = 0; i < BRAND_STEMS.length; i++) {
      all[brands.length + i] = BRAND_STEMS[i] + " " + suffix;
    }
    BRANDS.put(name, all);
    VARIANTS.put(name, variants);
    FEATURES.put(name, features);
  }

  private static void leaf(
      String root, String middle, String name, long basePrice, String... items) {
    LEAVES.add(new Leaf(root, middle, name, items, basePrice));
  }

  /** How far back the oldest product was created. */
  private static final Duration HISTORY = Duration.ofDays(730);

  private final long products;
  private final Instant now;
  private final List<CategorySeed> categories = new ArrayList<>();
  private final int[] leafCategory = new int[LEAVES.size()];
  private final int[] leafWeights = new int[LEAVES.size()];
  private final int totalWeight;

  /**
   * @param products how many products the shop has
   * @param now the creation time of the newest product
   */
  BenchCatalog(long products, Instant now) {
    if (products < 1) {
      throw new IllegalArgumentException("a catalog needs at least one product");
    }
    this.products = products;
    this.now = now;
    Map<String, Integer> numbers = new LinkedHashMap<>();
    int weights = 0;
    for (int i = 0; i < LEAVES.size(); i++) {
      Leaf leaf = LEAVES.get(i);
      int root = numbers.computeIfAbsent(leaf.root(), name -> add(0, name));
      int middle =
          numbers.computeIfAbsent(leaf.root() + "/" + leaf.middle(), k -> add(root, leaf.middle()));
      leafCategory[i] = add(middle, leaf.name());
      // some aisles are bigger than others: 1 to 5 shares of the catalog
      leafWeights[i] = 1 + (i * 7) % 5;
      weights += leafWeights[i];
    }
    this.totalWeight = weights;
  }

  private int add(int parent, String name) {
    int number = categories.size() + 1;
    int sortOrder =
        (int) categories.stream().filter(c -> c.parent() == parent).count(); // siblings so far
    categories.add(
        new CategorySeed(
            number, parent, name, Slug.from(name, "category").value() + "-" + number, sortOrder));
    return number;
  }

  /** The category tree, parents before children. */
  List<CategorySeed> categories() {
    return List.copyOf(categories);
  }

  /** The number of distinct brands products are drawn from. */
  static int brandCount() {
    return BRANDS.values().stream().mapToInt(b -> b.length).sum();
  }

  /** Whether product {@code n} can be ordered: visible and well stocked. */
  static boolean isOrderable(long n) {
    return n % 10 != 0;
  }

  /** How many of the first {@code products} products are orderable. */
  static long orderableCount(long products) {
    return products - products / 10;
  }

  /**
   * The number of the {@code k}-th orderable product (1-based), skipping every tenth; pgbench
   * computes the same with {@code k + (k - 1) / 9}.
   */
  static long orderable(long k) {
    return k + (k - 1) / 9;
  }

  /** Product {@code n} (1-based). */
  ProductSeed product(long n) {
    SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
    int leafIndex = pickLeaf(random.nextInt(totalWeight));
    Leaf leaf = LEAVES.get(leafIndex);
    String[] brands = BRANDS.get(leaf.root());
    String brand = brands[random.nextInt(brands.length)];
    String[] variants = VARIANTS.get(leaf.root());
    String item = leaf.items()[random.nextInt(leaf.items().length)];
    StringBuilder name = new StringBuilder(brand).append(' ').append(item);
    if (random.nextInt(3) == 0) {
      name.append(' ').append((char) ('A' + random.nextInt(26))).append(1 + random.nextInt(99));
    }
    String variant = variants[random.nextInt(variants.length)];
    name.append(' ').append(variant);
    // about 0.6× to 1.8× the usual price of the item, rounded to 100 TZS (50 for cheap items)
    double factor = Math.exp(-0.5 + random.nextDouble() * 1.1);
    long step = leaf.basePrice() < 10_000 ? 50 : 100;
    long price = Math.max(step, Math.round(leaf.basePrice() * factor / step) * step);
    boolean active = n % 50 != 0;
    int stock = isOrderable(n) ? 200 + random.nextInt(800) : (active ? 0 : random.nextInt(30));
    long spread = HISTORY.getSeconds() * (products - n) / products;
    Instant created = now.minusSeconds(spread + random.nextInt(3600));
    String sku =
        code(brand) + "-" + code(leaf.name()) + "-" + String.format(Locale.ROOT, "%07d", n);
    return new ProductSeed(
        n,
        BenchIds.product(n),
        sku,
        Slug.from(name.toString(), "product").withSuffix((int) n).value(),
        name.toString(),
        description(random, leaf, brand, item, variant),
        brand,
        BenchIds.category(leafCategory[leafIndex]),
        price * 100,
        stock,
        active,
        created);
  }

  private int pickLeaf(int draw) {
    int left = draw;
    for (int i = 0; i < leafWeights.length; i++) {
      left -= leafWeights[i];
      if (left < 0) {
        return i;
      }
    }
    throw new IllegalStateException("draw beyond the total weight");
  }

  private static String description(
      SplittableRandom random, Leaf leaf, String brand, String item, String variant) {
    String[] features = FEATURES.get(leaf.root());
    String first = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
    String second = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
    return item
        + " by "
        + brand
        + ": "
        + first
        + ", "
        + second
        + " and made to last. "
        + features[random.nextInt(features.length)]
        + " "
        + SWAHILI[random.nextInt(SWAHILI.length)]
        + " Available in "
        + variant
        + ", in our "
        + leaf.name().toLowerCase(Locale.ROOT)
        + " aisle. Delivered from "
        + CITIES[random.nextInt(CITIES.length)]
        + " to anywhere in Tanzania.";
  }

  /** Three upper-case letters or digits of a name, for SKUs; a shorter name is padded with X. */
  private static String code(String name) {
    String letters = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return (letters + "X".repeat(3)).substring(0, 3);
  }
}
