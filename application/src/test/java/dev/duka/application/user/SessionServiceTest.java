package dev.duka.application.user;

import static dev.duka.application.user.AccountsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.UnauthenticatedException;
import dev.duka.domain.port.in.LoginUseCase.LoginCommand;
import dev.duka.domain.port.in.Session;
import dev.duka.domain.testing.PlainPasswordHasher;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
  private final AccountsFixture world = new AccountsFixture();

  @Test
  void signsInAVerifiedUser() {
    Session session = world.signedIn("asha@example.com");

    assertThat(session.accessExpiresAt()).isEqualTo(world.clock.now().plus(Duration.ofMinutes(15)));
    assertThat(world.sessions.authenticate(session.accessToken()).id())
        .isEqualTo(session.user().id());
  }

  @Test
  void failsAWrongPasswordAndAnUnknownEmailAlike() {
    world.verified("asha@example.com");

    Throwable wrongPassword =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> world.sessions.login(new LoginCommand("asha@example.com", "not the password")));
    Throwable unknown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> world.sessions.login(new LoginCommand("nobody@example.com", PASSWORD)));

    assertThat(wrongPassword).isInstanceOf(UnauthenticatedException.class);
    assertThat(unknown)
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage(wrongPassword.getMessage());
    assertThat(world.hasher.decoys()).as("the unknown email paid for a hash too").isEqualTo(1);
  }

  @Test
  void refusesAnUnverifiedAccount() {
    world.registered("asha@example.com");

    assertThatThrownBy(() -> world.sessions.login(new LoginCommand("asha@example.com", PASSWORD)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("confirm your email");
  }

  @Test
  void refusesADeactivatedAccount() {
    var user = world.verified("asha@example.com");
    world.users.update(world.users.findById(user.id()).orElseThrow().withActive(false));

    assertThatThrownBy(() -> world.sessions.login(new LoginCommand("asha@example.com", PASSWORD)))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("deactivated");
  }

  @Test
  void rehashesAPasswordHashedWithOlderParameters() {
    var user = world.verified("asha@example.com");
    User stored = world.users.findById(user.id()).orElseThrow();
    world.users.update(stored.withPassword(new PlainPasswordHasher(1).hash(PASSWORD)));

    world.sessions.login(new LoginCommand("asha@example.com", PASSWORD));

    assertThat(
            world
                .users
                .findByEmail(Email.of("asha@example.com"))
                .orElseThrow()
                .passwordHash()
                .value())
        .isEqualTo("v2:" + PASSWORD);
  }

  @Test
  void rotatesTheRefreshToken() {
    Session first = world.signedIn("asha@example.com");

    Session second = world.sessions.refresh(first.refreshToken());

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(world.sessions.refresh(second.refreshToken()).user().id())
        .isEqualTo(first.user().id());
  }

  @Test
  void reuseOfASpentRefreshTokenRevokesItsFamilyAndIsAudited() {
    Session first = world.signedIn("asha@example.com");
    Session second = world.sessions.refresh(first.refreshToken());

    assertThatThrownBy(() -> world.sessions.refresh(first.refreshToken()))
        .isInstanceOf(UnauthenticatedException.class);
    assertThatThrownBy(() -> world.sessions.refresh(second.refreshToken()))
        .as("the thief's copy and the owner's newer token both die")
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(world.audit.withAction("auth.refresh_token_reused")).isNotEmpty();
  }

  @Test
  void logoutEndsTheSession() {
    Session session = world.signedIn("asha@example.com");

    world.sessions.logout(session.refreshToken());

    assertThatThrownBy(() -> world.sessions.refresh(session.refreshToken()))
        .isInstanceOf(UnauthenticatedException.class);
    world.sessions.logout("never issued");
  }

  @Test
  void refusesAnExpiredRefreshToken() {
    Session session = world.signedIn("asha@example.com");
    world.clock.advance(Duration.ofDays(30));

    assertThatThrownBy(() -> world.sessions.refresh(session.refreshToken()))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void deactivationCutsALiveAccessTokenAtOnce() {
    Session session = world.signedIn("asha@example.com");
    User user = world.users.findById(session.user().id()).orElseThrow();
    world.users.update(user.withActive(false));

    assertThatThrownBy(() -> world.sessions.authenticate(session.accessToken()))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void authenticatesWithTheRoleTheAccountHasNow() {
    Session session = world.signedIn("asha@example.com");
    User user = world.users.findById(session.user().id()).orElseThrow();
    world.users.update(user.withRole(Role.ADMIN));

    assertThat(world.sessions.authenticate(session.accessToken()).role()).isEqualTo(Role.ADMIN);
    assertThat(Optional.of(session.user().role())).contains(Role.USER);
  }
}
