package dev.duka.bootstrap.bench;

import dev.duka.adapters.rest.security.Argon2PasswordHasher;
import dev.duka.adapters.rest.security.JwtTokenIssuer;
import dev.duka.domain.catalog.SearchText;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * {@code java -jar duka.jar bench-seed --products N --users M --out DIR [--reset]}: loads a large
 * shop for the benchmark (docs/benchmarks.md) into a migrated database, fast, and writes what the
 * load scripts need.
 *
 * <p>Categories, products and users go in with PostgreSQL's {@code COPY}, in one transaction; the
 * stock ledger is filled from the products by one {@code INSERT … SELECT}, so every product's
 * ledger ({@code 'initial stock'}) sums to its stock, as the repositories keep it. The insert
 * trigger fills the search vectors as for any product. {@code VACUUM ANALYZE} follows, so the
 * planner knows the tables and index-only scans need no heap visits, as after autovacuum in a shop
 * that has been running for a while.
 *
 * <p>This is a one-off tool, not a port: it writes rows the way the schema expects them, which the
 * seeder's integration test checks against the real repositories and the real server.
 *
 * <p>Into {@code DIR} go one line per item: {@code products.txt} (the orderable products' ids),
 * {@code categories.txt}, {@code queries.txt} (URL-encoded search queries), {@code emails.txt} and
 * {@code tokens.txt} (access tokens signed with the configured {@code JWT_SECRET}, valid for 12
 * hours), and {@code bench.env} (the counts, for pgbench's {@code -D}). The search queries are also
 * stored in {@code bench.search_queries} for the pgbench ceiling of search.
 */
public final class BenchSeed {
  /** Every seeded account signs in with this password. */
  public static final String PASSWORD = "duka-bench-password";

  /** How many search queries are drawn. */
  static final int QUERIES = 1000;

  private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
  private static final int COPY_CHUNK = 1 << 20;

  /** What to seed. */
  public record Options(long products, int users, Path out, boolean reset) {
    public Options {
      if (products < 10 || products > 10_000_000) {
        throw new IllegalArgumentException("--products must be between 10 and 10,000,000");
      }
      if (users < 1 || users > 100_000) {
        throw new IllegalArgumentException("--users must be between 1 and 100,000");
      }
      Objects.requireNonNull(out, "out");
    }

    /**
     * Reads {@code --products N --users M --out DIR [--reset true]}.
     *
     * @throws IllegalArgumentException naming a missing or bad option
     */
    public static Options parse(Map<String, String> options) {
      String out = options.get("out");
      if (out == null) {
        throw new IllegalArgumentException("bench-seed needs --out DIR");
      }
      try {
        return new Options(
            Long.parseLong(options.getOrDefault("products", "100000").replace("_", "")),
            Integer.parseInt(options.getOrDefault("users", "100")),
            Path.of(out),
            Boolean.parseBoolean(options.getOrDefault("reset", "false")));
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("--products and --users take whole numbers");
      }
    }
  }

  private final DataSource dataSource;
  private final String jwtSecret;
  private final String jwtIssuer;
  private final Currency currency;
  private final PrintStream log;

  /**
   * @param dataSource the migrated database
   * @param log where progress is reported
   */
  public BenchSeed(
      DataSource dataSource,
      String jwtSecret,
      String jwtIssuer,
      Currency currency,
      PrintStream log) {
    this.dataSource = dataSource;
    this.jwtSecret = jwtSecret;
    this.jwtIssuer = jwtIssuer;
    this.currency = currency;
    this.log = log;
  }

  /**
   * Seeds the database and writes the files.
   *
   * @throws IllegalStateException when the database already holds a shop and {@code reset} is off
   */
  public void seed(Options options, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    BenchCatalog catalog = new BenchCatalog(options.products(), at);
    List<String> queries = BenchSearchTerms.draw(catalog, options.products(), QUERIES);
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      // the pool's 30 s socket timeout guards requests; a million products' ledger, pictures and
      // VACUUM take longer than that (the pool restores the timeout when the connection returns)
      connection.setNetworkTimeout(Runnable::run, 0);
      try (Statement statement = connection.createStatement()) {
        if (options.reset()) {
          reset(statement);
        } else if (holdsAShop(statement)) {
          throw new IllegalStateException(
              "the database already holds a shop; bench-seed loads into an empty one"
                  + " (--reset true empties it first: every row is deleted)");
        }
      }
      connection.setAutoCommit(false);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copyCategories(copy, catalog, at);
      copyProducts(copy, catalog, options.products());
      report("products", options.products(), start);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO stock_movements (product_id, delta, reason, at)"
                + " SELECT id, stock, 'initial stock', created_at FROM products WHERE stock > 0");
        // Pictures, as product pages show them: one to three per product (by a hash of
        // the SKU), keyed by content as the storage keys them, so responses carry their real
        // weight.
        statement.executeUpdate(
            "INSERT INTO product_images (id, product_id, position, original_key, content_type,"
                + " width, height, thumbnail_key, thumbnail_width, thumbnail_height, medium_key,"
                + " medium_width, medium_height, created_at)"
                + " SELECT md5(p.id::text || '-' || g)::uuid, p.id, g,"
                + " md5('original' || p.id || g) || '.jpg', 'image/jpeg', 1600, 1200,"
                + " md5('thumbnail' || p.id || g) || '-thumb.jpg', 200, 150,"
                + " md5('medium' || p.id || g) || '-medium.jpg', 800, 600, p.created_at"
                + " FROM products p, LATERAL generate_series(0, abs(hashtext(p.sku)) % 3) AS g");
      }
      copyUsers(copy, options.users(), at);
      storeQueries(connection, queries);
      connection.commit();
      connection.setAutoCommit(true);
      report("ledger, users and queries", options.products(), start);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "VACUUM (ANALYZE) categories, products, product_images, stock_movements, users,"
                + " search_postings, search_words, bench.search_queries");
        checkpoint(statement);
      }
      report("vacuum and analyze", options.products(), start);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("bench-seed failed: " + e.getMessage(), e);
    }
    writeFiles(options, catalog, queries, now);
  }

  private void report(String step, long products, long start) {
    log.printf(
        "bench-seed: %s done (%,d products, %.1f s)%n",
        step, products, (System.nanoTime() - start) / 1e9);
  }

  private static boolean holdsAShop(Statement statement) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT EXISTS (SELECT 1 FROM products) OR EXISTS (SELECT 1 FROM users)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Empties every table of the shop (not Flyway's history, not pgbench's own tables). */
  private static void reset(Statement statement) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' AND tablename NOT LIKE 'pgbench\\_%'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
    statement.execute("DROP SCHEMA IF EXISTS bench CASCADE");
  }

  private static void copyCategories(CopyManager copy, BenchCatalog catalog, Instant at)
      throws SQLException, IOException {
    try (Rows rows =
        new Rows(
            copy,
            "categories (id, parent_id, name, slug, description, active, sort_order,"
                + " created_at, updated_at)")) {
      for (BenchCatalog.CategorySeed c : catalog.categories()) {
        rows.add(
            BenchIds.category(c.number()),
            c.parent() == 0 ? null : BenchIds.category(c.parent()),
            c.name(),
            c.slug(),
            "Everything for " + c.name().toLowerCase(java.util.Locale.ROOT) + " at Duka.",
            true,
            c.sortOrder(),
            at,
            at);
      }
    }
  }

  private void copyProducts(CopyManager copy, BenchCatalog catalog, long products)
      throws SQLException, IOException {
    try (Rows rows =
        new Rows(
            copy,
            "products (id, sku, slug, name, description, brand, category_id, price_minor,"
                + " currency, stock, active, created_at, updated_at)")) {
      for (long n = 1; n <= products; n++) {
        BenchCatalog.ProductSeed p = catalog.product(n);
        rows.add(
            p.id(),
            p.sku(),
            p.slug(),
            p.name(),
            p.description(),
            p.brand(),
            p.categoryId(),
            p.priceMinor(),
            currency.getCurrencyCode(),
            p.stock(),
            p.active(),
            p.createdAt(),
            p.createdAt());
      }
    }
  }

  private static void copyUsers(CopyManager copy, int users, Instant at)
      throws SQLException, IOException {
    // one Argon2id hash for every account: hashing is slow on purpose, and all share the password
    String hash = new Argon2PasswordHasher().hash(PASSWORD).value();
    try (Rows rows =
        new Rows(
            copy,
            "users (id, email, full_name, role, password_hash, active, email_verified_at,"
                + " created_at, updated_at)")) {
      for (int n = 1; n <= users; n++) {
        rows.add(BenchIds.user(n), email(n), "Mteja " + n, "user", hash, true, at, at, at);
      }
    }
  }

  private static void storeQueries(Connection connection, List<String> queries)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA bench");
      statement.execute(
          "CREATE TABLE bench.search_queries (n integer PRIMARY KEY, q text NOT NULL,"
              + " term text NOT NULL)");
    }
    try (var insert =
        connection.prepareStatement("INSERT INTO bench.search_queries VALUES (?, ?, ?)")) {
      for (int i = 0; i < queries.size(); i++) {
        SearchText text = SearchText.of(queries.get(i));
        insert.setInt(1, i + 1);
        insert.setString(2, text.value());
        insert.setString(3, text.fuzzyTerm());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Writes a checkpoint so the load does not start amid the seed's; needs the right to. */
  private void checkpoint(Statement statement) {
    try {
      statement.execute("CHECKPOINT");
    } catch (SQLException notAllowed) {
      log.println("bench-seed: no CHECKPOINT (" + notAllowed.getMessage() + ")");
    }
  }

  static String email(int n) {
    return "bench-user-" + n + "@example.com";
  }

  private void writeFiles(
      Options options, BenchCatalog catalog, List<String> queries, Instant now) {
    JwtTokenIssuer tokens = new JwtTokenIssuer(jwtSecret, jwtIssuer, TOKEN_LIFETIME);
    long orderable = BenchCatalog.orderableCount(options.products());
    try {
      Files.createDirectories(options.out());
      try (var out = Files.newBufferedWriter(options.out().resolve("products.txt"))) {
        for (long k = 1; k <= orderable; k++) {
          out.write(BenchIds.product(BenchCatalog.orderable(k)).toString());
          out.newLine();
        }
      }
      List<String> categories = new ArrayList<>();
      catalog.categories().forEach(c -> categories.add(BenchIds.category(c.number()).toString()));
      Files.write(options.out().resolve("categories.txt"), categories);
      Files.write(
          options.out().resolve("queries.txt"),
          queries.stream().map(q -> URLEncoder.encode(q, StandardCharsets.UTF_8)).toList());
      List<String> emails = new ArrayList<>();
      List<String> access = new ArrayList<>();
      for (int n = 1; n <= options.users(); n++) {
        emails.add(email(n));
        access.add(tokens.issueAccess(new UserId(BenchIds.user(n)), Role.USER, now).token());
      }
      Files.write(options.out().resolve("emails.txt"), emails);
      Files.write(options.out().resolve("tokens.txt"), access);
      Files.write(
          options.out().resolve("bench.env"),
          List.of(
              "PRODUCTS=" + options.products(),
              "ORDERABLE=" + orderable,
              "CATEGORIES=" + categories.size(),
              "QUERIES=" + queries.size(),
              "USERS=" + options.users(),
              "PASSWORD=" + PASSWORD));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark's files", e);
    }
    log.printf(
        "bench-seed: %,d products (%,d orderable), %d categories, %d users, %d queries in %s%n",
        options.products(),
        orderable,
        catalog.categories().size(),
        options.users(),
        queries.size(),
        options.out());
  }

  /** Rows in COPY's text format, sent in chunks of about a megabyte. */
  private static final class Rows implements AutoCloseable {
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(COPY_CHUNK + 4096);

    Rows(CopyManager manager, String table) throws SQLException {
      this.copy = manager.copyIn("COPY " + table + " FROM STDIN");
    }

    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          buffer.append('\t');
        }
        Object value = values[i];
        if (value == null) {
          buffer.append("\\N");
        } else if (value instanceof Boolean b) {
          buffer.append(b ? 't' : 'f');
        } else if (value instanceof String s) {
          escape(s);
        } else {
          // numbers, UUIDs and Instants (ISO-8601, which timestamptz reads) need no escaping
          buffer.append(value);
        }
      }
      buffer.append('\n');
      if (buffer.length() >= COPY_CHUNK) {
        flush();
      }
    }

    private void escape(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> buffer.append("\\\\");
          case '\t' -> buffer.append("\\t");
          case '\n' -> buffer.append("\\n");
          case '\r' -> buffer.append("\\r");
          default -> buffer.append(c);
        }
      }
    }

    private void flush() throws SQLException {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
      if (!copy.isActive()) {
        return;
      }
      flush();
      copy.endCopy();
    }
  }
}
