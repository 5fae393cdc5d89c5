package dev.duka.adapters.postgres.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.catalog.PriceBuckets.Range;
import dev.duka.adapters.postgres.catalog.PriceBuckets.Split;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PriceBucketsTest {
  @Test
  void aBucketKeepsTwoSignificantDigits() {
    assertThat(PriceBuckets.floor(0)).isZero();
    assertThat(PriceBuckets.floor(99)).isEqualTo(99);
    assertThat(PriceBuckets.floor(100)).isEqualTo(100);
    assertThat(PriceBuckets.floor(109)).isEqualTo(100);
    assertThat(PriceBuckets.floor(110)).isEqualTo(110);
    assertThat(PriceBuckets.floor(999)).isEqualTo(990);
    assertThat(PriceBuckets.floor(1_000)).isEqualTo(1_000);
    assertThat(PriceBuckets.floor(12_345_678)).isEqualTo(12_000_000);
    assertThat(PriceBuckets.width(12_345_678)).isEqualTo(1_000_000);
    assertThat(PriceBuckets.floor(Long.MAX_VALUE)).isEqualTo(9_200_000_000_000_000_000L);
    assertThat(PriceBuckets.width(Long.MAX_VALUE)).isEqualTo(100_000_000_000_000_000L);
  }

  @Test
  void aBandWithinOneBucketIsCountedWhole() {
    Split split = Split.of(12_100_000, 12_800_000);

    assertThat(split.inside().from()).isGreaterThan(split.inside().to());
    assertThat(split.low()).isEqualTo(new Range(12_100_000, 12_800_000));
    assertThat(split.high().from()).isGreaterThan(split.high().to());
  }

  @Test
  void aBandOnBucketBoundsHasNoEdges() {
    Split split = Split.of(1_000_000, 4_999_999);

    assertThat(split.inside()).isEqualTo(new Range(1_000_000, 4_900_000));
    assertThat(split.low().from()).isGreaterThan(split.low().to());
    assertThat(split.high().from()).isGreaterThan(split.high().to());
  }

  @Test
  void anOpenBandReachesTheLargestPrice() {
    Split split = Split.of(0, Long.MAX_VALUE);

    assertThat(split.inside()).isEqualTo(new Range(0, 9_200_000_000_000_000_000L));
    assertThat(split.touched()).isEqualTo(split.inside());
  }

  /**
   * Every price near the band's ends and its buckets' bounds is in exactly one part when it is in
   * the band, and in none when it is not; the buckets touched are those of the band's prices.
   */
  @Property(tries = 2_000)
  void everyPriceOfTheBandIsInExactlyOnePart(@ForAll("prices") long a, @ForAll("prices") long b) {
    long min = Math.min(a, b);
    long max = Math.max(a, b);
    Split split = Split.of(min, max);

    for (long price : probes(min, max)) {
      boolean inBand = price >= min && price <= max;
      long floor = PriceBuckets.floor(price);
      int parts =
          (contains(split.inside(), floor) ? 1 : 0)
              + (contains(split.low(), price) ? 1 : 0)
              + (contains(split.high(), price) ? 1 : 0);
      assertThat(parts).as("parts holding %d of %d–%d", price, min, max).isEqualTo(inBand ? 1 : 0);
      if (inBand) {
        assertThat(contains(split.touched(), floor)).isTrue();
      }
    }
  }

  @Provide
  Arbitrary<Long> prices() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1_000),
        Arbitraries.longs().between(0, 100_000_000_000L),
        Arbitraries.integers().between(0, 18).map(digits -> pow10(digits)),
        Arbitraries.integers().between(1, 18).map(digits -> pow10(digits) - 1),
        Arbitraries.longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE));
  }

  private static List<Long> probes(long min, long max) {
    List<Long> probes = new ArrayList<>();
    for (long end : new long[] {min, max}) {
      long floor = PriceBuckets.floor(end);
      long next = floor + PriceBuckets.width(end);
      for (long p :
          new long[] {end - 1, end, end + 1, floor - 1, floor, floor + 1, next - 1, next}) {
        if (p >= 0) { // beyond the largest price, a sum wraps below zero
          probes.add(p);
        }
      }
    }
    probes.add(min + (max - min) / 2);
    return probes;
  }

  private static boolean contains(Range range, long value) {
    return value >= range.from() && value <= range.to();
  }

  private static long pow10(int digits) {
    long value = 1;
    for (int i = 0; i < digits; i++) {
      value *= 10;
    }
    return value;
  }
}
