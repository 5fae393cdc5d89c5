package dev.duka.domain.port.in;

/** Signs in with email and password. */
public interface LoginUseCase {

  /**
   * Opens a session. A wrong password and an unknown email fail alike, in about the same time. A
   * password hashed with older parameters is rehashed.
   *
   * @throws dev.duka.domain.error.UnauthenticatedException for wrong credentials
   * @throws dev.duka.domain.error.ForbiddenException for an unverified or deactivated account
   */
  Session login(LoginCommand command);

  record LoginCommand(String email, String password) {}
}
