package dev.duka.domain.port.in;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.util.Optional;

/** Administrators look after accounts. */
public interface ManageUsersUseCase {

  /**
   * Accounts whose email contains {@code emailPart}, newest first.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   */
  Page<UserView> listUsers(Caller caller, String emailPart, PageRequest page);

  /**
   * Activates, deactivates or changes the role of an account; every change is audited, and
   * deactivation revokes the account's sessions.
   *
   * @throws dev.duka.domain.error.ForbiddenException unless the caller is an administrator
   * @throws dev.duka.domain.error.NotFoundException for an unknown account
   * @throws dev.duka.domain.error.ConflictException when administrators would lock themselves out
   */
  UserView updateUser(Caller caller, UserId id, Optional<Boolean> active, Optional<Role> role);
}
