package dev.duka.domain.port.in;

/** Opens an administrator account for whoever knows the shop's admin secret. */
public interface RegisterAdminUseCase {

  /**
   * Like {@link RegisterUseCase#register}, with the admin role, if {@code adminSecret} matches
   * (compared in constant time). A wrong secret is audited.
   *
   * @throws dev.duka.domain.error.ForbiddenException for a wrong secret
   */
  UserView registerAdmin(RegisterAdminCommand command);

  record RegisterAdminCommand(String email, String password, String fullName, String adminSecret) {}
}
