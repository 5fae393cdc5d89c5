package dev.duka.adapters.rest.auth;

import dev.duka.domain.error.RateLimitedException;
import io.javalin.http.Context;

/** Rate limits for the routes attackers hammer: sign-in, sign-up, password reset. */
public interface Throttle {
  /** Login attempts per client address and email. */
  String LOGIN_PER_ADDRESS_AND_EMAIL = "login-address-email";

  /** Login attempts per client address, whatever the email. */
  String LOGIN_PER_ADDRESS = "login-address";

  /** Registrations (user and admin) per client address. */
  String REGISTER_PER_ADDRESS = "register-address";

  /** Forgot-password requests per client address. */
  String FORGOT_PASSWORD_PER_ADDRESS = "forgot-password-address";

  /** Resent verification mails per client address. */
  String RESEND_PER_ADDRESS = "resend-verification-address";

  /**
   * Takes one permit of limit {@code name} for {@code key}.
   *
   * @throws RateLimitedException when none is left
   */
  void acquire(String name, String key);

  /** The address the request came from, proxies trusted only when configured. */
  String clientAddress(Context ctx);

  /** No limits at all, for tests that are not about them. */
  static Throttle none() {
    return new Throttle() {
      @Override
      public void acquire(String name, String key) {}

      @Override
      public String clientAddress(Context ctx) {
        return ctx.req().getRemoteAddr();
      }
    };
  }
}
