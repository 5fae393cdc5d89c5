package dev.duka.application.user;

import static dev.duka.application.user.AccountsFixture.ADMIN_SECRET;
import static dev.duka.application.user.AccountsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.port.in.RegisterAdminUseCase.RegisterAdminCommand;
import dev.duka.domain.port.in.RegisterUseCase.RegisterCommand;
import dev.duka.domain.port.in.UserView;
import dev.duka.domain.user.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {
  private final AccountsFixture world = new AccountsFixture();

  @Test
  void registersAnUnverifiedUserAndQueuesAVerificationMail() {
    UserView user = world.registered("asha@example.com");

    assertThat(user.emailVerified()).isFalse();
    assertThat(user.role()).isEqualTo(Role.USER);
    assertThat(world.mailsTo("asha@example.com"))
        .singleElement()
        .satisfies(m -> assertThat(m.payload().get("subject")).contains("Confirm your email"));
    assertThat(world.lastToken("asha@example.com", "/verify-email")).startsWith("opaque-");
  }

  @Test
  void storesOnlyTheHashOfThePassword() {
    world.registered("asha@example.com");

    assertThat(
            world
                .users
                .findByEmail(dev.duka.domain.user.Email.of("asha@example.com"))
                .orElseThrow()
                .passwordHash()
                .value())
        .isEqualTo("v2:" + PASSWORD);
  }

  @Test
  void verifiesTheEmailWithTheMailedTokenOnce() {
    world.registered("asha@example.com");
    String token = world.lastToken("asha@example.com", "/verify-email");

    assertThat(world.registration.verifyEmail(token).emailVerified()).isTrue();
    assertThatThrownBy(() -> world.registration.verifyEmail(token))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("used already");
  }

  @Test
  void refusesAVerificationTokenAfter24Hours() {
    world.registered("asha@example.com");
    String token = world.lastToken("asha@example.com", "/verify-email");
    world.clock.advance(Duration.ofHours(24));

    assertThatThrownBy(() -> world.registration.verifyEmail(token))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesASecondAccountForOneEmail() {
    world.registered("asha@example.com");

    assertThatThrownBy(() -> world.registered("ASHA@example.com"))
        .isInstanceOf(DuplicateException.class);
  }

  @Test
  void refusesWeakPasswordsAndBadNamesBeforeWritingAnything() {
    assertThatThrownBy(
            () ->
                world.registration.register(
                    new RegisterCommand("asha@example.com", "password123", "Asha")))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () ->
                world.registration.register(new RegisterCommand("asha@example.com", PASSWORD, " ")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("full_name");
    assertThat(world.outbox.entries()).isEmpty();
  }

  @Test
  void makesAnAdministratorOnlyWithTheSecret() {
    UserView admin =
        world.registration.registerAdmin(
            new RegisterAdminCommand("boss@example.com", PASSWORD, "Boss", ADMIN_SECRET));

    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(world.audit.withAction("user.admin_registered")).hasSize(1);
  }

  @Test
  void refusesAWrongAdminSecretAndAuditsIt() {
    assertThatThrownBy(
            () ->
                world.registration.registerAdmin(
                    new RegisterAdminCommand(
                        "mallory@example.com", PASSWORD, "M", ADMIN_SECRET + "x")))
        .isInstanceOf(ForbiddenException.class);

    assertThat(world.audit.withAction("auth.admin_secret_wrong"))
        .singleElement()
        .satisfies(e -> assertThat(e.subject()).isEqualTo("mallory@example.com"));
    assertThat(world.users.findByEmail(dev.duka.domain.user.Email.of("mallory@example.com")))
        .isEmpty();
  }

  @Test
  void resendsVerificationOnlyToUnverifiedAccounts() {
    world.registered("new@example.com");
    world.verified("done@example.com");

    world.registration.resendVerification("new@example.com");
    world.registration.resendVerification("done@example.com");
    world.registration.resendVerification("nobody@example.com");
    world.registration.resendVerification("not an email");

    assertThat(world.mailsTo("new@example.com")).hasSize(2);
    assertThat(world.mailsTo("done@example.com")).hasSize(1);
    assertThat(world.mailsTo("nobody@example.com")).isEmpty();
  }
}
