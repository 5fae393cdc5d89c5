package dev.duka.domain.user;

import dev.duka.domain.order.ShippingAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account: who may sign in, with which role, whether the email was confirmed, and the profile
 * the user keeps (name, phone, default shipping address). Immutable: each change returns a new
 * account.
 */
public final class User {
  private final UserId id;
  private final Email email;
  private final String fullName;
  private final Role role;
  private final PasswordHash passwordHash;
  private final boolean active;
  private final Instant emailVerifiedAt;
  private final String phone;
  private final ShippingAddress defaultShippingAddress;
  private final Instant createdAt;

  /**
   * @param emailVerifiedAt when the email was confirmed, or {@code null} while it is not
   * @param phone the phone number, empty when none
   * @param defaultShippingAddress the address orders default to, or {@code null}
   */
  public User(
      UserId id,
      Email email,
      String fullName,
      Role role,
      PasswordHash passwordHash,
      boolean active,
      Instant emailVerifiedAt,
      String phone,
      ShippingAddress defaultShippingAddress,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.email = Objects.requireNonNull(email, "email");
    this.fullName = Objects.requireNonNull(fullName, "fullName");
    this.role = Objects.requireNonNull(role, "role");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.active = active;
    this.emailVerifiedAt = emailVerifiedAt;
    this.phone = Objects.requireNonNull(phone, "phone");
    this.defaultShippingAddress = defaultShippingAddress;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new account that has not confirmed its email yet, active, without profile extras. */
  public static User register(
      UserId id, Email email, String fullName, Role role, PasswordHash hash, Instant at) {
    return new User(id, email, fullName, role, hash, true, null, "", null, at);
  }

  public User verified(Instant at) {
    return emailVerified()
        ? this
        : new User(
            id,
            email,
            fullName,
            role,
            passwordHash,
            active,
            at,
            phone,
            defaultShippingAddress,
            createdAt);
  }

  public User withPassword(PasswordHash hash) {
    return new User(
        id,
        email,
        fullName,
        role,
        hash,
        active,
        emailVerifiedAt,
        phone,
        defaultShippingAddress,
        createdAt);
  }

  public User withProfile(String name, String newPhone, ShippingAddress address) {
    return new User(
        id, email, name, role, passwordHash, active, emailVerifiedAt, newPhone, address, createdAt);
  }

  public User withRole(Role newRole) {
    return new User(
        id,
        email,
        fullName,
        newRole,
        passwordHash,
        active,
        emailVerifiedAt,
        phone,
        defaultShippingAddress,
        createdAt);
  }

  public User withActive(boolean isActive) {
    return new User(
        id,
        email,
        fullName,
        role,
        passwordHash,
        isActive,
        emailVerifiedAt,
        phone,
        defaultShippingAddress,
        createdAt);
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

  /** The phone number, empty when none was given. */
  public String phone() {
    return phone;
  }

  public Optional<ShippingAddress> defaultShippingAddress() {
    return Optional.ofNullable(defaultShippingAddress);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The caller this account is when it signs in. */
  public Caller asCaller() {
    return new Caller(id, role);
  }
}
