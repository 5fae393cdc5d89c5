package dev.duka.domain.catalog;

import java.util.Objects;

/** A brand as shoppers see it and how many products they can see under it. */
public record BrandCount(String brand, long products) {
  public BrandCount {
    Objects.requireNonNull(brand, "brand");
    if (products < 1) {
      throw new IllegalArgumentException("a listed brand has at least one product");
    }
  }
}
