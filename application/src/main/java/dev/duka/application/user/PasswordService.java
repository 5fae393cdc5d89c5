package dev.duka.application.user;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.port.in.ChangePasswordUseCase;
import dev.duka.domain.port.in.ForgotPasswordUseCase;
import dev.duka.domain.port.in.ResetPasswordUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.TokenRepository.EmailToken;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordPolicy;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Forgetting, resetting and changing passwords. Each new password ends every other session of the
 * account.
 */
public final class PasswordService
    implements ForgotPasswordUseCase, ResetPasswordUseCase, ChangePasswordUseCase {
  private final UserRepository users;
  private final TokenRepository tokens;
  private final TokenIssuer tokenIssuer;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final AccountMail mail;

  public PasswordService(
      UserRepository users,
      TokenRepository tokens,
      TokenIssuer tokenIssuer,
      PasswordHasher hasher,
      PasswordPolicy policy,
      Outbox outbox,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      AccountSettings settings) {
    this.users = users;
    this.tokens = tokens;
    this.tokenIssuer = tokenIssuer;
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.mail = new AccountMail(tokenIssuer, tokens, outbox, clock, ids, settings);
  }

  @Override
  public void forgotPassword(String email) {
    Optional<User> user;
    try {
      user = users.findByEmail(Email.of(email));
    } catch (InvalidValueException notAnEmail) {
      return;
    }
    if (user.isPresent() && user.get().active()) {
      transactions.run(() -> mail.sendPasswordReset(user.get()));
    }
  }

  @Override
  public void resetPassword(String token, String newPassword) {
    transactions.run(
        () -> {
          Instant now = clock.now();
          UserId id =
              tokens
                  .consumeEmailToken(
                      tokenIssuer.hashOpaque(token == null ? "" : token),
                      EmailToken.Purpose.RESET_PASSWORD,
                      now)
                  .orElseThrow(
                      () ->
                          new InvalidValueException(
                              "token", "this link is invalid, was used already or has expired"));
          User user = users.findById(id).orElseThrow();
          // a refused password rolls the transaction back, so the token stays usable
          policy.check(newPassword, user.email(), "new_password");
          users.update(user.withPassword(hasher.hash(newPassword)).verified(now));
          tokens.revokeAllOf(user.id(), now);
          audit.record(
              new AuditLog.Entry(
                  Actor.user(user.id()),
                  "user.password_reset",
                  user.id().toString(),
                  Map.of(),
                  now));
        });
  }

  @Override
  public void changePassword(Caller caller, String currentPassword, String newPassword) {
    User user = users.findById(caller.id()).orElseThrow();
    if (!hasher
        .verify(currentPassword == null ? "" : currentPassword, user.passwordHash())
        .matches()) {
      throw new InvalidValueException("current_password", "is wrong");
    }
    policy.check(newPassword, user.email(), "new_password");
    User changed = user.withPassword(hasher.hash(newPassword));
    transactions.run(
        () -> {
          Instant now = clock.now();
          users.update(changed);
          tokens.revokeAllOf(user.id(), now);
          audit.record(
              new AuditLog.Entry(
                  caller.asActor(), "user.password_changed", user.id().toString(), Map.of(), now));
        });
  }
}
