package dev.duka.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.UnauthenticatedException;
import dev.duka.domain.port.in.ProfileUseCase.ProfileChanges;
import dev.duka.domain.port.in.Session;
import dev.duka.domain.testing.Fixtures;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAdministrationServiceTest {
  private final AccountsFixture world = new AccountsFixture();

  private Caller admin() {
    Session session = world.signedIn("boss@example.com");
    world.users.update(
        world.users.findById(session.user().id()).orElseThrow().withRole(Role.ADMIN));
    return world.sessions.authenticate(session.accessToken());
  }

  @Test
  void onlyAdministratorsListAccounts() {
    Session user = world.signedIn("asha@example.com");
    Caller caller = world.sessions.authenticate(user.accessToken());

    assertThatThrownBy(() -> world.administration.listUsers(caller, "", PageRequest.first()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(world.administration.listUsers(admin(), "asha", PageRequest.first()).total())
        .isEqualTo(1);
  }

  @Test
  void deactivationEndsTheSessionsAndIsAudited() {
    Session session = world.signedIn("asha@example.com");
    Caller admin = admin();

    var changed =
        world.administration.updateUser(
            admin, session.user().id(), Optional.of(false), Optional.empty());

    assertThat(changed.active()).isFalse();
    assertThatThrownBy(() -> world.sessions.refresh(session.refreshToken()))
        .isInstanceOf(UnauthenticatedException.class);
    assertThat(world.audit.withAction("user.deactivated")).hasSize(1);
  }

  @Test
  void roleChangesAreAudited() {
    Session session = world.signedIn("asha@example.com");

    world.administration.updateUser(
        admin(), session.user().id(), Optional.empty(), Optional.of(Role.ADMIN));

    assertThat(world.audit.withAction("user.role_changed"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.data()).containsEntry("from", "user").containsEntry("to", "admin"));
  }

  @Test
  void administratorsCannotLockThemselvesOut() {
    Caller admin = admin();

    assertThatThrownBy(
            () ->
                world.administration.updateUser(
                    admin, admin.id(), Optional.of(false), Optional.empty()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                world.administration.updateUser(
                    admin, admin.id(), Optional.empty(), Optional.of(Role.USER)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertThatThrownBy(
            () ->
                world.administration.updateUser(
                    admin(), new UserId(UUID.randomUUID()), Optional.of(true), Optional.empty()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void usersChangeTheirOwnProfile() {
    Session session = world.signedIn("asha@example.com");
    Caller caller = world.sessions.authenticate(session.accessToken());

    var changed =
        world.profiles.updateProfile(
            caller,
            new ProfileChanges()
                .fullName("Asha M.")
                .phone("+255 712 345 678")
                .defaultShippingAddress(Fixtures.anAddress()));
    assertThat(changed.fullName()).isEqualTo("Asha M.");
    assertThat(changed.phone()).isEqualTo("+255712345678");
    assertThat(changed.defaultShippingAddress()).isEqualTo(Fixtures.anAddress());

    var cleared =
        world.profiles.updateProfile(
            caller, new ProfileChanges().phone(null).defaultShippingAddress(null));
    assertThat(cleared.phone()).isEmpty();
    assertThat(cleared.defaultShippingAddress()).isNull();
    assertThat(cleared.fullName()).isEqualTo("Asha M.");
  }

  @Test
  void aBadPhoneChangesNothing() {
    Session session = world.signedIn("asha@example.com");
    Caller caller = world.sessions.authenticate(session.accessToken());

    assertThatThrownBy(
            () ->
                world.profiles.updateProfile(
                    caller, new ProfileChanges().fullName("X").phone("12")))
        .hasMessageContaining("phone");
    assertThat(world.profiles.profile(caller).fullName()).isEqualTo("Asha Mwinyi");
  }
}
