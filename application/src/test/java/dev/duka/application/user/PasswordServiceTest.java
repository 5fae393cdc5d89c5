package dev.duka.application.user;

import static dev.duka.application.user.AccountsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.UnauthenticatedException;
import dev.duka.domain.port.in.LoginUseCase.LoginCommand;
import dev.duka.domain.port.in.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordServiceTest {
  private final AccountsFixture world = new AccountsFixture();

  @Test
  void mailsAResetLinkOnlyToAnExistingAccount() {
    world.verified("asha@example.com");

    world.passwords.forgotPassword("asha@example.com");
    world.passwords.forgotPassword("nobody@example.com");

    assertThat(world.lastToken("asha@example.com", "/reset-password")).isNotBlank();
    assertThat(world.mailsTo("nobody@example.com")).isEmpty();
  }

  @Test
  void resetsThePasswordAndEndsEverySession() {
    Session session = world.signedIn("asha@example.com");
    world.passwords.forgotPassword("asha@example.com");

    world.passwords.resetPassword(
        world.lastToken("asha@example.com", "/reset-password"), "a brand new secret");

    assertThatThrownBy(() -> world.sessions.refresh(session.refreshToken()))
        .isInstanceOf(UnauthenticatedException.class);
    assertThatThrownBy(() -> world.sessions.login(new LoginCommand("asha@example.com", PASSWORD)))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(world.sessions.login(new LoginCommand("asha@example.com", "a brand new secret")))
        .isNotNull();
  }

  @Test
  void aResetTokenWorksOnceAndForOneHour() {
    world.verified("asha@example.com");
    world.passwords.forgotPassword("asha@example.com");
    String token = world.lastToken("asha@example.com", "/reset-password");
    world.passwords.forgotPassword("asha@example.com");
    String late = world.lastToken("asha@example.com", "/reset-password");

    world.passwords.resetPassword(token, "a brand new secret");
    assertThatThrownBy(() -> world.passwords.resetPassword(token, "another new secret"))
        .isInstanceOf(InvalidValueException.class);
    world.clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> world.passwords.resetPassword(late, "another new secret"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aResetAlsoVerifiesTheEmail() {
    world.registered("asha@example.com");
    world.passwords.forgotPassword("asha@example.com");

    world.passwords.resetPassword(
        world.lastToken("asha@example.com", "/reset-password"), "a brand new secret");

    assertThat(
            world
                .sessions
                .login(new LoginCommand("asha@example.com", "a brand new secret"))
                .user()
                .emailVerified())
        .isTrue();
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() {
    Session session = world.signedIn("asha@example.com");
    var caller = world.sessions.authenticate(session.accessToken());

    assertThatThrownBy(() -> world.passwords.changePassword(caller, "wrong", "a brand new secret"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("current_password");
    assertThatThrownBy(() -> world.passwords.changePassword(caller, PASSWORD, "password123"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("new_password");

    world.passwords.changePassword(caller, PASSWORD, "a brand new secret");
    assertThatThrownBy(() -> world.sessions.refresh(session.refreshToken()))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(world.audit.withAction("user.password_changed")).hasSize(1);
  }
}
