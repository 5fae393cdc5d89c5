package dev.duka.domain.port.out;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** Signs and checks access tokens, and makes the opaque random tokens (refresh, email links). */
public interface TokenIssuer {

  /** A signed access token for this user and role, valid from {@code now} for the set lifetime. */
  AccessToken issueAccess(UserId userId, Role role, Instant now);

  /**
   * Checks signature, algorithm, issuer, audience, token type and expiry.
   *
   * @throws InvalidTokenException for any token that fails a check
   */
  AccessClaims verifyAccess(String token, Instant now);

  /** A new unguessable token (at least 256 random bits) and the hash to store for it. */
  OpaqueToken newOpaqueToken();

  /** The hash under which an opaque token given by a client is stored. */
  String hashOpaque(String token);

  /** A signed access token and when it expires. */
  record AccessToken(String token, Instant expiresAt) {
    public AccessToken {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** What a valid access token says. */
  record AccessClaims(UserId userId, Role role, String tokenId, Instant issuedAt) {
    public AccessClaims {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(tokenId, "tokenId");
      Objects.requireNonNull(issuedAt, "issuedAt");
    }
  }

  /** An opaque token as given to the client, and its hash as stored. */
  record OpaqueToken(String token, String hash) {
    public OpaqueToken {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String toString() {
      return "OpaqueToken[hash=" + hash + "]";
    }
  }

  /** A token failed a check; the message names the check. */
  final class InvalidTokenException extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
      super(ErrorCode.UNAUTHENTICATED, reason);
    }
  }
}
