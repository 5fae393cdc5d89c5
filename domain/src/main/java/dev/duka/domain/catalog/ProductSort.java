package dev.duka.domain.catalog;

import dev.duka.domain.common.WireNames;

/**
 * The orders a product listing may be sorted in. Each has an index behind it, and ties are broken
 * by id so that pages never overlap.
 */
public enum ProductSort {
  /** Most recently created first. */
  NEWEST,
  /** Cheapest first. */
  PRICE_ASC,
  /** Dearest first. */
  PRICE_DESC,
  /** By name, ignoring case. */
  NAME;

  public String wireName() {
    return WireNames.of(this);
  }

  /**
   * Reads {@code newest}, {@code price_asc}, {@code price_desc} or {@code name}.
   *
   * @throws dev.duka.domain.error.InvalidValueException on field {@code sort} for anything else
   */
  public static ProductSort fromWire(String text) {
    return WireNames.parse(ProductSort.class, text, "sort");
  }
}
