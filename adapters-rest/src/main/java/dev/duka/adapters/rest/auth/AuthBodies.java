package dev.duka.adapters.rest.auth;

import dev.duka.adapters.rest.user.UserResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the account routes. */
final class AuthBodies {
  private AuthBodies() {}

  record Register(
      @NotNull @Size(max = 254) String email,
      @NotNull @Size(max = 1024) String password,
      @NotNull @Size(max = 200) String fullName) {}

  record RegisterAdmin(
      @NotNull @Size(max = 254) String email,
      @NotNull @Size(max = 1024) String password,
      @NotNull @Size(max = 200) String fullName,
      @NotNull @Size(max = 1024) String adminSecret) {}

  record Login(
      @NotNull @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {}

  record EmailOnly(@NotNull @Size(max = 254) String email) {}

  record Token(@NotBlank @Size(max = 512) String token) {}

  record RefreshToken(@NotBlank @Size(max = 512) String refreshToken) {}

  record ResetPassword(
      @NotBlank @Size(max = 512) String token, @NotNull @Size(max = 1024) String newPassword) {}

  record ChangePassword(
      @NotNull @Size(max = 1024) String currentPassword,
      @NotNull @Size(max = 1024) String newPassword) {}

  record Tokens(
      String accessToken,
      String refreshToken,
      String tokenType,
      long expiresIn,
      UserResponse user) {}

  record Accepted(String status) {
    static final Accepted ACCEPTED = new Accepted("accepted");
  }
}
