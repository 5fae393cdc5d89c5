package dev.duka.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import com.sun.management.ThreadMXBean;
import dev.duka.adapters.rest.security.Argon2PasswordHasher.Parameters;
import dev.duka.domain.port.out.PasswordHasher.Check;
import dev.duka.domain.user.PasswordHash;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {
  /** Built once: every instance hashes a decoy at construction. */
  private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher();

  private static final Argon2PasswordHasher WEAK =
      new Argon2PasswordHasher(new Parameters(8192, 1, 1));

  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void aHashVerifiesAgainstItsPassword() {
    PasswordHash hash = HASHER.hash(PASSWORD);

    assertThat(HASHER.verify(PASSWORD, hash)).isEqualTo(Check.MATCH);
  }

  @Test
  void concurrentSignInsAllCompleteWhileHashesTakeTurns() throws Exception {
    Argon2PasswordHasher oneAtATime = new Argon2PasswordHasher(new Parameters(8192, 1, 1), 1);
    PasswordHash hash = oneAtATime.hash(PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Check>> checks = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String password = i % 2 == 0 ? PASSWORD : "wrong " + i;
        checks.add(pool.submit(() -> oneAtATime.verify(password, hash)));
      }
      for (int i = 0; i < checks.size(); i++) {
        assertThat(checks.get(i).get(30, TimeUnit.SECONDS))
            .isEqualTo(i % 2 == 0 ? Check.MATCH : Check.MISMATCH);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesToRunNoHashAtAll() {
    assertThatThrownBy(() -> new Argon2PasswordHasher(new Parameters(8192, 1, 1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWrongPasswordDoesNotMatch() {
    PasswordHash hash = HASHER.hash(PASSWORD);

    assertThat(HASHER.verify("correct horse battery stapler", hash)).isEqualTo(Check.MISMATCH);
  }

  @Test
  void aNonAsciiPasswordVerifies() {
    PasswordHash hash = HASHER.hash("nenosiri-ya-siri-€-ü-😀");

    assertThat(HASHER.verify("nenosiri-ya-siri-€-ü-😀", hash)).isEqualTo(Check.MATCH);
    assertThat(HASHER.verify("nenosiri-ya-siri-€-u-😀", hash)).isEqualTo(Check.MISMATCH);
  }

  @Test
  void eachHashHasItsOwnSalt() {
    PasswordHash first = HASHER.hash(PASSWORD);
    PasswordHash second = HASHER.hash(PASSWORD);

    assertThat(first.value()).isNotEqualTo(second.value());
    assertThat(phc(first)[4]).isNotEqualTo(phc(second)[4]);
  }

  @Test
  void aHashIsArgon2idWithOwaspParametersA16ByteSaltAnd32ByteOutput() {
    String[] parts = phc(HASHER.hash(PASSWORD));

    assertThat(parts[1]).isEqualTo("argon2id");
    assertThat(parts[2]).isEqualTo("v=19");
    assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
  }

  @Test
  void aHashWithWeakerParametersMatchesButAsksForARehash() {
    PasswordHash old = WEAK.hash(PASSWORD);

    assertThat(HASHER.verify(PASSWORD, old)).isEqualTo(Check.MATCH_NEEDS_REHASH);
    assertThat(HASHER.verify("wrong", old)).isEqualTo(Check.MISMATCH);
  }

  @Test
  void aHashOfAnotherArgon2VariantMatchesButAsksForARehash() {
    String argon2i =
        Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.I).hash(PASSWORD).getResult();

    assertThat(HASHER.verify(PASSWORD, new PasswordHash(argon2i)))
        .isEqualTo(Check.MATCH_NEEDS_REHASH);
  }

  @Test
  void aHashOfTheOlderArgon2VersionMatchesButAsksForARehash() {
    String version10 =
        Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_10)
            .hash(PASSWORD)
            .getResult();

    assertThat(HASHER.verify(PASSWORD, new PasswordHash(version10)))
        .isEqualTo(Check.MATCH_NEEDS_REHASH);
  }

  @Test
  void aHashWithAShorterOutputMatchesButAsksForARehash() {
    String shortOutput =
        Argon2Function.getInstance(19 * 1024, 2, 1, 16, Argon2.ID).hash(PASSWORD).getResult();

    assertThat(HASHER.verify(PASSWORD, new PasswordHash(shortOutput)))
        .isEqualTo(Check.MATCH_NEEDS_REHASH);
  }

  /** Cheap parameters in the prefix keep each try fast; the tail is what a parser may trip on. */
  @Property(tries = 300)
  void anyTailAfterAnArgon2PrefixNeverMatchesAndNeverThrows(@ForAll String tail) {
    PasswordHash stored = new PasswordHash("$argon2id$v=19$m=8,t=1,p=1$" + tail);

    assertThat(HASHER.verify(PASSWORD, stored)).isEqualTo(Check.MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "$",
        "$$$$$",
        "$argon2id$",
        "$argon2id$v=19$m=19456,t=2,p=1$",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$",
        "$argon2id$v=19$m=19456,t=2,p=1$!!!not-base64!!!$!!!not-base64!!!",
        "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=19456,t=0,p=0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2xx$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$2b$12$KIXQJ7p3nE4mX1vZ5b6aUe0E1m3p6nQ0V5u8hFv1o8r1v3Yx0u6Wm",
        "{bcrypt}$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "5f4dcc3b5aa765d61d8327deb882cf99"
      })
  void aGarbageOrForeignHashNeverMatchesAndNeverThrows(String stored) {
    assertThat(HASHER.verify(PASSWORD, new PasswordHash(stored))).isEqualTo(Check.MISMATCH);
  }

  @Test
  void aTruncatedRealHashNeverMatchesAndNeverThrows() {
    String real = HASHER.hash(PASSWORD).value();

    for (int length = 1; length < real.length(); length += 13) {
      PasswordHash truncated = new PasswordHash(real.substring(0, length));
      assertThat(HASHER.verify(PASSWORD, truncated))
          .as(truncated.value())
          .isEqualTo(Check.MISMATCH);
    }
  }

  /**
   * An unknown account must answer as slowly as a wrong password. Wall-clock and even CPU-time
   * measurements of one Argon2 run on this shared 2-core VM swing tenfold (35 to 500 ms) from one
   * run to the next, so a timing ratio would be flaky. Argon2's cost is its memory, though: each
   * run fills m KiB t times, and the bytes the thread allocates are deterministic. Equal allocation
   * shows verifyNothing runs Argon2 with the same memory and iterations as a real verification;
   * skipping it, or checking a decoy made with cheaper parameters, would not.
   */
  @Test
  void verifyingNothingCostsAsMuchArgon2WorkAsAVerification() {
    PasswordHash hash = HASHER.hash(PASSWORD);
    PasswordHash weak = WEAK.hash(PASSWORD);

    long verify = allocatedBy(() -> HASHER.verify("wrong", hash));
    long nothing = allocatedBy(() -> HASHER.verifyNothing("wrong"));
    long weaker = allocatedBy(() -> HASHER.verify("wrong", weak));

    assertThat(verify).isGreaterThan(2L * 19 * 1024 * 1024);
    assertThat((double) nothing / verify).isBetween(0.95, 1.05);
    assertThat(weaker).isLessThan(verify / 2);
  }

  private static long allocatedBy(Runnable work) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "needs per-thread allocation counts");
    threads.setThreadAllocatedMemoryEnabled(true);
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    work.run();
    return threads.getThreadAllocatedBytes(thread) - before;
  }

  private static String[] phc(PasswordHash hash) {
    return hash.value().split("\\$");
  }
}
