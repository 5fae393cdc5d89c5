package dev.duka.domain.user;

import java.util.Objects;

/**
 * Who is calling a use case: an authenticated, active user and their role, as checked for this
 * request. Use cases take it to decide what the caller may see and do.
 */
public record Caller(UserId id, Role role) {
  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** The caller as the actor of a change. */
  public Actor asActor() {
    return Actor.user(id);
  }
}
