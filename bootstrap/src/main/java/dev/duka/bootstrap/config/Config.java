package dev.duka.bootstrap.config;

import dev.duka.domain.money.Money;
import dev.duka.domain.money.PricingPolicy;
import dev.duka.domain.money.ShippingPolicy;
import dev.duka.domain.money.TaxRate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Duka's settings, read from the environment (and an optional {@code .env}) by {@link
 * ConfigLoader}, checked as a whole before anything starts.
 */
public record Config(
    Optional<String> databaseUrl,
    int databasePoolSize,
    Path dataDir,
    int port,
    String jwtSecret,
    String jwtIssuer,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    String adminSecret,
    Optional<Stripe> stripe,
    Currency defaultCurrency,
    TaxRate taxRate,
    Money shippingFlat,
    Optional<Money> freeShippingOver,
    URI frontendUrl,
    URI backendUrl,
    List<String> corsOrigins,
    List<String> trustedProxies,
    Optional<Smtp> smtp,
    Path uploadsDir,
    long maxUploadBytes,
    RateLimits rateLimits,
    boolean debug) {

  /**
   * Connections to the database unless {@code DATABASE_POOL_SIZE} says otherwise. On the 2-core
   * machine of docs/benchmarks.md, 10 connections served more reads a second than 32 (list pages
   * 30-60 % more in alternating runs): PostgreSQL running 32 statements at once on two cores loses
   * more to switching between them than it gains.
   */
  public static final int DEFAULT_DATABASE_POOL_SIZE = 10;

  public Config {
    corsOrigins = List.copyOf(corsOrigins);
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** True when Duka runs its own PostgreSQL under the data directory. */
  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  /** The shop's pricing: currency, tax rate and shipping. */
  public PricingPolicy pricingPolicy() {
    ShippingPolicy shipping =
        freeShippingOver
            .map(threshold -> ShippingPolicy.freeFrom(shippingFlat, threshold))
            .orElseGet(() -> ShippingPolicy.flat(shippingFlat));
    return new PricingPolicy(defaultCurrency, taxRate, shipping);
  }

  /**
   * Requests allowed per minute: sign-ins per client address and email, sign-ins per address, and
   * registrations, resent verifications and forgotten passwords per address (each its own count).
   */
  public record RateLimits(
      int loginPerAddressAndEmail, int loginPerAddress, int accountPerAddress) {}

  /** Stripe's keys; present only when {@code STRIPE_SECRET_KEY} is set. */
  public record Stripe(
      String secretKey,
      Optional<String> publishableKey,
      Optional<String> webhookSecret,
      Optional<URI> apiBase) {

    @Override
    public String toString() {
      return "Stripe[secretKey=***, webhookSecret="
          + (webhookSecret.isPresent() ? "***" : "none")
          + ", apiBase="
          + apiBase.map(URI::toString).orElse("default")
          + "]";
    }
  }

  /** The mail server; without it mails are written as .eml files under the data directory. */
  public record Smtp(
      String host, int port, Optional<String> user, Optional<String> password, String from) {

    @Override
    public String toString() {
      return "Smtp[" + host + ":" + port + ", user=" + user.orElse("none") + ", from=" + from + "]";
    }
  }

  @Override
  public String toString() {
    return "Config[database="
        + (embeddedDatabase() ? "embedded under " + dataDir.resolve("pg") : "external")
        + ", pool="
        + databasePoolSize
        + ", port="
        + port
        + ", currency="
        + defaultCurrency.getCurrencyCode()
        + ", taxRate="
        + taxRate
        + ", stripe="
        + stripe.map(Stripe::toString).orElse("off")
        + ", smtp="
        + smtp.map(Smtp::toString).orElse("files")
        + ", debug="
        + debug
        + "]";
  }
}
