package dev.duka.adapters.rest.auth;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.common.AddressBody;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.user.UserResponse;
import dev.duka.domain.port.in.AuthenticateUseCase;
import dev.duka.domain.port.in.ChangePasswordUseCase;
import dev.duka.domain.port.in.ForgotPasswordUseCase;
import dev.duka.domain.port.in.LoginUseCase;
import dev.duka.domain.port.in.LogoutUseCase;
import dev.duka.domain.port.in.ProfileUseCase;
import dev.duka.domain.port.in.ProfileUseCase.ProfileChanges;
import dev.duka.domain.port.in.RefreshSessionUseCase;
import dev.duka.domain.port.in.RegisterAdminUseCase;
import dev.duka.domain.port.in.RegisterUseCase;
import dev.duka.domain.port.in.ResendVerificationUseCase;
import dev.duka.domain.port.in.ResetPasswordUseCase;
import dev.duka.domain.port.in.Session;
import dev.duka.domain.port.in.VerifyEmailUseCase;
import dev.duka.domain.port.out.Clock;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** {@code /api/v1/auth/…}: accounts, sessions and the caller's own profile. */
public final class AuthRoutes implements Routes {
  private static final Set<String> PROFILE_FIELDS =
      Set.of("full_name", "phone", "default_shipping_address");

  /** Every account use case the routes drive. */
  public record UseCases(
      RegisterUseCase register,
      RegisterAdminUseCase registerAdmin,
      VerifyEmailUseCase verifyEmail,
      ResendVerificationUseCase resendVerification,
      LoginUseCase login,
      RefreshSessionUseCase refresh,
      LogoutUseCase logout,
      ForgotPasswordUseCase forgotPassword,
      ResetPasswordUseCase resetPassword,
      ChangePasswordUseCase changePassword,
      ProfileUseCase profile,
      AuthenticateUseCase authenticate) {}

  private final UseCases useCases;
  private final Authentication authentication;
  private final JsonBodies bodies;
  private final Throttle throttle;
  private final Clock clock;

  public AuthRoutes(
      UseCases useCases,
      Authentication authentication,
      JsonBodies bodies,
      Throttle throttle,
      Clock clock) {
    this.useCases = useCases;
    this.authentication = authentication;
    this.bodies = bodies;
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public void declare() {
    path(
        "/auth",
        () -> {
          post("/register", this::register);
          post("/register-admin", this::registerAdmin);
          post("/verify-email", this::verifyEmail);
          post("/resend-verification", this::resendVerification);
          post("/login", this::login);
          post("/refresh", this::refresh);
          post("/logout", this::logout);
          post("/forgot-password", this::forgotPassword);
          post("/reset-password", this::resetPassword);
          get("/me", this::me);
          patch("/me", this::updateMe);
          post("/change-password", this::changePassword);
        });
  }

  private void register(Context ctx) {
    AuthBodies.Register body = bodies.read(ctx, AuthBodies.Register.class);
    throttle.acquire(Throttle.REGISTER_PER_ADDRESS, throttle.clientAddress(ctx));
    var user =
        useCases
            .register()
            .register(
                new RegisterUseCase.RegisterCommand(
                    body.email(), body.password(), body.fullName()));
    ctx.status(201).json(UserResponse.of(user));
  }

  private void registerAdmin(Context ctx) {
    AuthBodies.RegisterAdmin body = bodies.read(ctx, AuthBodies.RegisterAdmin.class);
    throttle.acquire(Throttle.REGISTER_PER_ADDRESS, throttle.clientAddress(ctx));
    var admin =
        useCases
            .registerAdmin()
            .registerAdmin(
                new RegisterAdminUseCase.RegisterAdminCommand(
                    body.email(), body.password(), body.fullName(), body.adminSecret()));
    ctx.status(201).json(UserResponse.of(admin));
  }

  private void verifyEmail(Context ctx) {
    AuthBodies.Token body = bodies.read(ctx, AuthBodies.Token.class);
    ctx.json(UserResponse.of(useCases.verifyEmail().verifyEmail(body.token())));
  }

  private void resendVerification(Context ctx) {
    AuthBodies.EmailOnly body = bodies.read(ctx, AuthBodies.EmailOnly.class);
    throttle.acquire(Throttle.RESEND_PER_ADDRESS, throttle.clientAddress(ctx));
    useCases.resendVerification().resendVerification(body.email());
    ctx.status(202).json(AuthBodies.Accepted.ACCEPTED);
  }

  private void login(Context ctx) {
    AuthBodies.Login body = bodies.read(ctx, AuthBodies.Login.class);
    String address = throttle.clientAddress(ctx);
    throttle.acquire(Throttle.LOGIN_PER_ADDRESS, address);
    throttle.acquire(
        Throttle.LOGIN_PER_ADDRESS_AND_EMAIL,
        address + "|" + body.email().strip().toLowerCase(Locale.ROOT));
    Session session =
        useCases.login().login(new LoginUseCase.LoginCommand(body.email(), body.password()));
    ctx.json(tokens(session));
  }

  private void refresh(Context ctx) {
    AuthBodies.RefreshToken body = bodies.read(ctx, AuthBodies.RefreshToken.class);
    ctx.json(tokens(useCases.refresh().refresh(body.refreshToken())));
  }

  private void logout(Context ctx) {
    AuthBodies.RefreshToken body = bodies.read(ctx, AuthBodies.RefreshToken.class);
    useCases.logout().logout(body.refreshToken());
    ctx.status(204);
  }

  private void forgotPassword(Context ctx) {
    AuthBodies.EmailOnly body = bodies.read(ctx, AuthBodies.EmailOnly.class);
    throttle.acquire(Throttle.FORGOT_PASSWORD_PER_ADDRESS, throttle.clientAddress(ctx));
    useCases.forgotPassword().forgotPassword(body.email());
    ctx.status(202).json(AuthBodies.Accepted.ACCEPTED);
  }

  private void resetPassword(Context ctx) {
    AuthBodies.ResetPassword body = bodies.read(ctx, AuthBodies.ResetPassword.class);
    useCases.resetPassword().resetPassword(body.token(), body.newPassword());
    ctx.json(new AuthBodies.Accepted("password_reset"));
  }

  private void me(Context ctx) {
    ctx.json(UserResponse.of(useCases.profile().profile(authentication.require(ctx))));
  }

  private void updateMe(Context ctx) {
    var caller = authentication.require(ctx);
    ObjectNode patch = bodies.readPatch(ctx, PROFILE_FIELDS);
    ProfileChanges changes = new ProfileChanges();
    if (patch.has("full_name")) {
      changes.fullName(JsonBodies.string(patch, "full_name", false));
    }
    if (patch.has("phone")) {
      changes.phone(JsonBodies.string(patch, "phone", true));
    }
    if (patch.has("default_shipping_address")) {
      JsonNode address = patch.get("default_shipping_address");
      changes.defaultShippingAddress(
          address.isNull()
              ? null
              : bodies
                  .convert(address, AddressBody.class, "default_shipping_address")
                  .toDomain("default_shipping_address"));
    }
    ctx.json(UserResponse.of(useCases.profile().updateProfile(caller, changes)));
  }

  private void changePassword(Context ctx) {
    var caller = authentication.require(ctx);
    AuthBodies.ChangePassword body = bodies.read(ctx, AuthBodies.ChangePassword.class);
    useCases.changePassword().changePassword(caller, body.currentPassword(), body.newPassword());
    ctx.status(204);
  }

  private AuthBodies.Tokens tokens(Session session) {
    long expiresIn =
        Math.max(0, Duration.between(clock.now(), session.accessExpiresAt()).toSeconds());
    return new AuthBodies.Tokens(
        session.accessToken(),
        session.refreshToken(),
        "bearer",
        expiresIn,
        UserResponse.of(session.user()));
  }
}
