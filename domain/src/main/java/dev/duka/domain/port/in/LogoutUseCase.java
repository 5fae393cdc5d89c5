package dev.duka.domain.port.in;

/** Ends a session. */
public interface LogoutUseCase {

  /** Revokes the refresh token's family; an unknown token is ignored. */
  void logout(String refreshToken);
}
