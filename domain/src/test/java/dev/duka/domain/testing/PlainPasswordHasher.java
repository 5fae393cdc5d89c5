package dev.duka.domain.testing;

import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.user.PasswordHash;

/**
 * A fast stand-in for use-case tests: {@code v<version>:<password>}. Hashes of an older version
 * verify as needing a rehash, like an Argon2 hash with older parameters. Counts decoy checks, so
 * tests can see that an unknown account did the same work as a known one.
 */
public final class PlainPasswordHasher implements PasswordHasher {
  private final int version;
  private int decoys;

  public PlainPasswordHasher() {
    this(2);
  }

  public PlainPasswordHasher(int version) {
    this.version = version;
  }

  @Override
  public PasswordHash hash(String password) {
    return new PasswordHash("v" + version + ":" + password);
  }

  @Override
  public Check verify(String password, PasswordHash hash) {
    int colon = hash.value().indexOf(':');
    if (colon < 0 || !hash.value().substring(colon + 1).equals(password)) {
      return Check.MISMATCH;
    }
    return hash.value().substring(0, colon).equals("v" + version)
        ? Check.MATCH
        : Check.MATCH_NEEDS_REHASH;
  }

  @Override
  public synchronized void verifyNothing(String password) {
    decoys++;
  }

  /** How many decoy verifications ran. */
  public synchronized int decoys() {
    return decoys;
  }
}
