package dev.duka.domain.port.in;

/** Confirms an email address with the token sent to it. */
public interface VerifyEmailUseCase {

  /**
   * Marks the account verified; each token works once, for 24 hours.
   *
   * @throws dev.duka.domain.error.InvalidValueException for an unknown, spent or expired token
   */
  UserView verifyEmail(String token);
}
