package dev.duka.domain.port.in;

/** Starts a password reset by email. */
public interface ForgotPasswordUseCase {

  /**
   * Queues a reset mail (token valid 1 h) when an active account has this email; does nothing
   * otherwise, and the caller cannot tell which happened.
   */
  void forgotPassword(String email);
}
