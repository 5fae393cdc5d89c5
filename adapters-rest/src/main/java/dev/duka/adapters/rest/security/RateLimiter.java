package dev.duka.adapters.rest.security;

import dev.duka.domain.error.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Named request limits, each a token bucket per key (usually the client address), held in this
 * process's memory.
 *
 * <p>A limit of N per period lets a key spend N requests at once, then refills greedily: one permit
 * every period / N. So the long-run rate is N per period and a burst is at most N; any window of
 * one period admits at most 2N (a full bucket plus one period of refill). A refused request costs
 * nothing and learns when the next permit arrives.
 *
 * <p>Buckets are created on first use. Memory is bounded: when more than {@code maxBuckets} keys
 * are tracked, buckets idle for a whole period are dropped first (they have refilled completely, so
 * forgetting them changes nothing), then the least recently used, until the map is back under 90%
 * of the cap. Only a flood of distinct keys within one period forces the second kind of eviction.
 */
public final class RateLimiter {
  /**
   * Enough for the distinct clients of a busy shop within one period, at a few hundred bytes each.
   */
  public static final int DEFAULT_MAX_BUCKETS = 100_000;

  private final Map<String, Limit> limits;
  private final int maxBuckets;
  private final int lowWater;
  private final LongSupplier nanoTime;
  private final TimeMeter timeMeter;
  private final ConcurrentHashMap<BucketKey, Tracked> buckets = new ConcurrentHashMap<>();
  private final AtomicBoolean sweeping = new AtomicBoolean();

  /**
   * A limit: at most {@code permits} requests at once per key, refilled over {@code period}.
   *
   * @throws IllegalArgumentException for a blank name, fewer than one permit or a period that is
   *     not positive
   */
  public record Limit(String name, long permits, Duration period) {
    public Limit {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(period, "period");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a limit needs a name");
      }
      if (permits < 1) {
        throw new IllegalArgumentException("limit " + name + " needs at least one permit");
      }
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("limit " + name + " needs a positive period");
      }
    }
  }

  /**
   * A limiter for these limits, tracking at most {@value #DEFAULT_MAX_BUCKETS} keys.
   *
   * @throws IllegalArgumentException when two limits share a name
   */
  public RateLimiter(Collection<Limit> limits) {
    this(limits, DEFAULT_MAX_BUCKETS, System::nanoTime);
  }

  /** For tests: a cap of their choosing and a monotonic clock in nanoseconds they control. */
  RateLimiter(Collection<Limit> limits, int maxBuckets, LongSupplier nanoTime) {
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be positive");
    }
    Map<String, Limit> byName = new HashMap<>();
    for (Limit limit : limits) {
      if (byName.put(limit.name(), limit) != null) {
        throw new IllegalArgumentException("two limits are named " + limit.name());
      }
    }
    this.limits = Map.copyOf(byName);
    this.maxBuckets = maxBuckets;
    this.lowWater = Math.max(1, maxBuckets - maxBuckets / 10);
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.timeMeter = new NanoTimeMeter(nanoTime);
  }

  /**
   * Spends one permit of {@code limitName} for {@code key}.
   *
   * @throws RateLimitedException when the key has none left; it carries the whole seconds (at least
   *     1) until the next permit
   * @throws IllegalArgumentException for a limit name this limiter was not given
   */
  public void acquire(String limitName, String key) {
    Objects.requireNonNull(key, "key");
    Limit limit = limits.get(limitName);
    if (limit == null) {
      throw new IllegalArgumentException("no rate limit is named " + limitName);
    }
    long now = nanoTime.getAsLong();
    Tracked tracked =
        buckets.computeIfAbsent(
            new BucketKey(limitName, key), created -> new Tracked(limit, newBucket(limit)));
    tracked.lastUsed = now;
    ConsumptionProbe probe = tracked.bucket.tryConsumeAndReturnRemaining(1);
    if (buckets.size() > maxBuckets) {
      shrink(now);
    }
    if (!probe.isConsumed()) {
      throw new RateLimitedException(secondsRoundedUp(probe.getNanosToWaitForRefill()));
    }
  }

  /** How many buckets are held now. */
  int trackedBuckets() {
    return buckets.size();
  }

  private Bucket newBucket(Limit limit) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.permits())
                .refillGreedy(limit.permits(), limit.period())
                .build())
        .withCustomTimePrecision(timeMeter)
        .build();
  }

  /**
   * Drops idle buckets, then the least recently used, down to the low-water mark. Going below the
   * cap, not just to it, keeps a full map from paying a sweep on every new key. One thread sweeps
   * at a time; the others carry on. A request that raced with the removal of its own bucket spent
   * its permit from the dropped copy: at worst one extra permit per eviction.
   */
  private void shrink(long now) {
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      buckets
          .entrySet()
          .removeIf(entry -> now - entry.getValue().lastUsed >= entry.getValue().periodNanos);
      int excess = buckets.size() - lowWater;
      if (excess > 0) {
        List<Map.Entry<BucketKey, Tracked>> oldestFirst = new ArrayList<>(buckets.entrySet());
        oldestFirst.sort(Comparator.comparingLong(entry -> entry.getValue().lastUsed));
        for (Map.Entry<BucketKey, Tracked> entry : oldestFirst.subList(0, excess)) {
          buckets.remove(entry.getKey(), entry.getValue());
        }
      }
    } finally {
      sweeping.set(false);
    }
  }

  private static long secondsRoundedUp(long nanos) {
    long perSecond = TimeUnit.SECONDS.toNanos(1);
    return Math.max(1, (nanos + perSecond - 1) / perSecond);
  }

  private record BucketKey(String limit, String key) {}

  /** A bucket and when it was last asked for a permit. */
  private static final class Tracked {
    final Bucket bucket;
    final long periodNanos;
    volatile long lastUsed;

    Tracked(Limit limit, Bucket bucket) {
      this.bucket = bucket;
      this.periodNanos = limit.period().toNanos();
    }
  }

  /** Bucket4j's view of our clock, so tests can move time instead of sleeping. */
  private record NanoTimeMeter(LongSupplier nanoTime) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return nanoTime.getAsLong();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
