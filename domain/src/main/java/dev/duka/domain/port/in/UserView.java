package dev.duka.domain.port.in;

import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.time.Instant;

/**
 * An account as its owner and administrators see it: never the password hash.
 *
 * @param defaultShippingAddress null when the user has none
 */
public record UserView(
    UserId id,
    Email email,
    String fullName,
    Role role,
    String phone,
    ShippingAddress defaultShippingAddress,
    boolean emailVerified,
    boolean active,
    Instant createdAt) {

  public static UserView of(User user) {
    return new UserView(
        user.id(),
        user.email(),
        user.fullName(),
        user.role(),
        user.phone(),
        user.defaultShippingAddress().orElse(null),
        user.emailVerified(),
        user.active(),
        user.createdAt());
  }
}
