package dev.duka.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An account: who may sign in, with which role, and whether the email was confirmed. */
public final class User {
  private final UserId id;
  private final Email email;
  private final String fullName;
  private final Role role;
  private final PasswordHash passwordHash;
  private final boolean active;
  private final Instant emailVerifiedAt;
  private final Instant createdAt;

  /**
   * @param emailVerifiedAt when the email was confirmed, or {@code null} while it is not
   */
  public User(
      UserId id,
      Email email,
      String fullName,
      Role role,
      PasswordHash passwordHash,
      boolean active,
      Instant emailVerifiedAt,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.email = Objects.requireNonNull(email, "email");
    this.fullName = Objects.requireNonNull(fullName, "fullName");
    this.role = Objects.requireNonNull(role, "role");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.active = active;
    this.emailVerifiedAt = emailVerifiedAt;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public UserId id() {
    return id;
  }

  public Email email() {
    return email;
  }

  public String fullName() {
    return fullName;
  }

  public Role role() {
    return role;
  }

  public PasswordHash passwordHash() {
    return passwordHash;
  }

  public boolean active() {
    return active;
  }

  public Optional<Instant> emailVerifiedAt() {
    return Optional.ofNullable(emailVerifiedAt);
  }

  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
