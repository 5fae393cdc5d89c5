package dev.duka.domain.port.in;

import dev.duka.domain.user.Caller;

/** Changes the caller's password. */
public interface ChangePasswordUseCase {

  /**
   * Sets a new password when the current one is given right, and revokes every refresh token.
   *
   * @throws dev.duka.domain.error.InvalidValueException for a wrong current or a refused new
   *     password
   */
  void changePassword(Caller caller, String currentPassword, String newPassword);
}
