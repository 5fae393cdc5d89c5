package dev.duka.domain.money;

import dev.duka.domain.error.InvalidValueException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money as a whole number of the currency's minor units (cents, senti, fils). The
 * currency's exponent comes from {@link Currency#getDefaultFractionDigits()}: TZS 2, JPY 0, BHD 3.
 * Arithmetic is exact: overflow and mixing currencies are errors, never silent.
 */
public record Money(long minor, Currency currency) {
  /** Longest decimal text we parse; bounds the work an attacker can make us do. */
  private static final int MAX_TEXT_LENGTH = 40;

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidValueException(
          "currency", currency.getCurrencyCode() + " has no minor unit and cannot hold money");
    }
  }

  public static Money of(long minor, Currency currency) {
    return new Money(minor, currency);
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Reads a decimal string such as {@code "12500.00"} in the given currency.
   *
   * @throws InvalidValueException when the text is not a plain decimal, has more decimals than the
   *     currency allows, or does not fit in a {@code long} of minor units
   */
  public static Money parse(String text, Currency currency) {
    Objects.requireNonNull(currency, "currency");
    if (text == null || text.isEmpty()) {
      throw new InvalidValueException("amount", "an amount is required");
    }
    if (text.length() > MAX_TEXT_LENGTH || !DECIMAL.matcher(text).matches()) {
      throw new InvalidValueException(
          "amount", "must be a decimal number such as \"12500.00\", got \"" + clip(text) + "\"");
    }
    int exponent = currency.getDefaultFractionDigits();
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > exponent) {
      throw new InvalidValueException(
          "amount",
          currency.getCurrencyCode()
              + " allows at most "
              + exponent
              + (exponent == 1 ? " decimal" : " decimals")
              + ", got \""
              + text
              + "\"");
    }
    try {
      return new Money(value.movePointRight(exponent).longValueExact(), currency);
    } catch (ArithmeticException tooLarge) {
      throw new AmountOutOfRangeException("amount \"" + text + "\" is too large");
    }
  }

  /** The currency's number of decimals: TZS 2, JPY 0, BHD 3. */
  public int exponent() {
    return currency.getDefaultFractionDigits();
  }

  /** The amount as a plain decimal string with exactly the currency's decimals. */
  public String toDecimalString() {
    return BigDecimal.valueOf(minor, exponent()).toPlainString();
  }

  public Money plus(Money other) {
    long sum;
    try {
      sum = Math.addExact(minor, same(other).minor);
    } catch (ArithmeticException overflow) {
      throw new AmountOutOfRangeException("the sum of two amounts is too large");
    }
    return new Money(sum, currency);
  }

  public Money minus(Money other) {
    long difference;
    try {
      difference = Math.subtractExact(minor, same(other).minor);
    } catch (ArithmeticException overflow) {
      throw new AmountOutOfRangeException("the difference of two amounts is too large");
    }
    return new Money(difference, currency);
  }

  public Money times(long quantity) {
    long product;
    try {
      product = Math.multiplyExact(minor, quantity);
    } catch (ArithmeticException overflow) {
      throw new AmountOutOfRangeException(
          toDecimalString()
              + " "
              + currency.getCurrencyCode()
              + " × "
              + quantity
              + " is too large");
    }
    return new Money(product, currency);
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public boolean isPositive() {
    return minor > 0;
  }

  /** True when this amount is at least {@code other}; both must share a currency. */
  public boolean isAtLeast(Money other) {
    return minor >= same(other).minor;
  }

  /** True when this amount is more than {@code other}; both must share a currency. */
  public boolean isGreaterThan(Money other) {
    return minor > same(other).minor;
  }

  public boolean hasCurrency(Currency other) {
    return currency.equals(other);
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + currency.getCurrencyCode();
  }

  private Money same(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
    return other;
  }

  private static String clip(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
