package dev.duka.adapters.postgres.user;

import dev.duka.adapters.postgres.AddressJson;
import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.common.Page;
import dev.duka.domain.common.PageRequest;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Email;
import dev.duka.domain.user.PasswordHash;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.User;
import dev.duka.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Accounts in the {@code users} table; emails are unique through {@code lower(email)}. */
public final class JdbiUserRepository implements UserRepository {
  private static final String COLUMNS =
      "id, email, full_name, role, password_hash, active, email_verified_at, phone,"
          + " default_shipping_address::text AS address, created_at";

  private final Jdbi jdbi;

  public JdbiUserRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(User user) {
    try {
      call(
          h ->
              h.createUpdate(
                      "INSERT INTO users (id, email, full_name, role, password_hash, active,"
                          + " email_verified_at, phone, default_shipping_address, created_at,"
                          + " updated_at) VALUES (:id, :email, :name, :role, :hash, :active,"
                          + " :verified, :phone, CAST(:address AS jsonb), :created, :created)")
                  .bind("id", user.id().value())
                  .bind("email", user.email().value())
                  .bind("name", user.fullName())
                  .bind("role", user.role().wireName())
                  .bind("hash", user.passwordHash().value())
                  .bind("active", user.active())
                  .bind("verified", user.emailVerifiedAt().orElse(null))
                  .bind("phone", user.phone())
                  .bind("address", AddressJson.write(user.defaultShippingAddress().orElse(null)))
                  .bind("created", user.createdAt())
                  .execute());
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesUnique(failure, "users_email_key")) {
        throw new DuplicateException("email", "an account with this email exists");
      }
      throw failure;
    }
  }

  @Override
  public Optional<User> findById(UserId id) {
    return call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiUserRepository::user)
                .findOne());
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = :email")
                .bind("email", email.value())
                .map(JdbiUserRepository::user)
                .findOne());
  }

  @Override
  public Page<User> search(String emailPart, PageRequest page) {
    String pattern =
        "%"
            + emailPart
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return call(
        h -> {
          long total =
              h.createQuery("SELECT count(*) FROM users WHERE lower(email) LIKE :pattern")
                  .bind("pattern", pattern)
                  .mapTo(Long.class)
                  .one();
          List<User> items =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM users WHERE lower(email) LIKE :pattern"
                          + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                  .bind("pattern", pattern)
                  .bind("limit", page.size())
                  .bind("offset", page.offset())
                  .map(JdbiUserRepository::user)
                  .list();
          return Page.of(items, page, total);
        });
  }

  @Override
  public void update(User user) {
    int changed =
        call(
            h ->
                h.createUpdate(
                        "UPDATE users SET full_name = :name, role = :role, password_hash = :hash,"
                            + " active = :active, email_verified_at = :verified, phone = :phone,"
                            + " default_shipping_address = CAST(:address AS jsonb),"
                            + " updated_at = now(), version = version + 1 WHERE id = :id")
                    .bind("id", user.id().value())
                    .bind("name", user.fullName())
                    .bind("role", user.role().wireName())
                    .bind("hash", user.passwordHash().value())
                    .bind("active", user.active())
                    .bind("verified", user.emailVerifiedAt().orElse(null))
                    .bind("phone", user.phone())
                    .bind("address", AddressJson.write(user.defaultShippingAddress().orElse(null)))
                    .execute());
    if (changed == 0) {
      throw new NotFoundException("user", user.id());
    }
  }

  private <T> T call(Function<Handle, T> work) {
    return Sql.call(jdbi, work);
  }

  private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
    return new User(
        new UserId(rs.getObject("id", UUID.class)),
        Email.of(rs.getString("email")),
        rs.getString("full_name"),
        Role.fromWire(rs.getString("role")),
        new PasswordHash(rs.getString("password_hash")),
        rs.getBoolean("active"),
        Sql.instant(rs, "email_verified_at"),
        rs.getString("phone"),
        AddressJson.read(rs.getString("address")),
        Sql.instant(rs, "created_at"));
  }
}
