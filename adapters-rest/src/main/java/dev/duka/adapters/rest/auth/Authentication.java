package dev.duka.adapters.rest.auth;

import dev.duka.adapters.rest.web.AccessLog;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.UnauthenticatedException;
import dev.duka.domain.port.in.AuthenticateUseCase;
import dev.duka.domain.user.Caller;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is calling, from the {@code Authorization: Bearer} header, checked once per request and only
 * by the routes that need it. A bad token is a 401 even where a token is optional.
 */
public final class Authentication {
  private static final String ATTRIBUTE = "duka.caller";
  private static final String BEARER = "bearer ";

  private final AuthenticateUseCase authenticate;

  public Authentication(AuthenticateUseCase authenticate) {
    this.authenticate = authenticate;
  }

  /**
   * The caller.
   *
   * @throws UnauthenticatedException without a token or with a bad one
   */
  public Caller require(Context ctx) {
    return optional(ctx)
        .orElseThrow(
            () -> new UnauthenticatedException("sign in: send Authorization: Bearer <token>"));
  }

  /**
   * The caller, who must be an administrator.
   *
   * @throws UnauthenticatedException without a token or with a bad one
   * @throws ForbiddenException for anyone but an administrator
   */
  public Caller requireAdmin(Context ctx) {
    Caller caller = require(ctx);
    if (!caller.isAdmin()) {
      throw new ForbiddenException("this needs an administrator");
    }
    return caller;
  }

  /**
   * The caller when a token is sent; empty without one.
   *
   * @throws UnauthenticatedException for a bad token
   */
  public Optional<Caller> optional(Context ctx) {
    Caller known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return Optional.of(known);
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    if (header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new UnauthenticatedException("the Authorization header must be: Bearer <token>");
    }
    Caller caller = authenticate.authenticate(header.substring(BEARER.length()).strip());
    ctx.attribute(ATTRIBUTE, caller);
    ctx.attribute(AccessLog.USER_ID_ATTRIBUTE, caller.id().toString());
    return Optional.of(caller);
  }
}
