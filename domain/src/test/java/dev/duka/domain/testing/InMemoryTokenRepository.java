package dev.duka.domain.testing;

import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Refresh and email tokens in maps, spent and revoked exactly as the port says. */
public final class InMemoryTokenRepository implements TokenRepository {
  private record StoredRefresh(RefreshToken token, Instant spentAt, Instant revokedAt) {}

  private record StoredEmail(EmailToken token, Instant usedAt) {}

  private final Map<String, StoredRefresh> refresh = new LinkedHashMap<>();
  private final Map<String, StoredEmail> email = new LinkedHashMap<>();

  @Override
  public synchronized void insertRefresh(RefreshToken token) {
    refresh.put(token.tokenHash(), new StoredRefresh(token, null, null));
  }

  @Override
  public synchronized Spend spendRefresh(String tokenHash, Instant now) {
    StoredRefresh stored = refresh.get(tokenHash);
    if (stored == null || !stored.token().expiresAt().isAfter(now)) {
      return new Spend.Unknown();
    }
    if (stored.spentAt() != null || stored.revokedAt() != null) {
      return new Spend.Reused(stored.token().familyId(), stored.token().userId());
    }
    refresh.put(tokenHash, new StoredRefresh(stored.token(), now, null));
    return new Spend.Fresh(stored.token());
  }

  @Override
  public synchronized void revokeFamily(UUID familyId, Instant now) {
    refresh.replaceAll(
        (hash, s) ->
            s.token().familyId().equals(familyId) && s.revokedAt() == null
                ? new StoredRefresh(s.token(), s.spentAt(), now)
                : s);
  }

  @Override
  public synchronized void revokeAllOf(UserId userId, Instant now) {
    refresh.replaceAll(
        (hash, s) ->
            s.token().userId().equals(userId) && s.revokedAt() == null
                ? new StoredRefresh(s.token(), s.spentAt(), now)
                : s);
  }

  @Override
  public synchronized void insertEmailToken(EmailToken token) {
    email.put(token.tokenHash(), new StoredEmail(token, null));
  }

  @Override
  public synchronized Optional<UserId> consumeEmailToken(
      String tokenHash, EmailToken.Purpose purpose, Instant now) {
    StoredEmail stored = email.get(tokenHash);
    if (stored == null
        || stored.usedAt() != null
        || stored.token().purpose() != purpose
        || !stored.token().expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    email.put(tokenHash, new StoredEmail(stored.token(), now));
    return Optional.of(stored.token().userId());
  }
}
