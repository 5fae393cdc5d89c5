package dev.duka.adapters.rest.common;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.order.ShippingAddress;

/**
 * A shipping address on the wire, both ways. Optional parts are {@code null} when absent in
 * responses.
 */
public record AddressBody(
    String fullName,
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    String phone) {

  /**
   * The domain's address; its rule violations are named under {@code field}, e.g. {@code
   * shipping_address.city}.
   */
  public ShippingAddress toDomain(String field) {
    try {
      return new ShippingAddress(fullName, line1, line2, city, region, postalCode, country, phone);
    } catch (InvalidValueException invalid) {
      throw new InvalidValueException(
          invalid.violations().stream()
              .map(v -> new Violation(field + "." + v.field(), v.message()))
              .toList());
    }
  }

  public static AddressBody of(ShippingAddress address) {
    if (address == null) {
      return null;
    }
    return new AddressBody(
        address.fullName(),
        address.line1(),
        emptyToNull(address.line2()),
        address.city(),
        emptyToNull(address.region()),
        emptyToNull(address.postalCode()),
        address.country(),
        address.phone());
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
