package dev.duka.application.user;

import dev.duka.domain.port.in.LoginUseCase.LoginCommand;
import dev.duka.domain.port.in.RegisterUseCase.RegisterCommand;
import dev.duka.domain.port.in.Session;
import dev.duka.domain.port.in.UserView;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.testing.FakeTokenIssuer;
import dev.duka.domain.testing.FixedClock;
import dev.duka.domain.testing.InMemoryAuditLog;
import dev.duka.domain.testing.InMemoryOutbox;
import dev.duka.domain.testing.InMemoryTokenRepository;
import dev.duka.domain.testing.InMemoryTransactions;
import dev.duka.domain.testing.InMemoryUserRepository;
import dev.duka.domain.testing.PlainPasswordHasher;
import dev.duka.domain.testing.SequentialIdGenerator;
import dev.duka.domain.user.PasswordPolicy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The account services wired on in-memory fakes, as one small world per test. */
final class AccountsFixture {
  static final String ADMIN_SECRET = "the-admin-secret-of-this-test-shop-0123456789";
  static final String PASSWORD = "kanga ya pwani";

  final FixedClock clock = new FixedClock();
  final SequentialIdGenerator ids = new SequentialIdGenerator();
  final InMemoryUserRepository users = new InMemoryUserRepository();
  final InMemoryTokenRepository tokens = new InMemoryTokenRepository();
  final FakeTokenIssuer tokenIssuer = new FakeTokenIssuer();
  final PlainPasswordHasher hasher = new PlainPasswordHasher();
  final PasswordPolicy policy = new PasswordPolicy(Set.of("password123"));
  final InMemoryOutbox outbox = new InMemoryOutbox();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryTransactions transactions = new InMemoryTransactions();
  final AccountSettings settings =
      new AccountSettings(Duration.ofDays(30), "https://shop.example/", ADMIN_SECRET);

  final RegistrationService registration =
      new RegistrationService(
          users,
          tokens,
          tokenIssuer,
          hasher,
          policy,
          outbox,
          audit,
          transactions,
          clock,
          ids,
          settings);
  final SessionService sessions =
      new SessionService(
          users, tokens, tokenIssuer, hasher, audit, transactions, clock, ids, settings);
  final PasswordService passwords =
      new PasswordService(
          users,
          tokens,
          tokenIssuer,
          hasher,
          policy,
          outbox,
          audit,
          transactions,
          clock,
          ids,
          settings);
  final ProfileService profiles = new ProfileService(users, transactions);
  final UserAdministrationService administration =
      new UserAdministrationService(users, tokens, audit, transactions, clock);

  UserView registered(String email) {
    return registration.register(new RegisterCommand(email, PASSWORD, "Asha Mwinyi"));
  }

  UserView verified(String email) {
    registered(email);
    return registration.verifyEmail(lastToken(email, "/verify-email"));
  }

  Session signedIn(String email) {
    verified(email);
    return sessions.login(new LoginCommand(email, PASSWORD));
  }

  /** The messages queued for {@code email}, oldest first. */
  List<Outbox.Message> mailsTo(String email) {
    return outbox.entries().stream()
        .map(InMemoryOutbox.Entry::message)
        .filter(m -> m.payload().get("to").equals(email))
        .toList();
  }

  /** The token of the last link to {@code path} mailed to {@code email}. */
  String lastToken(String email, String path) {
    List<Outbox.Message> mails = mailsTo(email);
    Pattern link =
        Pattern.compile(Pattern.quote("https://shop.example" + path) + "\\?token=(\\S+)");
    for (int i = mails.size() - 1; i >= 0; i--) {
      Matcher found = link.matcher(mails.get(i).payload().get("text"));
      if (found.find()) {
        return URLDecoder.decode(found.group(1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no mail to " + email + " links to " + path);
  }
}
