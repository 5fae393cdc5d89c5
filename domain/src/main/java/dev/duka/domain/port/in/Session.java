package dev.duka.domain.port.in;

import java.time.Instant;
import java.util.Objects;

/** What signing in gives: a short-lived access token, a refresh token, and the account. */
public record Session(
    String accessToken, Instant accessExpiresAt, String refreshToken, UserView user) {
  public Session {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(user, "user");
  }

  @Override
  public String toString() {
    return "Session[user=" + user.id() + ", expires=" + accessExpiresAt + "]";
  }
}
