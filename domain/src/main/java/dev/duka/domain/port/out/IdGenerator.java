package dev.duka.domain.port.out;

import java.util.UUID;

/** The one source of identifiers and randomness for the domain and application. */
public interface IdGenerator {

  /** A new identifier, unique among all identifiers this generator ever returns. */
  UUID newId();

  /**
   * 64 random bits for human-readable codes (order numbers, SKU suffixes). Real adapters draw them
   * from a cryptographically strong source; codes built from them must still be checked for
   * uniqueness where it matters.
   */
  long randomBits();
}
