package dev.duka.domain.order;

import dev.duka.domain.common.PhoneNumber;
import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where an order goes. Optional parts ({@code line2}, {@code region}, {@code postalCode}) are empty
 * strings when absent. The country is an ISO 3166 alpha-2 code; the phone is kept as digits with an
 * optional leading {@code +}, so couriers can dial it. Every broken rule is reported at once.
 */
public record ShippingAddress(
    String fullName,
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    String phone) {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public ShippingAddress {
    fullName = Text.clean(fullName);
    line1 = Text.clean(line1);
    line2 = Text.clean(line2);
    city = Text.clean(city);
    region = Text.clean(region);
    postalCode = Text.clean(postalCode);
    country = Text.clean(country).toUpperCase(Locale.ROOT);
    phone = PhoneNumber.isValid(phone) ? new PhoneNumber(phone).value() : Text.clean(phone);

    List<Violation> violations = new ArrayList<>();
    Text.check("full_name", fullName, true, 200, violations);
    Text.check("line1", line1, true, 200, violations);
    Text.check("line2", line2, false, 200, violations);
    Text.check("city", city, true, 100, violations);
    Text.check("region", region, false, 100, violations);
    Text.check("postal_code", postalCode, false, 20, violations);
    if (!COUNTRIES.contains(country)) {
      violations.add(new Violation("country", "must be an ISO 3166 alpha-2 code such as TZ"));
    }
    if (!PhoneNumber.isValid(phone)) {
      violations.add(new Violation("phone", "must be 7–15 digits, optionally starting with +"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }
}
