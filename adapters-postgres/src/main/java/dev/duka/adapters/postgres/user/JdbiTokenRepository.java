package dev.duka.adapters.postgres.user;

import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Refresh tokens and email tokens, stored by hash only. Spending and consuming are single
 * conditional updates, so of concurrent attempts exactly one wins.
 */
public final class JdbiTokenRepository implements TokenRepository {
  private final Jdbi jdbi;

  public JdbiTokenRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insertRefresh(RefreshToken token) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "INSERT INTO refresh_tokens (token_hash, user_id, family_id, created_at, expires_at)"
                        + " VALUES (:hash, :user, :family, :created, :expires)")
                .bind("hash", token.tokenHash())
                .bind("user", token.userId().value())
                .bind("family", token.familyId())
                .bind("created", token.createdAt())
                .bind("expires", token.expiresAt())
                .execute());
  }

  @Override
  public Spend spendRefresh(String tokenHash, Instant now) {
    return Sql.call(
        jdbi,
        h -> {
          Optional<RefreshToken> spent =
              h.createQuery(
                      "UPDATE refresh_tokens SET spent_at = :now WHERE token_hash = :hash"
                          + " AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > :now"
                          + " RETURNING token_hash, user_id, family_id, created_at, expires_at")
                  .bind("hash", tokenHash)
                  .bind("now", now)
                  .map(
                      (rs, ctx) ->
                          new RefreshToken(
                              rs.getString("token_hash"),
                              new UserId(rs.getObject("user_id", UUID.class)),
                              rs.getObject("family_id", UUID.class),
                              Sql.instant(rs, "created_at"),
                              Sql.instant(rs, "expires_at")))
                  .findOne();
          if (spent.isPresent()) {
            return new Spend.Fresh(spent.get());
          }
          Optional<Spend> reused =
              h.createQuery(
                      "SELECT family_id, user_id FROM refresh_tokens WHERE token_hash = :hash"
                          + " AND expires_at > :now")
                  .bind("hash", tokenHash)
                  .bind("now", now)
                  .map(
                      (rs, ctx) ->
                          (Spend)
                              new Spend.Reused(
                                  rs.getObject("family_id", UUID.class),
                                  new UserId(rs.getObject("user_id", UUID.class))))
                  .findOne();
          return reused.orElseGet(Spend.Unknown::new);
        });
  }

  @Override
  public void revokeFamily(UUID familyId, Instant now) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "UPDATE refresh_tokens SET revoked_at = :now"
                        + " WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId)
                .bind("now", now)
                .execute());
  }

  @Override
  public void revokeAllOf(UserId userId, Instant now) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "UPDATE refresh_tokens SET revoked_at = :now"
                        + " WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", userId.value())
                .bind("now", now)
                .execute());
  }

  @Override
  public void insertEmailToken(EmailToken token) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at)"
                        + " VALUES (:hash, :user, :purpose, :created, :expires)")
                .bind("hash", token.tokenHash())
                .bind("user", token.userId().value())
                .bind("purpose", token.purpose().name().toLowerCase(Locale.ROOT))
                .bind("created", token.createdAt())
                .bind("expires", token.expiresAt())
                .execute());
  }

  @Override
  public Optional<UserId> consumeEmailToken(
      String tokenHash, EmailToken.Purpose purpose, Instant now) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(
                    "UPDATE email_tokens SET used_at = :now WHERE token_hash = :hash"
                        + " AND purpose = :purpose AND used_at IS NULL AND expires_at > :now"
                        + " RETURNING user_id")
                .bind("hash", tokenHash)
                .bind("purpose", purpose.name().toLowerCase(Locale.ROOT))
                .bind("now", now)
                .map((rs, ctx) -> new UserId(rs.getObject("user_id", UUID.class)))
                .findOne());
  }
}
