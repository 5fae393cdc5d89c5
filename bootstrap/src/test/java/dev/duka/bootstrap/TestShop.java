package dev.duka.bootstrap;

import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import dev.duka.adapters.postgres.catalog.JdbiCategoryRepository;
import dev.duka.adapters.postgres.catalog.JdbiProductRepository;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.postgres.user.JdbiUserRepository;
import dev.duka.adapters.rest.security.Argon2PasswordHasher;
import dev.duka.adapters.rest.security.JwtTokenIssuer;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.money.Money;
import dev.duka.domain.testing.CatalogFixtures;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordHash;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A running shop for end-to-end tests: the server as wired for production on a fresh database, and
 * a direct line to that database to set the scene (customers, products) without going through mail
 * round trips.
 */
final class TestShop implements AutoCloseable {
  static final String SECRET = "a-test-shop-secret-of-at-least-thirty-two-bytes-long";
  static final String ADMIN_SECRET = "the-admin-secret-of-the-test-shop-0123456789";
  static final String PASSWORD = "kanga ya pwani 2026";

  /** One hash for every test account: Argon2id is slow on purpose. */
  private static final PasswordHash HASH = new Argon2PasswordHasher().hash(PASSWORD);

  private static final JwtTokenIssuer TOKENS =
      new JwtTokenIssuer(SECRET, "duka", Duration.ofMinutes(15));

  final Application app;
  final ApiClient api;
  final PostgresDatabase db;
  final Path dataDir;
  private Category category;

  private TestShop(Application app, PostgresDatabase db, Path dataDir) {
    this.app = app;
    this.api = ApiClient.at(app.port());
    this.db = db;
    this.dataDir = dataDir;
  }

  static TestShop start(Map<String, String> settings) throws Exception {
    JdbcTarget target = TestDatabase.freshTarget();
    Path dataDir = Files.createTempDirectory("duka-shop");
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", target.jdbcUrl());
    env.put("JWT_SECRET", SECRET);
    env.put("ADMIN_SECRET", ADMIN_SECRET);
    env.put("PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    env.put("RATE_LIMIT_LOGIN_PER_ADDRESS_PER_MINUTE", "100000");
    env.put("RATE_LIMIT_LOGIN_PER_MINUTE", "100000");
    env.put("RATE_LIMIT_ACCOUNT_PER_MINUTE", "100000");
    env.putAll(settings);
    Application app = Application.start(ConfigLoader.load(env, SecretStore::new).config());
    return new TestShop(
        app,
        PostgresDatabase.open(target, new PoolSettings(8, Duration.ofSeconds(5), "scene"), c -> {}),
        dataDir);
  }

  /** A verified account with the given role; returns its access token. */
  String signIn(Role role) {
    return signIn(account(role));
  }

  /** A verified account; returns its id. */
  UserId account(Role role) {
    UserId id = new UserId(UUID.randomUUID());
    new JdbiUserRepository(db.jdbi())
        .insert(
            User.register(
                    id, Email.of(emailOf(id)), "Asha " + role.wireName(), role, HASH, Instant.now())
                .verified(Instant.now()));
    return id;
  }

  /**
   * An access token for the account, signed with the shop's secret as the login route would sign it
   * (signing in through the route costs an Argon2 hash per account).
   */
  String signIn(UserId id) {
    Role role = new JdbiUserRepository(db.jdbi()).findById(id).orElseThrow().role();
    return TOKENS.issueAccess(id, role, Instant.now()).token();
  }

  static String emailOf(UserId id) {
    return "shop-" + id + "@example.com";
  }

  /** An active product in stock, in the shop's currency (TZS). */
  ProductId product(String price, int stock) {
    if (category == null) {
      category = CatalogFixtures.aCategory("Shop goods");
      new JdbiCategoryRepository(db.jdbi()).insert(category);
    }
    Product product =
        CatalogFixtures.aProduct(
            category.id(),
            "Kanga " + UUID.randomUUID().toString().substring(0, 6),
            Money.parse(price, java.util.Currency.getInstance("TZS")),
            stock);
    new JdbiProductRepository(db.jdbi()).insert(product);
    return product.id();
  }

  int stockOf(ProductId id) {
    return new JdbiProductRepository(db.jdbi()).findById(id).orElseThrow().stock();
  }

  int ledgerOf(ProductId id) {
    return new JdbiProductRepository(db.jdbi())
        .movementsOf(id).stream().mapToInt(m -> m.delta()).sum();
  }

  long count(String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    app.close();
    db.close();
  }
}
