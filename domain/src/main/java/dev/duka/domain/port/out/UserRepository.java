package dev.duka.domain.port.out;

import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.util.Optional;

/** Accounts. Emails are unique without regard to case. */
public interface UserRepository {

  /**
   * Stores a new account.
   *
   * @throws dev.duka.domain.error.DuplicateException when the email is taken
   */
  void insert(User user);

  Optional<User> findById(UserId id);

  Optional<User> findByEmail(Email email);

  /**
   * Accounts whose email contains {@code emailPart} (any case; empty matches all), newest first.
   * Wildcard characters in {@code emailPart} are plain text.
   */
  Page<User> search(String emailPart, PageRequest page);

  /**
   * Replaces a stored account.
   *
   * @throws dev.duka.domain.error.NotFoundException when it does not exist
   */
  void update(User user);
}
