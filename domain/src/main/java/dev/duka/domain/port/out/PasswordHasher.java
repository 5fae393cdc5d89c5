package dev.duka.domain.port.out;

import dev.duka.domain.user.PasswordHash;

/** One-way password hashing (Argon2id in production). */
public interface PasswordHasher {

  /** A fresh salted hash of {@code password} with the current parameters. */
  PasswordHash hash(String password);

  /**
   * Checks {@code password} against {@code hash} in time independent of where they differ.
   *
   * @return whether it matches, and whether the hash should be replaced because its parameters are
   *     older than the current ones
   */
  Check verify(String password, PasswordHash hash);

  /**
   * Spends as much time as a real {@link #verify} so that an unknown account answers as slowly as a
   * wrong password.
   */
  void verifyNothing(String password);

  /** The outcome of a verification. */
  enum Check {
    MATCH,
    MATCH_NEEDS_REHASH,
    MISMATCH;

    public boolean matches() {
      return this != MISMATCH;
    }
  }
}
