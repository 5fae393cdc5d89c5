package dev.duka.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.money.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String STRONG = "0123456789abcdef0123456789abcdef-strong";

  @TempDir Path dataDir;

  private ConfigLoader.Loaded load(Map<String, String> env) {
    Map<String, String> withDir = new HashMap<>(env);
    withDir.putIfAbsent("DATA_DIR", dataDir.toString());
    return ConfigLoader.load(withDir, SecretStore::new);
  }

  @Test
  void startsEmbeddedWithDefaultsAndNoSettingsAtAll() {
    Config config = load(Map.of()).config();

    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.databasePoolSize()).isEqualTo(10);
    assertThat(config.defaultCurrency()).isEqualTo(Currency.getInstance("TZS"));
    assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(config.jwtIssuer()).isEqualTo("duka");
    assertThat(config.stripe()).isEmpty();
    assertThat(config.smtp()).isEmpty();
    assertThat(config.uploadsDir()).isEqualTo(dataDir.resolve("uploads"));
  }

  @Test
  void generatesEmbeddedSecretsOnceAndKeepsThemPrivate() throws Exception {
    ConfigLoader.Loaded first = load(Map.of());
    ConfigLoader.Loaded second = load(Map.of());

    assertThat(first.config().jwtSecret()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(first.config().adminSecret()).isNotEqualTo(first.config().jwtSecret());
    assertThat(second.config().jwtSecret()).isEqualTo(first.config().jwtSecret());
    assertThat(second.config().adminSecret()).isEqualTo(first.config().adminSecret());
    Path file = dataDir.resolve("secrets");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.notices()).singleElement().asString().contains(file.toString());
  }

  @Test
  void refusesAProductionConfigNamingEveryProblemAtOnce() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "postgres://duka:pw@db.internal:5432/duka");
    env.put("JWT_SECRET", "short");
    env.put("PORT", "eighty");
    env.put("TAX_RATE", "18%");
    env.put("DEFAULT_CURRENCY", "XYZ");
    env.put("STRIPE_SECRET_KEY", "sk_live_x");
    env.put("CORS_ORIGINS", "*");
    env.put("DEBUG", "maybe");
    env.put("DATABASE_POOL_SIZE", "0");

    assertThatThrownBy(() -> load(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .anySatisfy(p -> assertThat(p).startsWith("JWT_SECRET is too weak"))
                  .anySatisfy(p -> assertThat(p).startsWith("ADMIN_SECRET is required"))
                  .anySatisfy(p -> assertThat(p).startsWith("PORT must be a whole number"))
                  .anySatisfy(p -> assertThat(p).startsWith("TAX_RATE is invalid"))
                  .anySatisfy(p -> assertThat(p).startsWith("DEFAULT_CURRENCY is invalid"))
                  .anySatisfy(p -> assertThat(p).startsWith("STRIPE_WEBHOOK_SECRET is required"))
                  .anySatisfy(p -> assertThat(p).startsWith("CORS_ORIGINS must list origins"))
                  .anySatisfy(p -> assertThat(p).startsWith("DEBUG must be true or false"))
                  .anySatisfy(p -> assertThat(p).startsWith("DATABASE_POOL_SIZE must be"))
                  .hasSize(9);
              assertThat(e.getMessage()).contains("9 problems");
            });
    assertThat(dataDir.resolve("secrets")).doesNotExist();
  }

  @Test
  void acceptsAStrongProductionConfig() {
    Config config =
        load(Map.of(
                "DATABASE_URL", "postgres://duka:pw@db.internal:5432/duka",
                "JWT_SECRET", STRONG,
                "ADMIN_SECRET", STRONG + "-admin",
                "CORS_ORIGINS", "https://shop.example, https://admin.example",
                "SHIPPING_FLAT", "5000.00",
                "FREE_SHIPPING_OVER", "100000",
                "DATABASE_POOL_SIZE", "40"))
            .config();

    assertThat(config.embeddedDatabase()).isFalse();
    assertThat(config.databasePoolSize()).isEqualTo(40);
    assertThat(config.corsOrigins())
        .containsExactly("https://shop.example", "https://admin.example");
    assertThat(
            config
                .pricingPolicy()
                .shipping()
                .feeFor(Money.parse("100000.00", Currency.getInstance("TZS")))
                .isZero())
        .isTrue();
  }

  @Test
  void refusesAWeakSecretEvenInEmbeddedMode() {
    assertThatThrownBy(() -> load(Map.of("JWT_SECRET", "changeme")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("JWT_SECRET is too weak");
  }

  @Test
  void refusesAmountsWithMoreDecimalsThanTheCurrency() {
    assertThatThrownBy(() -> load(Map.of("SHIPPING_FLAT", "5.001")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).singleElement().asString().startsWith("SHIPPING_FLAT"));
  }

  @Test
  void readsDotEnvFiles() {
    Map<String, String> values =
        EnvFile.parse(
            List.of(
                "# comment",
                "export PORT=9000",
                "JWT_SECRET=\"quoted value # not a comment\"",
                "TAX_RATE=0.16 # trailing comment",
                "BROKEN LINE"));

    assertThat(values)
        .containsEntry("PORT", "9000")
        .containsEntry("JWT_SECRET", "quoted value # not a comment")
        .containsEntry("TAX_RATE", "0.16")
        .hasSize(3);
  }
}
