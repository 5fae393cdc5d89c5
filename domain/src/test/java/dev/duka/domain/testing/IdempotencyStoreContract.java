package dev.duka.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.domain.port.out.IdempotencyStore;
import dev.duka.domain.port.out.IdempotencyStore.Claim;
import dev.duka.domain.port.out.IdempotencyStore.StoredResponse;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} promises to a single caller. */
public abstract class IdempotencyStoreContract {
  private static final Instant NOW = FixedClock.DEFAULT_START;

  protected abstract IdempotencyStore store();

  protected abstract Transactions transactions();

  /** A user the store may reference (real adapters need the row to exist). */
  protected abstract UserId aUser();

  private Claim claim(UserId user, String key, String fingerprint) {
    return transactions().inTransaction(() -> store().claim(user, key, fingerprint, NOW));
  }

  private void claimAndComplete(UserId user, String key, String fingerprint, String body) {
    transactions()
        .run(
            () -> {
              assertThat(store().claim(user, key, fingerprint, NOW))
                  .isInstanceOf(Claim.Acquired.class);
              store().complete(user, key, new StoredResponse(201, body), NOW);
            });
  }

  @Test
  void replaysACompletedRequest() {
    UserId user = aUser();
    String key = "key-" + UUID.randomUUID();
    claimAndComplete(user, key, "fingerprint-a", "order-1");

    assertThat(claim(user, key, "fingerprint-a"))
        .isEqualTo(new Claim.Replay(new StoredResponse(201, "order-1")));
  }

  @Test
  void refusesTheSameKeyForAnotherRequest() {
    UserId user = aUser();
    String key = "key-" + UUID.randomUUID();
    claimAndComplete(user, key, "fingerprint-a", "order-1");

    assertThat(claim(user, key, "fingerprint-b")).isInstanceOf(Claim.Mismatch.class);
  }

  @Test
  void keepsTheKeysOfEachUserApart() {
    String key = "key-" + UUID.randomUUID();
    claimAndComplete(aUser(), key, "fingerprint-a", "order-1");

    assertThat(claim(aUser(), key, "fingerprint-b")).isInstanceOf(Claim.Acquired.class);
  }

  @Test
  void freesTheKeyOfARequestThatFailed() {
    UserId user = aUser();
    String key = "key-" + UUID.randomUUID();
    try {
      transactions()
          .run(
              () -> {
                store().claim(user, key, "fingerprint-a", NOW);
                throw new IllegalStateException("the order failed");
              });
    } catch (IllegalStateException expected) {
      // the request failed after claiming
    }

    assertThat(claim(user, key, "fingerprint-a")).isInstanceOf(Claim.Acquired.class);
  }
}
