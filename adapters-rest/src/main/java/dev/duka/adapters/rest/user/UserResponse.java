package dev.duka.adapters.rest.user;

import dev.duka.adapters.rest.common.AddressBody;
import dev.duka.domain.port.in.UserView;
import java.time.Instant;
import java.util.UUID;

/** An account on the wire. Never carries the password hash. */
public record UserResponse(
    UUID id,
    String email,
    String fullName,
    String role,
    String phone,
    AddressBody defaultShippingAddress,
    boolean emailVerified,
    boolean active,
    Instant createdAt) {

  public static UserResponse of(UserView user) {
    return new UserResponse(
        user.id().value(),
        user.email().value(),
        user.fullName(),
        user.role().wireName(),
        user.phone().isEmpty() ? null : user.phone(),
        AddressBody.of(user.defaultShippingAddress()),
        user.emailVerified(),
        user.active(),
        user.createdAt());
  }
}
