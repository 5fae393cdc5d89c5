package dev.duka.application.catalog;

import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** Who may change the catalog, or see what the public does not. */
final class Admins {
  private Admins() {}

  static boolean isAdmin(Optional<Caller> caller) {
    return caller.filter(Caller::isAdmin).isPresent();
  }

  /**
   * @throws ForbiddenException unless the caller is an administrator
   */
  static void require(Caller caller, String doing) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("only administrators may " + doing);
    }
  }

  /**
   * @throws ForbiddenException unless the caller is an administrator
   */
  static void require(Optional<Caller> caller, String doing) {
    if (!isAdmin(caller)) {
      throw new ForbiddenException("only administrators may " + doing);
    }
  }
}
