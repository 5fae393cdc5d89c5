package dev.duka.application.user;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.port.in.CreateAdminUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordPolicy;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    Email email = Email.of(command.email());
    String fullName = Text.clean(command.fullName());
    List<Violation> violations = new ArrayList<>();
    Text.check("full_name", fullName, true, 200, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    policy.check(command.password(), email, "password");
    var hash = hasher.hash(command.password());
    Instant now = clock.now();
    UserId id = new UserId(ids.newId());
    User admin = User.register(id, email, fullName, Role.ADMIN, hash, now).verified(now);
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
