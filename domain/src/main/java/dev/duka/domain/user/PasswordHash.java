package dev.duka.domain.user;

/**
 * A password hash in the hasher's self-describing text form (e.g. a PHC {@code $argon2id$} string).
 */
public record PasswordHash(String value) {
  public PasswordHash {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a password hash is never blank");
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[redacted]";
  }
}
