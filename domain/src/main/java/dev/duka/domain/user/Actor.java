package dev.duka.domain.user;

import java.util.Objects;
import java.util.Optional;

/** Who caused a change: a signed-in user, or the system itself (a webhook, a scheduled job). */
public sealed interface Actor permits Actor.SystemActor, Actor.UserActor {

  /** The user behind the change; empty when the system acted on its own. */
  Optional<UserId> userId();

  static Actor system() {
    return SystemActor.INSTANCE;
  }

  static Actor user(UserId id) {
    return new UserActor(id);
  }

  /** The system acting on its own. */
  enum SystemActor implements Actor {
    INSTANCE;

    @Override
    public Optional<UserId> userId() {
      return Optional.empty();
    }
  }

  /** A signed-in user. */
  record UserActor(UserId id) implements Actor {
    public UserActor {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Optional<UserId> userId() {
      return Optional.of(id);
    }
  }
}
