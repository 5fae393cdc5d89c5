package dev.duka.domain.port.in;

import dev.duka.domain.user.UserId;

/** Makes an administrator account from the command line, verified and active at once. */
public interface CreateAdminUseCase {

  /**
   * Creates the account.
   *
   * @throws dev.duka.domain.error.InvalidValueException for a bad email, name or password
   * @throws dev.duka.domain.error.DuplicateException when the email is taken
   */
  UserId createAdmin(CreateAdminCommand command);

  /** The new administrator's credentials and name. */
  record CreateAdminCommand(String email, String password, String fullName) {}
}
