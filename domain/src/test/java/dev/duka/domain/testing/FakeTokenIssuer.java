package dev.duka.domain.testing;

import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readable stand-in tokens for use-case tests: {@code access|<user>|<role>|<expiry>|<n>} and {@code
 * opaque-<n>} hashed as {@code hash(opaque-<n>)}. Not signed: only for tests of the code around
 * tokens, never of token security (the JWT adapter has its own tests).
 */
public final class FakeTokenIssuer implements TokenIssuer {
  private final Duration accessTtl;
  private final AtomicLong counter = new AtomicLong();

  public FakeTokenIssuer() {
    this(Duration.ofMinutes(15));
  }

  public FakeTokenIssuer(Duration accessTtl) {
    this.accessTtl = accessTtl;
  }

  @Override
  public AccessToken issueAccess(UserId userId, Role role, Instant now) {
    Instant expires = now.plus(accessTtl);
    return new AccessToken(
        "access|"
            + userId
            + "|"
            + role.wireName()
            + "|"
            + expires.getEpochSecond()
            + "|"
            + counter.incrementAndGet(),
        expires);
  }

  @Override
  public AccessClaims verifyAccess(String token, Instant now) {
    String[] parts = token.split("\\|");
    if (parts.length != 5 || !parts[0].equals("access")) {
      throw new InvalidTokenException("not an access token");
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
    if (!now.isBefore(expires)) {
      throw new InvalidTokenException("expired");
    }
    return new AccessClaims(
        UserId.parse(parts[1]),
        Role.valueOf(parts[2].toUpperCase(Locale.ROOT)),
        parts[4],
        expires.minus(accessTtl));
  }

  @Override
  public OpaqueToken newOpaqueToken() {
    String token = "opaque-" + counter.incrementAndGet();
    return new OpaqueToken(token, hashOpaque(token));
  }

  @Override
  public String hashOpaque(String token) {
    return "hash(" + token + ")";
  }
}
