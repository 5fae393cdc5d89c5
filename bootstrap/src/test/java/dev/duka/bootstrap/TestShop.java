package dev.duka.bootstrap;

import dev.duka.adapters.postgres.JdbcTarget;
import dev.duka.adapters.postgres.PostgresDatabase;
import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import dev.duka.adapters.postgres.catalog.JdbiCategoryRepository;
import dev.duka.adapters.postgres.catalog.JdbiProductRepository;
import dev.duka.adapters.postgres.testing.TestDatabase;
import dev.duka.adapters.postgres.user.JdbiTokenRepository;
import dev.duka.adapters.postgres.user.JdbiUserRepository;
import dev.duka.adapters.rest.security.Argon2PasswordHasher;
import dev.duka.adapters.rest.security.JwtTokenIssuer;
import dev.duka.adapters.rest.testing.ApiClient;
import dev.duka.adapters.stripe.testing.FakeStripe;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.SecretStore;
import dev.duka.domain.catalog.Category;
import dev.duka.domain.catalog.CategoryId;
import dev.duka.domain.catalog.Product;
import dev.duka.domain.catalog.ProductId;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.port.out.TokenRepository;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    return start(TestDatabase.freshTarget(), settings);
  }

  /** A shop on the database at {@code target}, which it migrates. */
  static TestShop start(JdbcTarget target, Map<String, String> settings) throws Exception {
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

  /** A fresh, empty, active root category. */
  CategoryId category() {
    Category fresh = CatalogFixtures.aCategory("Shop shelf");
    new JdbiCategoryRepository(db.jdbi()).insert(fresh);
    return fresh.id();
  }

  /** The settings that send the shop's card payments and webhooks to a local fake Stripe. */
  /** How many sessions of {@code db}'s database are waiting for a lock. */
  static long sessionsWaitingOnLocks(PostgresDatabase db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND datname = current_database()")
                    .mapTo(Long.class)
                    .one());
  }

  static Map<String, String> paymentsThrough(FakeStripe stripe) {
    return Map.of(
        "STRIPE_SECRET_KEY", stripe.apiKey(),
        "STRIPE_WEBHOOK_SECRET", stripe.webhookSecret(),
        "STRIPE_API_BASE", stripe.baseUri());
  }

  int stockOf(ProductId id) {
    return new JdbiProductRepository(db.jdbi()).findById(id).orElseThrow().stock();
  }

  int ledgerOf(ProductId id) {
    return new JdbiProductRepository(db.jdbi())
        .movementsOf(id).stream().mapToInt(m -> m.delta()).sum();
  }

  /** A refresh token of the account, as the login route would store it; returns the token. */
  String refreshToken(UserId id) {
    TokenIssuer.OpaqueToken token = TOKENS.newOpaqueToken();
    Instant now = Instant.now();
    new JdbiTokenRepository(db.jdbi())
        .insertRefresh(
            new TokenRepository.RefreshToken(
                token.hash(), id, UUID.randomUUID(), now, now.plus(Duration.ofDays(1))));
    return token.token();
  }

  /** An email token of the account, as the mail would carry it; returns the token. */
  String emailToken(UserId id, TokenRepository.EmailToken.Purpose purpose) {
    TokenIssuer.OpaqueToken token = TOKENS.newOpaqueToken();
    Instant now = Instant.now();
    new JdbiTokenRepository(db.jdbi())
        .insertEmailToken(
            new TokenRepository.EmailToken(
                token.hash(), id, purpose, now, now.plus(Duration.ofHours(1))));
    return token.token();
  }

  /**
   * What the database holds, comparable between two moments: each table's row count and a hash of
   * its rows, and the total stock. The outbox is counted only, since the mail worker updates its
   * rows on its own.
   */
  Map<String, String> checksum() {
    return db.jdbi()
        .withHandle(
            h -> {
              Map<String, String> sums = new TreeMap<>();
              List<String> tables =
                  h.createQuery(
                          "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                              + " ORDER BY tablename")
                      .mapTo(String.class)
                      .list();
              for (String table : tables) {
                String rows =
                    table.equals("outbox")
                        ? "count(*)::text"
                        : "count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY"
                            + " t::text)), '')";
                sums.put(
                    table,
                    h.createQuery("SELECT " + rows + " FROM " + table + " t")
                        .mapTo(String.class)
                        .one());
              }
              sums.put(
                  "products.stock",
                  h.createQuery("SELECT coalesce(sum(stock), 0)::text FROM products")
                      .mapTo(String.class)
                      .one());
              return sums;
            });
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
