package dev.duka.adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.domain.order.ShippingAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shipping addresses in {@code jsonb} columns, with the API's snake_case field names. */
public final class AddressJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

  private AddressJson() {}

  public static String write(ShippingAddress address) {
    if (address == null) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("full_name", address.fullName());
    fields.put("line1", address.line1());
    fields.put("line2", address.line2());
    fields.put("city", address.city());
    fields.put("region", address.region());
    fields.put("postal_code", address.postalCode());
    fields.put("country", address.country());
    fields.put("phone", address.phone());
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ShippingAddress read(String json) {
    if (json == null) {
      return null;
    }
    try {
      Map<String, String> f = JSON.readValue(json, FIELDS);
      return new ShippingAddress(
          f.get("full_name"),
          f.get("line1"),
          f.get("line2"),
          f.get("city"),
          f.get("region"),
          f.get("postal_code"),
          f.get("country"),
          f.get("phone"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored address is not valid JSON", e);
    }
  }
}
