package dev.duka.adapters.stripe.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request FakeStripe received, as sent.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param params the form body (or query) decoded, keys in Stripe's bracket notation such as {@code
 *     line_items[0][price_data][unit_amount]}, in the order sent
 * @param headers the first value of each header, names in any case
 */
public record RecordedRequest(
    String method, String path, Map<String, String> params, Map<String, String> headers) {
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    headers = Collections.unmodifiableMap(caseless);
  }

  /** A form (or query) parameter. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** A header, by name in any case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The {@code Idempotency-Key} header. */
  public Optional<String> idempotencyKey() {
    return header("Idempotency-Key");
  }

  /** True for a request to {@code path} with {@code method}. */
  public boolean is(String method, String path) {
    return this.method.equals(method) && this.path.equals(path);
  }
}
