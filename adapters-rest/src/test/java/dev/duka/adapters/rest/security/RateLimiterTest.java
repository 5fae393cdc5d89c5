package dev.duka.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.adapters.rest.security.RateLimiter.Limit;
import dev.duka.domain.error.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Limit LOGIN = new Limit("login", 5, Duration.ofMinutes(1));
  private static final Limit REGISTER = new Limit("register", 3, Duration.ofHours(1));

  /** A monotonic clock that only moves when a test says so; starts far from zero on purpose. */
  private final AtomicLong nanos = new AtomicLong(TimeUnit.DAYS.toNanos(3));

  private final RateLimiter limiter = limiter(1_000, LOGIN, REGISTER);

  @Test
  void allowsTheBurstThenRefusesTheNextRequestWithARetryAfter() {
    for (int i = 0; i < 5; i++) {
      limiter.acquire("login", "203.0.113.7");
    }

    assertThatThrownBy(() -> limiter.acquire("login", "203.0.113.7"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            limited -> assertThat(limited.retryAfterSeconds()).isBetween(1L, 60L));
  }

  @Test
  void retryAfterIsTheWaitForOnePermitRoundedUp() {
    drain("login", "203.0.113.7", 5);
    advance(Duration.ofMillis(500));

    // Five per minute refill one every 12 s; 11.5 s remain, which rounds up to 12.
    assertThatThrownBy(() -> limiter.acquire("login", "203.0.113.7"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            limited -> assertThat(limited.retryAfterSeconds()).isEqualTo(12));
  }

  @Test
  void retryAfterIsNeverBelowOneSecond() {
    RateLimiter fast = limiter(10, new Limit("burst", 1_000, Duration.ofSeconds(1)));
    drain(fast, "burst", "k", 1_000);

    assertThatThrownBy(() -> fast.acquire("burst", "k"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            limited -> assertThat(limited.retryAfterSeconds()).isEqualTo(1));
  }

  @Test
  void aRefusedRequestDoesNotSpendAPermit() {
    drain("login", "203.0.113.7", 5);
    for (int i = 0; i < 10; i++) {
      assertRefused("login", "203.0.113.7");
    }
    advance(Duration.ofSeconds(12));

    assertThatCode(() -> limiter.acquire("login", "203.0.113.7")).doesNotThrowAnyException();
  }

  @Test
  void otherKeysHaveTheirOwnBuckets() {
    drain("login", "203.0.113.7", 5);

    assertThatCode(() -> drain("login", "203.0.113.8", 5)).doesNotThrowAnyException();
    assertRefused("login", "203.0.113.7");
  }

  @Test
  void otherLimitsHaveTheirOwnBucketsForTheSameKey() {
    drain("login", "203.0.113.7", 5);

    assertThatCode(() -> drain("register", "203.0.113.7", 3)).doesNotThrowAnyException();
    assertRefused("register", "203.0.113.7");
  }

  @Test
  void aDrainedBucketRefillsOnePermitPerPeriodOverPermits() {
    drain("login", "203.0.113.7", 5);
    advance(Duration.ofSeconds(11));
    assertRefused("login", "203.0.113.7");

    advance(Duration.ofSeconds(1));

    assertThatCode(() -> limiter.acquire("login", "203.0.113.7")).doesNotThrowAnyException();
    assertRefused("login", "203.0.113.7");
  }

  @Test
  void afterAWholePeriodTheWholeBurstIsBackButNoMore() {
    drain("login", "203.0.113.7", 5);

    advance(Duration.ofMinutes(10));

    assertThatCode(() -> drain("login", "203.0.113.7", 5)).doesNotThrowAnyException();
    assertRefused("login", "203.0.113.7");
  }

  @Test
  void refillsOnTheRealClockToo() throws InterruptedException {
    RateLimiter real = new RateLimiter(List.of(new Limit("quick", 1, Duration.ofMillis(500))));
    real.acquire("quick", "k");
    assertThatThrownBy(() -> real.acquire("quick", "k")).isInstanceOf(RateLimitedException.class);

    Thread.sleep(600);

    assertThatCode(() -> real.acquire("quick", "k")).doesNotThrowAnyException();
  }

  @Test
  void exactlyThePermittedNumberSucceedAcrossSixteenThreads() throws Exception {
    RateLimiter shared = limiter(1_000, new Limit("checkout", 250, Duration.ofHours(1)));
    int threads = 16;
    int attemptsEach = 100;
    AtomicInteger allowed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < attemptsEach; i++) {
                    try {
                      shared.acquire("checkout", "198.51.100.1");
                      allowed.incrementAndGet();
                    } catch (RateLimitedException limited) {
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(allowed.get()).isEqualTo(250);
    assertThat(refused.get()).isEqualTo(threads * attemptsEach - 250);
  }

  @Test
  void dropsIdleBucketsWhenItTracksTooManyKeys() {
    RateLimiter small = limiter(100, LOGIN);
    for (int i = 0; i < 100; i++) {
      small.acquire("login", "old-" + i);
    }
    advance(Duration.ofMinutes(1));

    small.acquire("login", "new");

    assertThat(small.trackedBuckets()).isEqualTo(1);
  }

  @Test
  void aFloodOfDistinctKeysNeverGrowsPastTheCap() {
    RateLimiter small = limiter(100, LOGIN);

    for (int i = 0; i < 10_000; i++) {
      small.acquire("login", "flood-" + i);
      assertThat(small.trackedBuckets()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void underPressureTheLeastRecentlyUsedBucketsGoFirst() {
    RateLimiter small = limiter(100, LOGIN);
    drain(small, "login", "busy", 5);
    for (int i = 0; i < 99; i++) {
      advance(Duration.ofMillis(1));
      small.acquire("login", "other-" + i);
    }
    advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> small.acquire("login", "busy"))
        .isInstanceOf(RateLimitedException.class);

    small.acquire("login", "one-too-many");

    assertThat(small.trackedBuckets()).isLessThan(100);
    assertThatThrownBy(() -> small.acquire("login", "busy"))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void staysBoundedWhileSixteenThreadsFloodIt() throws Exception {
    RateLimiter small = limiter(200, LOGIN);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    small.acquire("login", thread + "-" + i);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    // Keys added while another thread sweeps wait for the next sweep, so the bound holds once
    // the racing stops; during the flood the overshoot is a handful of keys.
    assertThat(small.trackedBuckets()).isLessThanOrEqualTo(400);
    small.acquire("login", "after-the-flood");
    assertThat(small.trackedBuckets()).isLessThanOrEqualTo(200);
  }

  @Test
  void refusesAnUnknownLimitName() {
    assertThatThrownBy(() -> limiter.acquire("logn", "203.0.113.7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logn");
  }

  @Test
  void refusesTwoLimitsWithOneName() {
    assertThatThrownBy(
            () -> new RateLimiter(List.of(LOGIN, new Limit("login", 1, Duration.ofSeconds(1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("login");
  }

  @Test
  void refusesALimitWithoutPermitsOrPeriod() {
    assertThatThrownBy(() -> new Limit("none", 0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limit("instant", 5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limit(" ", 5, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RateLimiter limiter(int maxBuckets, Limit... limits) {
    return new RateLimiter(List.of(limits), maxBuckets, nanos::get);
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  private void drain(String limit, String key, int times) {
    drain(limiter, limit, key, times);
  }

  private static void drain(RateLimiter limiter, String limit, String key, int times) {
    for (int i = 0; i < times; i++) {
      limiter.acquire(limit, key);
    }
  }

  private void assertRefused(String limit, String key) {
    assertThatThrownBy(() -> limiter.acquire(limit, key)).isInstanceOf(RateLimitedException.class);
  }
}
