package dev.duka.domain.money;

import dev.duka.domain.error.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A tax rate as a decimal fraction (0.18 is 18 %), held exactly as {@code unscaled × 10^-scale}.
 * Tax is computed once per order on the discounted subtotal and rounded half-even to the minor unit
 * (ARCHITECTURE.md, "Money, tax, shipping").
 */
public record TaxRate(long unscaled, int scale) {
  private static final int MAX_SCALE = 9;
  private static final Pattern FRACTION = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,9})?");

  public static final TaxRate ZERO = new TaxRate(0, 0);

  public TaxRate {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new InvalidValueException("tax_rate", "at most " + MAX_SCALE + " decimals");
    }
    if (unscaled < 0 || BigDecimal.valueOf(unscaled, scale).compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("tax_rate", "must be a fraction between 0 and 1");
    }
  }

  /**
   * Reads a rate written as a decimal fraction, e.g. {@code "0.18"}.
   *
   * @throws InvalidValueException when the text is not a decimal between 0 and 1
   */
  public static TaxRate parse(String text) {
    if (text == null || !FRACTION.matcher(text.strip()).matches()) {
      throw new InvalidValueException(
          "tax_rate", "must be a decimal fraction such as 0.18, got \"" + text + "\"");
    }
    BigDecimal value = new BigDecimal(text.strip());
    return new TaxRate(value.unscaledValue().longValueExact(), value.scale());
  }

  /** The tax on {@code base}, rounded half-even to the currency's minor unit. */
  public Money taxOn(Money base) {
    BigDecimal exact =
        BigDecimal.valueOf(base.minor()).multiply(BigDecimal.valueOf(unscaled, scale));
    try {
      return Money.of(exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), base.currency());
    } catch (ArithmeticException tooLarge) {
      throw new AmountOutOfRangeException("the tax on " + base + " is too large");
    }
  }

  @Override
  public String toString() {
    return BigDecimal.valueOf(unscaled, scale).toPlainString();
  }
}
