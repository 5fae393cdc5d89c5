package dev.duka.application.user;

import dev.duka.domain.common.PhoneNumber;
import dev.duka.domain.common.Text;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import dev.duka.domain.port.in.ProfileUseCase;
import dev.duka.domain.port.in.UserView;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Caller;
import dev.duka.domain.user.User;
import java.util.ArrayList;
import java.util.List;

/** The caller's own profile. */
public final class ProfileService implements ProfileUseCase {
  private final UserRepository users;
  private final Transactions transactions;

  public ProfileService(UserRepository users, Transactions transactions) {
    this.users = users;
    this.transactions = transactions;
  }

  @Override
  public UserView profile(Caller caller) {
    return UserView.of(users.findById(caller.id()).orElseThrow());
  }

  @Override
  public UserView updateProfile(Caller caller, ProfileChanges changes) {
    return transactions.inTransaction(
        () -> {
          User user = users.findById(caller.id()).orElseThrow();
          List<Violation> violations = new ArrayList<>();
          String name = changes.fullName().map(Text::clean).orElse(user.fullName());
          Text.check("full_name", name, true, 200, violations);
          String phone = user.phone();
          if (changes.phoneGiven()) {
            String given = Text.clean(changes.phone().orElse(""));
            if (given.isEmpty()) {
              phone = "";
            } else if (PhoneNumber.isValid(given)) {
              phone = new PhoneNumber(given).value();
            } else {
              violations.add(
                  new Violation("phone", "must be 7–15 digits, optionally starting with +"));
            }
          }
          if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
          }
          User changed =
              user.withProfile(
                  name,
                  phone,
                  changes.addressGiven()
                      ? changes.defaultShippingAddress().orElse(null)
                      : user.defaultShippingAddress().orElse(null));
          users.update(changed);
          return UserView.of(changed);
        });
  }
}
