package dev.duka.domain.port.in;

/** Sets a new password with a reset token. */
public interface ResetPasswordUseCase {

  /**
   * Sets the password, verifies the email (the token proved it), and revokes every refresh token of
   * the account. A new password the policy refuses leaves the token usable.
   *
   * @throws dev.duka.domain.error.InvalidValueException for a bad token or password
   */
  void resetPassword(String token, String newPassword);
}
