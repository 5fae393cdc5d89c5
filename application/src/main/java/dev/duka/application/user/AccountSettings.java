package dev.duka.application.user;

import java.time.Duration;
import java.util.Objects;

/**
 * The account rules a shop configures: token lifetimes, where links in mails point, and the secret
 * that makes administrators.
 */
public record AccountSettings(Duration refreshTokenTtl, String frontendUrl, String adminSecret) {
  /** How long an email verification link works. */
  public static final Duration VERIFY_EMAIL_TTL = Duration.ofHours(24);

  /** How long a password reset link works. */
  public static final Duration RESET_PASSWORD_TTL = Duration.ofHours(1);

  public AccountSettings {
    Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
    Objects.requireNonNull(adminSecret, "adminSecret");
    frontendUrl =
        frontendUrl.endsWith("/")
            ? frontendUrl.substring(0, frontendUrl.length() - 1)
            : frontendUrl;
  }

  @Override
  public String toString() {
    return "AccountSettings[refreshTokenTtl="
        + refreshTokenTtl
        + ", frontendUrl="
        + frontendUrl
        + "]";
  }
}
