package dev.duka.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.postgres.EmbeddedPostgresServer.Durability;
import dev.duka.adapters.postgres.PostgresDatabase.PoolSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server operators run: durable, and its data survive a restart. Starts its own server
 * (not the shared test one) because it must stop and start it.
 */
class EmbeddedPostgresServerIT {

  @TempDir Path dataDir;

  @Test
  void keepsCommittedDataAcrossARestartAndRunsDurable() {
    try (EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(dataDir, 0, Durability.DURABLE)) {
      assertThat(server.setting("fsync")).isEqualTo("on");
      assertThat(server.setting("synchronous_commit")).isEqualTo("on");
      assertThat(server.setting("listen_addresses")).isEqualTo("localhost");
      try (PostgresDatabase db =
          PostgresDatabase.open(server.target(), PoolSettings.defaults(), c -> {})) {
        db.migrate();
        db.jdbi()
            .useHandle(
                h ->
                    h.execute(
                        "INSERT INTO categories (id, name, slug, created_at, updated_at)"
                            + " VALUES ('00000000-0000-0000-0000-000000000001', 'Kept', 'kept', now(), now())"));
      }
    }

    try (EmbeddedPostgresServer again =
            EmbeddedPostgresServer.start(dataDir, 0, Durability.DURABLE);
        PostgresDatabase db =
            PostgresDatabase.open(again.target(), PoolSettings.defaults(), c -> {})) {
      assertThat(db.migrate()).as("nothing left to migrate").isZero();
      String name =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT name FROM categories WHERE slug = 'kept'")
                          .mapTo(String.class)
                          .one());
      assertThat(name).isEqualTo("Kept");
    }
  }
}
