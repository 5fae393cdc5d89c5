package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.TokenRepository.EmailToken;
import dev.duka.domain.port.out.TokenRepository.EmailToken.Purpose;
import dev.duka.domain.port.out.TokenRepository.RefreshToken;
import dev.duka.domain.port.out.TokenRepository.Spend;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordHash;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TokenRepository} promises; tokens belong to a real user of the store. */
public abstract class TokenRepositoryContract {
  private static final Instant NOW = FixedClock.DEFAULT_START;

  protected abstract TokenRepository tokens();

  protected abstract UserRepository users();

  private UserId user;

  @BeforeEach
  void aUser() {
    user = new UserId(UUID.randomUUID());
    users()
        .insert(
            User.register(
                user,
                Email.of("tokens-" + user + "@example.com"),
                "Token Owner",
                Role.USER,
                new PasswordHash("$argon2id$x"),
                NOW));
  }

  private RefreshToken refresh(UUID family) {
    return new RefreshToken(
        "hash-" + UUID.randomUUID(), user, family, NOW, NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void spendsARefreshTokenOnce() {
    RefreshToken token = refresh(UUID.randomUUID());
    tokens().insertRefresh(token);

    Spend first = tokens().spendRefresh(token.tokenHash(), NOW);
    Spend second = tokens().spendRefresh(token.tokenHash(), NOW);

    assertThat(first)
        .isInstanceOfSatisfying(
            Spend.Fresh.class,
            fresh -> assertThat(fresh.token().familyId()).isEqualTo(token.familyId()));
    assertThat(second).isEqualTo(new Spend.Reused(token.familyId(), user));
  }

  @Test
  void knowsNeitherUnknownNorExpiredTokens() {
    RefreshToken token = refresh(UUID.randomUUID());
    tokens().insertRefresh(token);

    assertThat(tokens().spendRefresh("no-such-hash", NOW)).isInstanceOf(Spend.Unknown.class);
    assertThat(tokens().spendRefresh(token.tokenHash(), token.expiresAt()))
        .isInstanceOf(Spend.Unknown.class);
  }

  @Test
  void revokesAWholeFamily() {
    UUID family = UUID.randomUUID();
    RefreshToken a = refresh(family);
    RefreshToken b = refresh(family);
    RefreshToken other = refresh(UUID.randomUUID());
    tokens().insertRefresh(a);
    tokens().insertRefresh(b);
    tokens().insertRefresh(other);

    tokens().revokeFamily(family, NOW);

    assertThat(tokens().spendRefresh(a.tokenHash(), NOW)).isInstanceOf(Spend.Reused.class);
    assertThat(tokens().spendRefresh(b.tokenHash(), NOW)).isInstanceOf(Spend.Reused.class);
    assertThat(tokens().spendRefresh(other.tokenHash(), NOW)).isInstanceOf(Spend.Fresh.class);
  }

  @Test
  void revokesEveryTokenOfAUser() {
    RefreshToken a = refresh(UUID.randomUUID());
    RefreshToken b = refresh(UUID.randomUUID());
    tokens().insertRefresh(a);
    tokens().insertRefresh(b);

    tokens().revokeAllOf(user, NOW);

    assertThat(tokens().spendRefresh(a.tokenHash(), NOW)).isInstanceOf(Spend.Reused.class);
    assertThat(tokens().spendRefresh(b.tokenHash(), NOW)).isInstanceOf(Spend.Reused.class);
  }

  @Test
  void letsOnlyOneOfManyConcurrentSpendsSucceed() throws Exception {
    RefreshToken token = refresh(UUID.randomUUID());
    tokens().insertRefresh(token);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Spend>> spends = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        spends.add(pool.submit(() -> tokens().spendRefresh(token.tokenHash(), NOW)));
      }
      int fresh = 0;
      for (Future<Spend> spend : spends) {
        fresh += spend.get(30, TimeUnit.SECONDS) instanceof Spend.Fresh ? 1 : 0;
      }
      assertThat(fresh).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void consumesAnEmailTokenOnceForItsPurposeBeforeItExpires() {
    EmailToken verify =
        new EmailToken(
            "email-" + UUID.randomUUID(), user, Purpose.VERIFY_EMAIL, NOW, NOW.plusSeconds(3600));
    tokens().insertEmailToken(verify);

    assertThat(tokens().consumeEmailToken(verify.tokenHash(), Purpose.RESET_PASSWORD, NOW))
        .isEmpty();
    assertThat(tokens().consumeEmailToken(verify.tokenHash(), Purpose.VERIFY_EMAIL, NOW))
        .contains(user);
    assertThat(tokens().consumeEmailToken(verify.tokenHash(), Purpose.VERIFY_EMAIL, NOW)).isEmpty();
  }

  @Test
  void refusesAnExpiredEmailToken() {
    EmailToken reset =
        new EmailToken(
            "email-" + UUID.randomUUID(), user, Purpose.RESET_PASSWORD, NOW, NOW.plusSeconds(3600));
    tokens().insertEmailToken(reset);

    assertThat(
            tokens()
                .consumeEmailToken(
                    reset.tokenHash(), Purpose.RESET_PASSWORD, NOW.plusSeconds(3600)))
        .isEmpty();
  }
}
