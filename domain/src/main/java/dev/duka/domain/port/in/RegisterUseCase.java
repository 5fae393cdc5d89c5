package dev.duka.domain.port.in;

/** Opens an account and sends the email that verifies it. */
public interface RegisterUseCase {

  /**
   * Creates an unverified account and queues a verification email (valid 24 h) in the same
   * transaction, so the account never exists without its mail.
   *
   * @throws dev.duka.domain.error.InvalidValueException for a bad email, name or password
   * @throws dev.duka.domain.error.DuplicateException when the email has an account
   */
  UserView register(RegisterCommand command);

  record RegisterCommand(String email, String password, String fullName) {}
}
