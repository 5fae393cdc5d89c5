package dev.duka.domain.cart;

import dev.duka.domain.catalog.ProductId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The lines a client wants to buy, in the order given. */
public record Cart(List<CartLine> lines) {
  /** The most distinct products one cart may hold. */
  public static final int MAX_LINES = 100;

  public Cart {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }

  public static Cart of(CartLine... lines) {
    return new Cart(List.of(lines));
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The distinct products, in order of first appearance. */
  public Set<ProductId> productIds() {
    Set<ProductId> ids = new LinkedHashSet<>();
    lines.forEach(line -> ids.add(line.productId()));
    return ids;
  }

  /**
   * Lines for the same product merged: quantities summed in order of first appearance. Sums
   * saturate at {@link Long#MAX_VALUE} instead of wrapping round to a small number.
   */
  public Map<ProductId, Long> mergedQuantities() {
    Map<ProductId, Long> merged = new LinkedHashMap<>();
    for (CartLine line : lines) {
      merged.merge(line.productId(), line.quantity(), Cart::saturatedAdd);
    }
    return merged;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }
}
