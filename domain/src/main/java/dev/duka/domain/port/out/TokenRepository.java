package dev.duka.domain.port.out;

import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens and single-use email tokens, stored only as hashes so a leaked table opens no
 * account.
 */
public interface TokenRepository {

  /** Stores a new refresh token. */
  void insertRefresh(RefreshToken token);

  /**
   * Spends the refresh token with this hash: atomically marks it used, so of two concurrent calls
   * with the same hash at most one gets {@link Spend.Fresh}.
   *
   * @return {@link Spend.Fresh} the first time, {@link Spend.Reused} for a token already spent or
   *     revoked, {@link Spend.Unknown} when no token has this hash or it has expired
   */
  Spend spendRefresh(String tokenHash, Instant now);

  /** Revokes every token of a family (after reuse of a spent token). */
  void revokeFamily(UUID familyId, Instant now);

  /** Revokes every refresh token of a user (password change or reset, deactivation). */
  void revokeAllOf(UserId userId, Instant now);

  /** Stores a new email token. */
  void insertEmailToken(EmailToken token);

  /**
   * Consumes the email token with this hash and purpose: atomically marks it used.
   *
   * @return its user the first time while it has not expired; empty when unknown, spent or expired
   */
  Optional<UserId> consumeEmailToken(String tokenHash, EmailToken.Purpose purpose, Instant now);

  /** A stored refresh token. Tokens of one login share a family, passed on at each rotation. */
  record RefreshToken(
      String tokenHash, UserId userId, UUID familyId, Instant createdAt, Instant expiresAt) {
    public RefreshToken {
      Objects.requireNonNull(tokenHash, "tokenHash");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(familyId, "familyId");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** The result of spending a refresh token. */
  sealed interface Spend permits Spend.Fresh, Spend.Reused, Spend.Unknown {
    /** The token was valid and is now spent. */
    record Fresh(RefreshToken token) implements Spend {}

    /** The token had been spent or revoked before: a sign it was stolen. */
    record Reused(UUID familyId, UserId userId) implements Spend {}

    /** No such token, or it expired. */
    record Unknown() implements Spend {}
  }

  /** A single-use token sent by email. */
  record EmailToken(
      String tokenHash, UserId userId, Purpose purpose, Instant createdAt, Instant expiresAt) {
    public EmailToken {
      Objects.requireNonNull(tokenHash, "tokenHash");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** What an email token proves. */
    public enum Purpose {
      VERIFY_EMAIL,
      RESET_PASSWORD
    }
  }
}
