package dev.duka.application.user;

import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.UnauthenticatedException;
import dev.duka.domain.port.in.AuthenticateUseCase;
import dev.duka.domain.port.in.LoginUseCase;
import dev.duka.domain.port.in.LogoutUseCase;
import dev.duka.domain.port.in.RefreshSessionUseCase;
import dev.duka.domain.port.in.Session;
import dev.duka.domain.port.in.UserView;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.TokenRepository.RefreshToken;
import dev.duka.domain.port.out.TokenRepository.Spend;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.User;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in and staying signed in: passwords become sessions, refresh tokens rotate (a reused one
 * burns its family), and access tokens become callers.
 */
public final class SessionService
    implements LoginUseCase, RefreshSessionUseCase, LogoutUseCase, AuthenticateUseCase {
  private static final String WRONG_CREDENTIALS = "the email or the password is wrong";

  private final UserRepository users;
  private final TokenRepository tokens;
  private final TokenIssuer tokenIssuer;
  private final PasswordHasher hasher;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final AccountSettings settings;

  public SessionService(
      UserRepository users,
      TokenRepository tokens,
      TokenIssuer tokenIssuer,
      PasswordHasher hasher,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      AccountSettings settings) {
    this.users = users;
    this.tokens = tokens;
    this.tokenIssuer = tokenIssuer;
    this.hasher = hasher;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.settings = settings;
  }

  @Override
  public Session login(LoginCommand command) {
    String password = command.password() == null ? "" : command.password();
    Optional<User> found = findQuietly(command.email());
    if (found.isEmpty()) {
      hasher.verifyNothing(password);
      throw new UnauthenticatedException(WRONG_CREDENTIALS);
    }
    User user = found.get();
    PasswordHasher.Check check = hasher.verify(password, user.passwordHash());
    if (!check.matches()) {
      throw new UnauthenticatedException(WRONG_CREDENTIALS);
    }
    if (!user.active()) {
      throw new ForbiddenException("this account is deactivated; contact the shop");
    }
    if (!user.emailVerified()) {
      throw new ForbiddenException("confirm your email address first; we sent you a link");
    }
    User current =
        check == PasswordHasher.Check.MATCH_NEEDS_REHASH
            ? user.withPassword(hasher.hash(password))
            : user;
    return transactions.inTransaction(
        () -> {
          if (current != user) {
            users.update(current);
          }
          return open(current, ids.newId());
        });
  }

  @Override
  public Session refresh(String refreshToken) {
    Instant now = clock.now();
    Session session =
        transactions.inTransaction(
            () -> {
              Spend spend = tokens.spendRefresh(tokenIssuer.hashOpaque(nonNull(refreshToken)), now);
              if (spend instanceof Spend.Fresh fresh) {
                User user = users.findById(fresh.token().userId()).orElse(null);
                if (user == null || !user.active()) {
                  tokens.revokeFamily(fresh.token().familyId(), now);
                  return null;
                }
                return open(user, fresh.token().familyId());
              }
              if (spend instanceof Spend.Reused reused) {
                tokens.revokeFamily(reused.familyId(), now);
                audit.record(
                    new AuditLog.Entry(
                        Actor.user(reused.userId()),
                        "auth.refresh_token_reused",
                        reused.userId().toString(),
                        Map.of("family_id", reused.familyId().toString()),
                        now));
              }
              return null;
            });
    if (session == null) {
      throw new UnauthenticatedException("the refresh token is not valid; sign in again");
    }
    return session;
  }

  @Override
  public void logout(String refreshToken) {
    Instant now = clock.now();
    transactions.run(
        () -> {
          Spend spend = tokens.spendRefresh(tokenIssuer.hashOpaque(nonNull(refreshToken)), now);
          if (spend instanceof Spend.Fresh fresh) {
            tokens.revokeFamily(fresh.token().familyId(), now);
          } else if (spend instanceof Spend.Reused reused) {
            tokens.revokeFamily(reused.familyId(), now);
          }
        });
  }

  @Override
  public Caller authenticate(String accessToken) {
    TokenIssuer.AccessClaims claims = tokenIssuer.verifyAccess(nonNull(accessToken), clock.now());
    User user =
        users
            .findById(claims.userId())
            .filter(User::active)
            .orElseThrow(() -> new UnauthenticatedException("this account is no longer active"));
    return user.asCaller();
  }

  /** A new access token and a refresh token of {@code family}; joins the caller's transaction. */
  private Session open(User user, UUID family) {
    Instant now = clock.now();
    TokenIssuer.AccessToken access = tokenIssuer.issueAccess(user.id(), user.role(), now);
    TokenIssuer.OpaqueToken refresh = tokenIssuer.newOpaqueToken();
    tokens.insertRefresh(
        new RefreshToken(
            refresh.hash(), user.id(), family, now, now.plus(settings.refreshTokenTtl())));
    return new Session(access.token(), access.expiresAt(), refresh.token(), UserView.of(user));
  }

  private Optional<User> findQuietly(String email) {
    try {
      return users.findByEmail(Email.of(email));
    } catch (InvalidValueException notAnEmail) {
      return Optional.empty();
    }
  }

  private static String nonNull(String token) {
    return token == null ? "" : token;
  }
}
