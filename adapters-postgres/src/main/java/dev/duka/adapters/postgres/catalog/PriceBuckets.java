package dev.duka.adapters.postgres.catalog;

/**
 * The price buckets of {@code product_counts} (migration V4): two significant digits of a price in
 * minor units, so 12,345,678 falls in 12,000,000–12,999,999. Prices under 100 have a bucket each.
 * {@code product_price_floor} in SQL works out the same floors
 * (ListingCountsIT#theDatabaseFloorsPricesAsTheRepositoryDoes).
 *
 * <p>A price band splits into the buckets wholly inside it, whose products are summed from the
 * counts, and at most two edges, whose products are counted from the products index. Every price of
 * the band is in exactly one of the three.
 */
final class PriceBuckets {
  private PriceBuckets() {}

  /** The lowest price of {@code price}'s bucket. */
  static long floor(long price) {
    return price < 100 ? price : price - price % width(price);
  }

  /** How many prices {@code price}'s bucket holds. */
  static long width(long price) {
    if (price < 100) {
      return 1;
    }
    long width = 1;
    for (long rest = price; rest >= 100; rest /= 10) {
      width *= 10;
    }
    return width;
  }

  /**
   * The prices {@code min}–{@code max} (inclusive, {@code 0 <= min <= max}) as buckets and edges.
   * An empty range has {@code from > to}.
   *
   * @param touched the floors of every bucket holding a price of the band
   * @param inside the floors of the buckets wholly inside the band
   * @param low the prices of the band's low edge bucket that are in the band, when it is not whole
   * @param high the same for the high edge bucket
   */
  record Split(Range touched, Range inside, Range low, Range high) {
    static Split of(long min, long max) {
      long lowFloor = floor(min);
      long highFloor = floor(max);
      Range touched = new Range(lowFloor, highFloor);
      if (lowFloor == highFloor) {
        return new Split(touched, Range.NONE, new Range(min, max), Range.NONE);
      }
      // lowFloor < highFloor, so the next bucket's floor is at most highFloor: no overflow
      long afterLow = lowFloor + width(lowFloor);
      boolean lowWhole = min == lowFloor;
      boolean highWhole =
          max == Long.MAX_VALUE
              || (highFloor <= Long.MAX_VALUE - width(highFloor)
                  && max == highFloor + width(highFloor) - 1);
      return new Split(
          touched,
          new Range(lowWhole ? lowFloor : afterLow, highWhole ? highFloor : highFloor - 1),
          lowWhole ? Range.NONE : new Range(min, afterLow - 1),
          highWhole ? Range.NONE : new Range(highFloor, max));
    }
  }

  /** The whole numbers {@code from}–{@code to}; empty when {@code from > to}. */
  record Range(long from, long to) {
    static final Range NONE = new Range(0, -1);
  }
}
