package dev.duka.application.user;

import dev.duka.application.mail.OutboundMail;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.Mailer;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.TokenRepository.EmailToken;
import dev.duka.domain.user.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The mails of an account's life (verify the email, reset the password): a single-use token stored
 * by hash, and the mail with its link queued in the outbox, both in the caller's transaction.
 */
final class AccountMail {
  private final TokenIssuer tokenIssuer;
  private final TokenRepository tokens;
  private final OutboundMail mails;
  private final Clock clock;
  private final AccountSettings settings;

  AccountMail(
      TokenIssuer tokenIssuer,
      TokenRepository tokens,
      Outbox outbox,
      Clock clock,
      IdGenerator ids,
      AccountSettings settings) {
    this.tokenIssuer = tokenIssuer;
    this.tokens = tokens;
    this.mails = new OutboundMail(outbox, ids, clock);
    this.clock = clock;
    this.settings = settings;
  }

  void sendVerification(User user) {
    String token = issue(user, EmailToken.Purpose.VERIFY_EMAIL, AccountSettings.VERIFY_EMAIL_TTL);
    queue(
        user,
        "Confirm your email for Duka",
        "Hello "
            + user.fullName()
            + ",\n\nPlease confirm your email address by opening this link within 24 hours:\n\n"
            + link("/verify-email", token)
            + "\n\nIf you did not create an account, ignore this mail.\n");
  }

  void sendPasswordReset(User user) {
    String token =
        issue(user, EmailToken.Purpose.RESET_PASSWORD, AccountSettings.RESET_PASSWORD_TTL);
    queue(
        user,
        "Reset your Duka password",
        "Hello "
            + user.fullName()
            + ",\n\nSomeone asked to reset the password of this account. If it was you, open this"
            + " link within one hour:\n\n"
            + link("/reset-password", token)
            + "\n\nIf it was not you, ignore this mail: your password stays as it is.\n");
  }

  private String issue(User user, EmailToken.Purpose purpose, Duration ttl) {
    TokenIssuer.OpaqueToken token = tokenIssuer.newOpaqueToken();
    Instant now = clock.now();
    tokens.insertEmailToken(new EmailToken(token.hash(), user.id(), purpose, now, now.plus(ttl)));
    return token.token();
  }

  private String link(String path, String token) {
    return settings.frontendUrl()
        + path
        + "?token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private void queue(User user, String subject, String text) {
    mails.enqueue(new Mailer.Mail(user.email(), subject, text));
  }
}
