package dev.duka.adapters.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.stripe.StripeAmounts.Conversion;
import dev.duka.domain.money.Money;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StripeAmountsTest {

  @Test
  void sendsTwoDecimalCurrenciesInCents() {
    assertThat(units("12500.00", "TZS")).isEqualTo(1_250_000);
    assertThat(units("10.99", "USD")).isEqualTo(1099);
    assertThat(units("250.50", "KES")).isEqualTo(25_050);
  }

  @Test
  void sendsZeroDecimalCurrenciesInWholeUnits() {
    assertThat(units("500", "JPY")).isEqualTo(500);
    assertThat(units("1500", "KRW")).isEqualTo(1500);
    assertThat(units("2000", "XOF")).isEqualTo(2000);
  }

  @Test
  void sendsAriaryInWholeUnitsThoughIsoGivesItTwoDecimals() {
    assertThat(units("1500.00", "MGA")).isEqualTo(1500);
  }

  @Test
  void refusesAFractionOfAnAriary() {
    assertThat(refusal("10.50", "MGA"))
        .contains("MGA amounts only in steps of 1.00 MGA")
        .contains("10.50 MGA");
  }

  @Test
  void sendsUgandanShillingsAndKronurWithTwoZeroDecimals() {
    // Stripe's "Special cases": to charge 5 UGX, send 500.
    assertThat(units("5", "UGX")).isEqualTo(500);
    assertThat(units("1200", "ISK")).isEqualTo(120_000);
  }

  @Test
  void sendsThreeDecimalCurrenciesInTheirMinorUnitsWhenTheLastDigitIsZero() {
    assertThat(units("5.120", "KWD")).isEqualTo(5120);
    assertThat(units("12.340", "BHD")).isEqualTo(12_340);
  }

  @Test
  void refusesAThreeDecimalAmountWhoseLastDigitIsNotZero() {
    assertThat(refusal("5.124", "KWD"))
        .isEqualTo("Stripe takes KWD amounts only in steps of 0.010 KWD, and 5.124 KWD is not one");
    assertThat(refusal("0.005", "BHD")).contains("steps of 0.010 BHD");
  }

  @Test
  void refusesNegativeAmounts() {
    assertThat(refusal("-1.00", "USD")).contains("no negative amounts");
  }

  @Test
  void refusesAmountsBeyondTwelveDigits() {
    assertThat(units("9999999999.99", "USD")).isEqualTo(999_999_999_999L);
    assertThat(refusal("10000000000.00", "USD")).contains("more than Stripe takes");
  }

  @Test
  void readsStripeAmountsBackIntoMinorUnits() {
    assertThat(StripeAmounts.fromStripe(1_250_000, "tzs")).isEqualTo(money("12500.00", "TZS"));
    assertThat(StripeAmounts.fromStripe(500, "jpy")).isEqualTo(money("500", "JPY"));
    assertThat(StripeAmounts.fromStripe(1500, "mga")).isEqualTo(money("1500.00", "MGA"));
    assertThat(StripeAmounts.fromStripe(500, "ugx")).isEqualTo(money("5", "UGX"));
    assertThat(StripeAmounts.fromStripe(5120, "KWD")).isEqualTo(money("5.120", "KWD"));
  }

  @Test
  void refusesToReadAFractionOfAWholeUnitCurrency() {
    assertThatThrownBy(() -> StripeAmounts.fromStripe(550, "ugx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a whole number of UGX");
  }

  @Test
  void refusesToReadAnUnknownCurrency() {
    assertThatThrownBy(() -> StripeAmounts.fromStripe(100, "zzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown currency \"zzz\"");
  }

  @Test
  void knowsThePublishedMinimumCharges() {
    assertThat(StripeAmounts.minimumCharge(currency("USD"))).contains(money("0.50", "USD"));
    assertThat(StripeAmounts.minimumCharge(currency("EUR"))).contains(money("0.50", "EUR"));
    assertThat(StripeAmounts.minimumCharge(currency("GBP"))).contains(money("0.30", "GBP"));
    assertThat(StripeAmounts.minimumCharge(currency("JPY"))).contains(money("50", "JPY"));
    assertThat(StripeAmounts.minimumCharge(currency("HUF"))).contains(money("175.00", "HUF"));
  }

  @Test
  void doesNotGuessAMinimumStripeDoesNotPublish() {
    assertThat(StripeAmounts.minimumCharge(currency("TZS"))).isEmpty();
    assertThat(StripeAmounts.minimumCharge(currency("KES"))).isEmpty();
    assertThat(StripeAmounts.chargeRefusal(money("1.00", "TZS"))).isEmpty();
  }

  @Test
  void refusesAChargeBelowThePublishedMinimum() {
    assertThat(StripeAmounts.chargeRefusal(money("0.49", "USD")))
        .contains("Stripe's smallest charge in USD is 0.50 USD; the total is 0.49 USD");
    assertThat(StripeAmounts.chargeRefusal(money("49", "JPY"))).isPresent();
    assertThat(StripeAmounts.chargeRefusal(money("0.29", "GBP"))).isPresent();
  }

  @Test
  void acceptsAChargeOfExactlyTheMinimum() {
    assertThat(StripeAmounts.chargeRefusal(money("0.50", "USD"))).isEmpty();
    assertThat(StripeAmounts.chargeRefusal(money("50", "JPY"))).isEmpty();
  }

  @Test
  void refusesToChargeNothing() {
    assertThat(StripeAmounts.chargeRefusal(money("0.00", "TZS")))
        .contains("there is nothing to charge: the total is 0.00 TZS");
  }

  @Test
  void refusesAChargeStripeCannotExpress() {
    assertThat(StripeAmounts.chargeRefusal(money("5.125", "OMR"))).get().asString().contains("OMR");
  }

  @Test
  void writesCurrenciesInLowerCase() {
    assertThat(StripeAmounts.stripeCurrency(currency("TZS"))).isEqualTo("tzs");
  }

  @Property
  void everyAmountStripeTakesReadsBackUnchanged(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = 0, max = 999_999_999_999L) long minor) {
    Money amount = Money.of(minor, currency);

    Conversion conversion = StripeAmounts.toStripe(amount);

    if (conversion instanceof Conversion.Units sent) {
      assertThat(StripeAmounts.fromStripe(sent.value(), StripeAmounts.stripeCurrency(currency)))
          .isEqualTo(amount);
    } else {
      assertThat(((Conversion.Refused) conversion).reason()).contains(currency.getCurrencyCode());
    }
  }

  @Provide
  Arbitrary<Currency> currencies() {
    return Arbitraries.of("TZS", "USD", "KES", "JPY", "MGA", "UGX", "ISK", "BHD", "KWD", "HUF")
        .map(Currency::getInstance);
  }

  private static long units(String amount, String currency) {
    Conversion conversion = StripeAmounts.toStripe(money(amount, currency));
    assertThat(conversion).isInstanceOf(Conversion.Units.class);
    return ((Conversion.Units) conversion).value();
  }

  private static String refusal(String amount, String currency) {
    Conversion conversion = StripeAmounts.toStripe(money(amount, currency));
    assertThat(conversion).isInstanceOf(Conversion.Refused.class);
    return ((Conversion.Refused) conversion).reason();
  }

  private static Money money(String amount, String currency) {
    return Money.parse(amount, currency(currency));
  }

  private static Currency currency(String code) {
    return Currency.getInstance(code);
  }
}
