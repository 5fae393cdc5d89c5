package dev.duka.domain.port.in;

/** Sends a new verification email. */
public interface ResendVerificationUseCase {

  /**
   * Queues a new verification mail when an unverified, active account has this email; does nothing
   * otherwise, and the caller cannot tell which happened.
   */
  void resendVerification(String email);
}
