package dev.duka.application.user;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordPolicy;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/** The one way an account comes to be: checked email, name and password, hashed password. */
final class NewAccount {
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Clock clock;
  private final IdGenerator ids;

  NewAccount(PasswordHasher hasher, PasswordPolicy policy, Clock clock, IdGenerator ids) {
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * An unverified, active account, not stored yet.
   *
   * @throws InvalidValueException for a bad email, name or password
   */
  User open(String rawEmail, String password, String rawName, Role role) {
    Email email = Email.of(rawEmail);
    String fullName = Text.clean(rawName);
    List<Violation> violations = new ArrayList<>();
    Text.check("full_name", fullName, true, 200, violations);
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
    policy.check(password, email, "password");
    return User.register(
        new UserId(ids.newId()), email, fullName, role, hasher.hash(password), clock.now());
  }
}
