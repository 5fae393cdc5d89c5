package dev.duka.domain.port.in;

import dev.duka.domain.user.Caller;

/** Tells who is calling from an access token. */
public interface AuthenticateUseCase {

  /**
   * The caller behind a valid access token, with the role the account has now. A deactivated
   * account's tokens stop working at once.
   *
   * @throws dev.duka.domain.error.UnauthenticatedException for a bad, expired or revoked token
   */
  Caller authenticate(String accessToken);
}
