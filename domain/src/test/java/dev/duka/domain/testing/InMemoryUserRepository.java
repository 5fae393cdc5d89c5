package dev.duka.domain.testing;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts in a map. {@link User} is immutable, so storing it is storing a copy. */
public final class InMemoryUserRepository implements UserRepository {
  private final Map<UserId, User> users = new LinkedHashMap<>();

  @Override
  public synchronized void insert(User user) {
    if (users.containsKey(user.id())) {
      throw new IllegalStateException("user " + user.id() + " exists");
    }
    if (findByEmail(user.email()).isPresent()) {
      throw new DuplicateException("email", "an account with this email exists");
    }
    users.put(user.id(), user);
  }

  @Override
  public synchronized Optional<User> findById(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public synchronized Optional<User> findByEmail(Email email) {
    return users.values().stream().filter(u -> u.email().equals(email)).findFirst();
  }

  @Override
  public synchronized Page<User> search(String emailPart, PageRequest page) {
    String part = emailPart.toLowerCase(java.util.Locale.ROOT);
    List<User> matching =
        users.values().stream()
            .filter(u -> u.email().value().contains(part))
            .sorted(Comparator.comparing(User::createdAt).reversed())
            .toList();
    List<User> items = matching.stream().skip(page.offset()).limit(page.size()).toList();
    return Page.of(items, page, matching.size());
  }

  @Override
  public synchronized void update(User user) {
    if (!users.containsKey(user.id())) {
      throw new NotFoundException("user", user.id());
    }
    users.put(user.id(), user);
  }
}
