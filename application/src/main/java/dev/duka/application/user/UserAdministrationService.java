package dev.duka.application.user;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.in.ManageUsersUseCase;
import dev.duka.domain.port.in.UserView;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Administrators list accounts, (de)activate them and change roles; all of it audited. */
public final class UserAdministrationService implements ManageUsersUseCase {
  private final UserRepository users;
  private final TokenRepository tokens;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public UserAdministrationService(
      UserRepository users,
      TokenRepository tokens,
      AuditLog audit,
      Transactions transactions,
      Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Page<UserView> listUsers(Caller caller, String emailPart, PageRequest page) {
    requireAdmin(caller);
    return users.search(emailPart == null ? "" : emailPart.strip(), page).map(UserView::of);
  }

  @Override
  public UserView updateUser(
      Caller caller, UserId id, Optional<Boolean> active, Optional<Role> role) {
    requireAdmin(caller);
    if (caller.id().equals(id)
        && (active.filter(a -> !a).isPresent() || role.filter(r -> r != Role.ADMIN).isPresent())) {
      throw new ConflictException("administrators cannot deactivate or demote themselves");
    }
    return transactions.inTransaction(
        () -> {
          Instant now = clock.now();
          User user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
          User changed = user;
          if (role.isPresent() && role.get() != user.role()) {
            changed = changed.withRole(role.get());
            audit.record(
                new AuditLog.Entry(
                    caller.asActor(),
                    "user.role_changed",
                    id.toString(),
                    Map.of("from", user.role().wireName(), "to", role.get().wireName()),
                    now));
          }
          if (active.isPresent() && active.get() != user.active()) {
            changed = changed.withActive(active.get());
            audit.record(
                new AuditLog.Entry(
                    caller.asActor(),
                    active.get() ? "user.activated" : "user.deactivated",
                    id.toString(),
                    Map.of(),
                    now));
            if (!active.get()) {
              tokens.revokeAllOf(id, now);
            }
          }
          if (changed != user) {
            users.update(changed);
          }
          return UserView.of(changed);
        });
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("only administrators may manage accounts");
    }
  }
}
