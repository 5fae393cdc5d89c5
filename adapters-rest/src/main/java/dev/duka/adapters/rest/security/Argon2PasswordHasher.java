package dev.duka.adapters.rest.security;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.user.PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id through password4j, with OWASP's recommended minimum parameters: 19 MiB of memory, 2
 * iterations, 1 lane. The PHC string keeps the parameters with each hash, so a hash made with older
 * parameters still verifies and is reported for rehashing.
 *
 * <p>At most one hash per processor runs at a time; the others wait their turn. Each hash is CPU
 * work over 19 MiB of memory, so more at once would not finish sooner: 64 sign-ins at once on 2
 * cores grew the server to 5 GB and timed sign-ins out (docs/benchmarks.md), where taking turns
 * keeps the same throughput within a few dozen MiB.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  /** OWASP Password Storage Cheat Sheet, Argon2id: m=19 MiB, t=2, p=1. */
  public static final Parameters OWASP = new Parameters(19 * 1024, 2, 1);

  private static final int HASH_LENGTH = 32;

  private final Argon2Function current;
  private final String decoy;
  private final Semaphore turns;

  /** The memory (KiB), iterations and parallelism of Argon2id. */
  public record Parameters(int memoryKib, int iterations, int parallelism) {}

  /** A hasher with {@link #OWASP} parameters. */
  public Argon2PasswordHasher() {
    this(OWASP);
  }

  /**
   * A hasher that writes new hashes with {@code parameters}, and checks {@link #verifyNothing}
   * against a decoy with the same parameters.
   */
  public Argon2PasswordHasher(Parameters parameters) {
    this(parameters, Runtime.getRuntime().availableProcessors());
  }

  /**
   * A hasher that runs at most {@code concurrency} hashes at a time (fairly: first come, first
   * served).
   */
  public Argon2PasswordHasher(Parameters parameters, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("at least one hash must be able to run");
    }
    this.turns = new Semaphore(concurrency, true);
    this.current =
        Argon2Function.getInstance(
            parameters.memoryKib(),
            parameters.iterations(),
            parameters.parallelism(),
            HASH_LENGTH,
            Argon2.ID);
    this.decoy = decoyFor(current);
  }

  /**
   * A hash in Argon2's PHC format with this hasher's parameters, a random salt and a random output:
   * checking any password against it costs exactly a real verification and matches nothing. Made
   * without hashing, since only the parameters set the cost (a real hash here took 0.35 s of the
   * server's start).
   */
  private static String decoyFor(Argon2Function function) {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    byte[] output = new byte[function.getOutputLength()];
    random.nextBytes(salt);
    random.nextBytes(output);
    Base64.Encoder phc = Base64.getEncoder().withoutPadding();
    return "$argon2id$v="
        + function.getVersion()
        + "$m="
        + function.getMemory()
        + ",t="
        + function.getIterations()
        + ",p="
        + function.getParallelism()
        + "$"
        + phc.encodeToString(salt)
        + "$"
        + phc.encodeToString(output);
  }

  @Override
  public PasswordHash hash(String password) {
    return new PasswordHash(inTurn(() -> current.hash(password).getResult()));
  }

  @Override
  public Check verify(String password, PasswordHash hash) {
    Argon2Function stored;
    try {
      Argon2Function parsed = Argon2Function.getInstanceFromHash(hash.value());
      stored = parsed;
      if (!inTurn(() -> parsed.check(password, hash.value()))) {
        return Check.MISMATCH;
      }
    } catch (RuntimeException notArgon2) {
      // Not a hash this hasher can read (another algorithm, or corrupt): it matches nothing.
      return Check.MISMATCH;
    }
    boolean outdated =
        stored.getMemory() != current.getMemory()
            || stored.getIterations() != current.getIterations()
            || stored.getParallelism() != current.getParallelism()
            || stored.getOutputLength() != current.getOutputLength()
            || stored.getVersion() != current.getVersion()
            || stored.getVariant() != Argon2.ID;
    return outdated ? Check.MATCH_NEEDS_REHASH : Check.MATCH;
  }

  @Override
  public void verifyNothing(String password) {
    inTurn(() -> current.check(password, decoy));
  }

  private <T> T inTurn(Supplier<T> work) {
    turns.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      turns.release();
    }
  }
}
