package dev.duka.bootstrap.config;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.money.Currencies;
import dev.duka.domain.money.Money;
import dev.duka.domain.money.TaxRate;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns environment variables into a {@link Config}, collecting every problem before failing so an
 * operator fixes them in one go. In embedded mode (no {@code DATABASE_URL}) missing secrets are
 * generated once and kept by a {@link SecretStore}; with an external database (production) missing
 * or weak secrets are problems.
 */
public final class ConfigLoader {
  /** The shortest secret accepted: 256 bits, HS256's key size. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String[] SECRETS = {"JWT_SECRET", "ADMIN_SECRET"};

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Reads and checks the configuration.
   *
   * @param env the variables ({@code .env} values already merged under the real environment)
   * @param secretsFor where embedded mode keeps generated secrets, given the data directory
   * @throws ConfigException naming every problem found
   */
  public static Loaded load(Map<String, String> env, Function<Path, SecretStore> secretsFor) {
    return new ConfigLoader(env).read(secretsFor);
  }

  /** The configuration and what the operator should be told about it (e.g. generated secrets). */
  public record Loaded(Config config, List<String> notices) {}

  private Loaded read(Function<Path, SecretStore> secretsFor) {
    Optional<String> databaseUrl = text("DATABASE_URL");
    int databasePoolSize = integer("DATABASE_POOL_SIZE", Config.DEFAULT_DATABASE_POOL_SIZE, 1, 500);
    Path dataDir = Path.of(text("DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
    int port = integer("PORT", 8000, 0, 65535);
    Duration accessTtl = Duration.ofMinutes(integer("ACCESS_TOKEN_EXPIRE_MINUTES", 15, 1, 24 * 60));
    Duration refreshTtl = Duration.ofDays(integer("REFRESH_TOKEN_EXPIRE_DAYS", 30, 1, 365));
    Currency currency = parsed("DEFAULT_CURRENCY", "TZS", Currencies::parse);
    TaxRate taxRate = parsed("TAX_RATE", "0.18", TaxRate::parse);
    Money shippingFlat = money("SHIPPING_FLAT", "0", currency);
    Optional<Money> freeShippingOver =
        text("FREE_SHIPPING_OVER").map(v -> money("FREE_SHIPPING_OVER", v, currency));
    URI frontendUrl = url("FRONTEND_URL", "http://localhost:3000");
    URI backendUrl = url("BACKEND_URL", "http://localhost:" + (port == 0 ? 8000 : port));
    List<String> corsOrigins = list("CORS_ORIGINS");
    corsOrigins.forEach(origin -> checkOrigin(origin));
    List<String> trustedProxies = list("TRUSTED_PROXIES");
    Path uploadsDir =
        text("UPLOADS_DIR").map(Path::of).orElse(dataDir.resolve("uploads")).toAbsolutePath();
    long maxUploadBytes =
        longValue("MAX_UPLOAD_BYTES", 10L * 1024 * 1024, 1024, 100L * 1024 * 1024);
    Config.RateLimits rateLimits =
        new Config.RateLimits(
            integer("RATE_LIMIT_LOGIN_PER_MINUTE", 5, 1, 100_000),
            integer("RATE_LIMIT_LOGIN_PER_ADDRESS_PER_MINUTE", 20, 1, 100_000),
            integer("RATE_LIMIT_ACCOUNT_PER_MINUTE", 5, 1, 100_000));
    boolean debug = bool("DEBUG");
    String issuer = text("JWT_ISSUER").orElse("duka");
    Optional<Config.Stripe> stripe = stripe(databaseUrl.isPresent());
    Optional<Config.Smtp> smtp = smtp();

    String[] secretValues = secrets(databaseUrl.isPresent(), dataDir, secretsFor);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Config config =
        new Config(
            databaseUrl,
            databasePoolSize,
            dataDir,
            port,
            secretValues[0],
            issuer,
            accessTtl,
            refreshTtl,
            secretValues[1],
            stripe,
            currency,
            taxRate,
            shippingFlat,
            freeShippingOver,
            frontendUrl,
            backendUrl,
            corsOrigins,
            trustedProxies,
            smtp,
            uploadsDir,
            maxUploadBytes,
            rateLimits,
            debug);
    try {
      config.pricingPolicy();
    } catch (DomainException invalid) {
      throw new ConfigException(List.of("pricing: " + invalid.getMessage()));
    }
    return new Loaded(config, notices);
  }

  private String[] secrets(boolean production, Path dataDir, Function<Path, SecretStore> store) {
    String[] values = new String[SECRETS.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < SECRETS.length; i++) {
      Optional<String> given = text(SECRETS[i]);
      if (given.isPresent()) {
        if (given.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
          problems.add(SECRETS[i] + " is too weak: use at least " + MIN_SECRET_BYTES + " bytes");
        }
        values[i] = given.get();
      } else if (production) {
        problems.add(
            SECRETS[i]
                + " is required with an external DATABASE_URL (at least "
                + MIN_SECRET_BYTES
                + " random bytes)");
      } else {
        missing.add(SECRETS[i]);
      }
    }
    if (!missing.isEmpty() && problems.isEmpty()) {
      SecretStore secrets = store.apply(dataDir);
      for (int i = 0; i < SECRETS.length; i++) {
        if (values[i] == null) {
          values[i] = secrets.getOrCreate(SECRETS[i]);
        }
      }
      notices.add(
          String.join(", ", missing)
              + " not set: using generated values kept in "
              + secrets.file());
    }
    return values;
  }

  private Optional<Config.Stripe> stripe(boolean production) {
    Optional<String> secretKey = text("STRIPE_SECRET_KEY");
    Optional<String> webhookSecret = text("STRIPE_WEBHOOK_SECRET");
    Optional<URI> apiBase = text("STRIPE_API_BASE").map(v -> parseUrl("STRIPE_API_BASE", v));
    if (secretKey.isEmpty()) {
      return Optional.empty();
    }
    if (production && webhookSecret.isEmpty()) {
      problems.add("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set");
    }
    return Optional.of(
        new Config.Stripe(secretKey.get(), text("STRIPE_PUBLISHABLE_KEY"), webhookSecret, apiBase));
  }

  private Optional<Config.Smtp> smtp() {
    Optional<String> host = text("SMTP_HOST");
    if (host.isEmpty()) {
      return Optional.empty();
    }
    int port = integer("SMTP_PORT", 587, 1, 65535);
    return Optional.of(
        new Config.Smtp(
            host.get(),
            port,
            text("SMTP_USER"),
            text("SMTP_PASSWORD"),
            text("SMTP_FROM").orElse("Duka <no-reply@" + host.get() + ">")));
  }

  private Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private <T> T parsed(String name, String fallback, Function<String, T> parser) {
    String value = text(name).orElse(fallback);
    try {
      return parser.apply(value);
    } catch (DomainException invalid) {
      problems.add(name + " is invalid: " + invalid.getMessage());
      return parser.apply(fallback);
    }
  }

  private Money money(String name, String fallback, Currency currency) {
    String value = text(name).orElse(fallback);
    try {
      Money amount = Money.parse(value, currency);
      if (amount.isNegative()) {
        problems.add(name + " must not be negative");
      }
      return amount;
    } catch (DomainException invalid) {
      problems.add(name + " is invalid: " + invalid.getMessage());
      return Money.zero(currency);
    }
  }

  private int integer(String name, int fallback, int min, int max) {
    return (int) longValue(name, fallback, min, max);
  }

  private long longValue(String name, long fallback, long min, long max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed < min || parsed > max) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + parsed);
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException notANumber) {
      problems.add(name + " must be a whole number, got \"" + value.get() + "\"");
      return fallback;
    }
  }

  private boolean bool(String name) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return false;
    }
    switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        problems.add(name + " must be true or false, got \"" + value.get() + "\"");
        return false;
    }
  }

  private URI url(String name, String fallback) {
    return parseUrl(name, text(name).orElse(fallback));
  }

  private URI parseUrl(String name, String value) {
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        problems.add(name + " must be an http(s) URL, got \"" + value + "\"");
      }
      return uri;
    } catch (URISyntaxException invalid) {
      problems.add(name + " must be an http(s) URL, got \"" + value + "\"");
      return URI.create("http://localhost");
    }
  }

  private void checkOrigin(String origin) {
    if (origin.equals("*")) {
      problems.add("CORS_ORIGINS must list origins; \"*\" would let any site call the API");
      return;
    }
    parseUrl("CORS_ORIGINS", origin);
  }

  private List<String> list(String name) {
    return text(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
