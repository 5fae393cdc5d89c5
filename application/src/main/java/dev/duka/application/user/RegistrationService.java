package dev.duka.application.user;

import dev.duka.domain.common.Text;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.port.in.RegisterAdminUseCase;
import dev.duka.domain.port.in.RegisterUseCase;
import dev.duka.domain.port.in.ResendVerificationUseCase;
import dev.duka.domain.port.in.UserView;
import dev.duka.domain.port.in.VerifyEmailUseCase;
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
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordPolicy;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Opening accounts and confirming their emails. */
public final class RegistrationService
    implements RegisterUseCase,
        RegisterAdminUseCase,
        VerifyEmailUseCase,
        ResendVerificationUseCase {
  private final UserRepository users;
  private final TokenRepository tokens;
  private final TokenIssuer tokenIssuer;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final AccountSettings settings;
  private final AccountMail mail;
  private final NewAccount newAccount;

  public RegistrationService(
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
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
    this.mail = new AccountMail(tokenIssuer, tokens, outbox, clock, ids, settings);
    this.newAccount = new NewAccount(hasher, policy, clock, ids);
  }

  @Override
  public UserView register(RegisterCommand command) {
    return open(command.email(), command.password(), command.fullName(), Role.USER);
  }

  @Override
  public UserView registerAdmin(RegisterAdminCommand command) {
    if (!secretMatches(command.adminSecret())) {
      Instant now = clock.now();
      transactions.run(
          () ->
              audit.record(
                  new AuditLog.Entry(
                      Actor.system(),
                      "auth.admin_secret_wrong",
                      Text.clean(command.email()),
                      Map.of(),
                      now)));
      throw new ForbiddenException("the admin secret is wrong");
    }
    UserView admin = open(command.email(), command.password(), command.fullName(), Role.ADMIN);
    transactions.run(
        () ->
            audit.record(
                new AuditLog.Entry(
                    Actor.system(),
                    "user.admin_registered",
                    admin.id().toString(),
                    Map.of(),
                    clock.now())));
    return admin;
  }

  @Override
  public UserView verifyEmail(String token) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.now();
          UserId id =
              tokens
                  .consumeEmailToken(
                      tokenIssuer.hashOpaque(token == null ? "" : token),
                      EmailToken.Purpose.VERIFY_EMAIL,
                      now)
                  .orElseThrow(
                      () ->
                          new InvalidValueException(
                              "token", "this link is invalid, was used already or has expired"));
          User user = users.findById(id).orElseThrow().verified(now);
          users.update(user);
          return UserView.of(user);
        });
  }

  @Override
  public void resendVerification(String email) {
    Optional<User> user = findQuietly(email);
    if (user.isEmpty() || user.get().emailVerified() || !user.get().active()) {
      return;
    }
    transactions.run(() -> mail.sendVerification(user.get()));
  }

  private UserView open(String rawEmail, String password, String rawName, Role role) {
    User user = newAccount.open(rawEmail, password, rawName, role);
    transactions.run(
        () -> {
          users.insert(user);
          mail.sendVerification(user);
        });
    return UserView.of(user);
  }

  private Optional<User> findQuietly(String email) {
    try {
      return users.findByEmail(Email.of(email));
    } catch (InvalidValueException notAnEmail) {
      return Optional.empty();
    }
  }

  /** Compares digests, so neither the content nor the length of the secret leaks in time. */
  private boolean secretMatches(String given) {
    return MessageDigest.isEqual(
        sha256(settings.adminSecret()), sha256(given == null ? "" : given));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
