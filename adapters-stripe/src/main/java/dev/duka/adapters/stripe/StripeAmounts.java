package dev.duka.adapters.stripe;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.money.Currencies;
import dev.duka.domain.money.Money;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's rules for amounts, per currency: how many decimals Stripe's integer {@code amount}
 * carries, which amounts it refuses, and the smallest charge it takes.
 *
 * <p>Duka's {@link Money} counts minor units with the exponent of {@link Currency} (ISO 4217);
 * Stripe's amounts follow Stripe's own exponents, which differ for a few currencies. Source for
 * every rule here: Stripe, "Supported currencies", https://docs.stripe.com/currencies (sections
 * "Specify amounts in API requests", "Zero-decimal currencies", "Three-decimal currencies",
 * "Special cases", "Minimum and maximum charge amounts").
 */
public final class StripeAmounts {

  /**
   * Stripe's zero-decimal currencies: its amount is a count of whole units. The page lists UGX here
   * too, but its "Special cases" say UGX amounts are sent with two decimals that are always 00 (to
   * charge 5 UGX, send 500), and Stripe refuses UGX amounts not divisible by 100; the special case
   * is the rule Stripe applies, so UGX is treated like ISK below.
   */
  private static final Set<String> ZERO_DECIMAL =
      Set.of(
          "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "VND", "VUV", "XAF",
          "XOF", "XPF");

  /** Three decimals, but "the least-significant (last) digit must be 0". */
  private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

  /**
   * Zero-decimal currencies that Stripe, for backward compatibility, still writes with two decimals
   * that must be 00 ("Special cases").
   */
  private static final Set<String> WHOLE_UNITS_WITH_TWO_DECIMALS = Set.of("ISK", "UGX");

  /**
   * The largest amount any payment method takes: 12 digits, the card limit ("Maximum charge
   * amounts"). Other methods allow fewer digits; Stripe refuses those itself.
   */
  static final long MAX_AMOUNT = 999_999_999_999L;

  /**
   * "Minimum charge amount by currency", as published. Stripe applies the minimum of the account's
   * settlement currency after conversion, which Duka cannot know, so a charge that passes here may
   * still be refused by Stripe; currencies without a published minimum are left to Stripe.
   */
  private static final Map<String, String> MINIMUM_CHARGE =
      Map.ofEntries(
          Map.entry("USD", "0.50"),
          Map.entry("AED", "2.00"),
          Map.entry("ARS", "0.50"),
          Map.entry("AUD", "0.50"),
          Map.entry("BRL", "0.50"),
          Map.entry("CAD", "0.50"),
          Map.entry("CHF", "0.50"),
          Map.entry("COP", "0.50"),
          Map.entry("CZK", "15.00"),
          Map.entry("DKK", "2.50"),
          Map.entry("EUR", "0.50"),
          Map.entry("GBP", "0.30"),
          Map.entry("HKD", "4.00"),
          Map.entry("HUF", "175.00"),
          Map.entry("IDR", "0.50"),
          Map.entry("ILS", "0.50"),
          Map.entry("INR", "0.50"),
          Map.entry("JPY", "50"),
          Map.entry("KRW", "50"),
          Map.entry("MXN", "10"),
          Map.entry("MYR", "2.00"),
          Map.entry("NOK", "3.00"),
          Map.entry("NZD", "0.50"),
          Map.entry("PHP", "0.50"),
          Map.entry("PLN", "2.00"),
          Map.entry("RON", "2.00"),
          Map.entry("RUB", "0.50"),
          Map.entry("SEK", "3.00"),
          Map.entry("SGD", "0.50"),
          Map.entry("THB", "10"),
          Map.entry("ZAR", "0.50"));

  private StripeAmounts() {}

  /** An amount converted for Stripe, or the reason Stripe cannot take it. */
  public sealed interface Conversion permits Conversion.Units, Conversion.Refused {
    /** The integer {@code amount} (or {@code unit_amount}) to send to Stripe. */
    record Units(long value) implements Conversion {}

    /** Stripe would refuse the amount; {@code reason} says why, in words a shop owner reads. */
    record Refused(String reason) implements Conversion {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * The number of decimals in Stripe's integer amounts for {@code currency}: 0 for its zero-decimal
   * currencies, 3 for its three-decimal ones, 2 for every other (ISK and UGX included).
   */
  public static int stripeExponent(Currency currency) {
    String code = currency.getCurrencyCode();
    if (ZERO_DECIMAL.contains(code)) {
      return 0;
    }
    if (THREE_DECIMAL.contains(code)) {
      return 3;
    }
    return 2;
  }

  /** The currency as Stripe writes it: the ISO code in lower case. */
  public static String stripeCurrency(Currency currency) {
    return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
  }

  /**
   * Converts {@code amount} to Stripe's units; refuses a negative amount, an amount finer than
   * Stripe takes in that currency (10.50 MGA, 1.005 BHD) and one beyond Stripe's 12 digits.
   */
  public static Conversion toStripe(Money amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      return new Conversion.Refused("Stripe takes no negative amounts, got " + amount);
    }
    int shift = stripeExponent(amount.currency()) - amount.exponent();
    long units;
    if (shift >= 0) {
      try {
        units = Math.multiplyExact(amount.minor(), pow10(shift));
      } catch (ArithmeticException tooLarge) {
        return tooLarge(amount);
      }
    } else {
      long factor = pow10(-shift);
      if (amount.minor() % factor != 0) {
        return notAStep(amount, factor);
      }
      units = amount.minor() / factor;
    }
    long step = stripeStep(amount.currency());
    if (units % step != 0) {
      return notAStep(amount, stripeStepInMinor(amount.currency(), shift));
    }
    if (units > MAX_AMOUNT) {
      return tooLarge(amount);
    }
    return new Conversion.Units(units);
  }

  /**
   * Reads an amount Stripe reported.
   *
   * @param units Stripe's integer amount
   * @param stripeCurrency Stripe's currency code, any case
   * @throws IllegalArgumentException when the currency is unknown or the amount cannot be held in
   *     the currency's minor units (a fraction of a whole-unit currency, an overflow)
   */
  public static Money fromStripe(long units, String stripeCurrency) {
    Currency currency;
    try {
      currency = Currencies.parse(stripeCurrency);
    } catch (InvalidValueException unknown) {
      throw new IllegalArgumentException(
          "Stripe reported an unknown currency \"" + stripeCurrency + "\"", unknown);
    }
    int shift = currency.getDefaultFractionDigits() - stripeExponent(currency);
    try {
      if (shift >= 0) {
        return Money.of(Math.multiplyExact(units, pow10(shift)), currency);
      }
      long factor = pow10(-shift);
      if (units % factor != 0) {
        throw new IllegalArgumentException(
            "Stripe reported "
                + units
                + " "
                + stripeCurrency
                + ", which is not a whole number of "
                + currency.getCurrencyCode());
      }
      return Money.of(units / factor, currency);
    } catch (ArithmeticException tooLarge) {
      throw new IllegalArgumentException(
          "Stripe reported " + units + " " + stripeCurrency + ", too large to hold", tooLarge);
    }
  }

  /** Stripe's published minimum charge in {@code currency}, if it publishes one. */
  public static Optional<Money> minimumCharge(Currency currency) {
    String minimum = MINIMUM_CHARGE.get(currency.getCurrencyCode());
    return minimum == null ? Optional.empty() : Optional.of(Money.parse(minimum, currency));
  }

  /**
   * Why Stripe would refuse to charge {@code total} at all, if it would: nothing to charge, an
   * amount it cannot express, more than its largest amount, or less than its published minimum.
   */
  public static Optional<String> chargeRefusal(Money total) {
    Objects.requireNonNull(total, "total");
    if (!total.isPositive()) {
      return Optional.of("there is nothing to charge: the total is " + total);
    }
    if (toStripe(total) instanceof Conversion.Refused refused) {
      return Optional.of(refused.reason());
    }
    Optional<Money> minimum = minimumCharge(total.currency());
    if (minimum.isPresent() && !total.isAtLeast(minimum.get())) {
      return Optional.of(
          "Stripe's smallest charge in "
              + total.currency().getCurrencyCode()
              + " is "
              + minimum.get()
              + "; the total is "
              + total);
    }
    return Optional.empty();
  }

  /** The granularity of Stripe's amounts, in Stripe's units. */
  private static long stripeStep(Currency currency) {
    String code = currency.getCurrencyCode();
    if (THREE_DECIMAL.contains(code)) {
      return 10;
    }
    if (WHOLE_UNITS_WITH_TWO_DECIMALS.contains(code)) {
      return 100;
    }
    return 1;
  }

  /** {@link #stripeStep} in the currency's minor units, given Stripe's exponent minus ours. */
  private static long stripeStepInMinor(Currency currency, int shift) {
    long step = stripeStep(currency);
    return shift >= 0 ? Math.max(1, step / pow10(shift)) : step * pow10(-shift);
  }

  private static Conversion notAStep(Money amount, long stepInMinor) {
    Money step = Money.of(stepInMinor, amount.currency());
    return new Conversion.Refused(
        "Stripe takes "
            + amount.currency().getCurrencyCode()
            + " amounts only in steps of "
            + step
            + ", and "
            + amount
            + " is not one");
  }

  private static Conversion tooLarge(Money amount) {
    return new Conversion.Refused(
        amount + " is more than Stripe takes in one payment (12 digits in Stripe's units)");
  }

  private static long pow10(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, 10L);
    }
    return result;
  }
}
