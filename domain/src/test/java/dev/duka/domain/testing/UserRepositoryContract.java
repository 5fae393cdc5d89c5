package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordHash;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} promises. Each test uses emails of its own. */
public abstract class UserRepositoryContract {

  protected abstract UserRepository repository();

  private static final Instant NOW = Instant.parse("2026-01-15T09:30:00Z");

  protected static User aUser(String email) {
    return User.register(
        new UserId(UUID.randomUUID()),
        Email.of(email),
        "Asha Mwinyi",
        Role.USER,
        new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
        NOW);
  }

  @Test
  void findsAStoredUserByIdAndByEmail() {
    User user = aUser("find-" + UUID.randomUUID() + "@example.com");
    repository().insert(user);

    User byId = repository().findById(user.id()).orElseThrow();
    assertThat(byId.email()).isEqualTo(user.email());
    assertThat(byId.fullName()).isEqualTo("Asha Mwinyi");
    assertThat(byId.role()).isEqualTo(Role.USER);
    assertThat(byId.passwordHash()).isEqualTo(user.passwordHash());
    assertThat(byId.active()).isTrue();
    assertThat(byId.emailVerified()).isFalse();
    assertThat(byId.createdAt()).isEqualTo(NOW);
    assertThat(byId.phone()).isEmpty();
    assertThat(byId.defaultShippingAddress()).isEmpty();
    assertThat(byId.phone()).isEmpty();
    assertThat(byId.defaultShippingAddress()).isEmpty();
    assertThat(repository().findByEmail(user.email()).map(User::id)).contains(user.id());
  }

  @Test
  void findsNothingForUnknownIdsAndEmails() {
    assertThat(repository().findById(new UserId(UUID.randomUUID()))).isEmpty();
    assertThat(repository().findByEmail(Email.of("nobody-" + UUID.randomUUID() + "@example.com")))
        .isEmpty();
  }

  @Test
  void refusesASecondAccountForOneEmail() {
    String email = "twice-" + UUID.randomUUID() + "@example.com";
    repository().insert(aUser(email));

    assertThatThrownBy(() -> repository().insert(aUser(email.toUpperCase())))
        .isInstanceOf(DuplicateException.class);
  }

  @Test
  void replacesAStoredUser() {
    User user = aUser("update-" + UUID.randomUUID() + "@example.com");
    repository().insert(user);
    Instant verifiedAt = NOW.plus(1, ChronoUnit.HOURS);
    User changed =
        user.withProfile("Asha M.", "+255712345678", Fixtures.anAddress())
            .withRole(Role.ADMIN)
            .withActive(false)
            .verified(verifiedAt);

    repository().update(changed);

    User stored = repository().findById(user.id()).orElseThrow();
    assertThat(stored.fullName()).isEqualTo("Asha M.");
    assertThat(stored.role()).isEqualTo(Role.ADMIN);
    assertThat(stored.active()).isFalse();
    assertThat(stored.emailVerifiedAt()).contains(verifiedAt);
    assertThat(stored.phone()).isEqualTo("+255712345678");
    assertThat(stored.defaultShippingAddress()).contains(Fixtures.anAddress());
    assertThat(stored.phone()).isEqualTo("+255712345678");
    assertThat(stored.defaultShippingAddress()).contains(Fixtures.anAddress());
  }

  @Test
  void searchesByPartOfTheEmailNewestFirst() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    User first = aUser("a-" + tag + "@example.com");
    User second =
        User.register(
            new UserId(UUID.randomUUID()),
            Email.of("b-" + tag + "@example.com"),
            "B",
            Role.USER,
            first.passwordHash(),
            NOW.plusSeconds(60));
    repository().insert(first);
    repository().insert(second);
    repository().insert(aUser("other-" + UUID.randomUUID() + "@example.com"));

    Page<User> page = repository().search(tag.toUpperCase(), new PageRequest(1, 1));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).extracting(User::id).containsExactly(second.id());
    assertThat(repository().search(tag, new PageRequest(2, 1)).items())
        .extracting(User::id)
        .containsExactly(first.id());
  }

  @Test
  void searchTreatsWildcardsAsText() {
    assertThat(repository().search("%", PageRequest.first()).total()).isZero();
    assertThat(repository().search("_", PageRequest.first()).total()).isZero();
  }

  @Test
  void refusesToUpdateAMissingUser() {
    assertThatThrownBy(
            () -> repository().update(aUser("ghost-" + UUID.randomUUID() + "@example.com")))
        .isInstanceOf(NotFoundException.class);
  }
}
