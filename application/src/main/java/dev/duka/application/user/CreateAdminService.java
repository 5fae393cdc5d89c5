package dev.duka.application.user;

import dev.duka.domain.port.in.CreateAdminUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.PasswordPolicy;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Map;

/** Creates administrators for operators (the {@code create-admin} command). */
public final class CreateAdminService implements CreateAdminUseCase {
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;

  public CreateAdminService(
      UserRepository users,
      PasswordHasher hasher,
      PasswordPolicy policy,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids) {
    this.users = users;
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public UserId createAdmin(CreateAdminCommand command) {
    Instant now = clock.now();
    User admin =
        new NewAccount(hasher, policy, clock, ids)
            .open(command.email(), command.password(), command.fullName(), Role.ADMIN)
            .verified(now);
    UserId id = admin.id();
    transactions.run(
        () -> {
          users.insert(admin);
          audit.record(
              new AuditLog.Entry(
                  Actor.system(), "user.admin_created", id.toString(), Map.of("via", "cli"), now));
        });
    return id;
  }
}
