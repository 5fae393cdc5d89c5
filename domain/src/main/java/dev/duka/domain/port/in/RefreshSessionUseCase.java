package dev.duka.domain.port.in;

/** Trades a refresh token for a new pair. */
public interface RefreshSessionUseCase {

  /**
   * Spends {@code refreshToken} and returns a new access and refresh token of the same family. A
   * token spent before is a sign of theft: its whole family is revoked and the event audited.
   *
   * @throws dev.duka.domain.error.UnauthenticatedException for an unknown, expired, spent or
   *     revoked token, or a deactivated account
   */
  Session refresh(String refreshToken);
}
