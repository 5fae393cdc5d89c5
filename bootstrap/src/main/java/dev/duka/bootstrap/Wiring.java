package dev.duka.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.audit.JdbiAuditLog;
import dev.duka.adapters.postgres.catalog.JdbiCategoryRepository;
import dev.duka.adapters.postgres.catalog.JdbiProductRepository;
import dev.duka.adapters.postgres.user.JdbiUserRepository;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.json.JsonMapping;
import dev.duka.adapters.rest.security.Argon2PasswordHasher;
import dev.duka.application.user.CreateAdminService;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.system.SecureIdGenerator;
import dev.duka.bootstrap.system.SystemClock;
import dev.duka.domain.port.in.CreateAdminUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.PasswordPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Builds every adapter and service once and hands them to whoever runs: server or command. */
final class Wiring {
  final Config config;
  final Clock clock = new SystemClock();
  final IdGenerator ids = new SecureIdGenerator();
  final ObjectMapper json = JsonMapping.create();
  final Transactions transactions;
  final UserRepository users;
  final CategoryRepository categories;
  final ProductRepository products;
  final AuditLog audit;
  final PasswordHasher passwordHasher = new Argon2PasswordHasher();
  final PasswordPolicy passwordPolicy = new PasswordPolicy(commonPasswords());
  final CreateAdminUseCase createAdmin;

  Wiring(Config config, DatabaseRuntime database) {
    this.config = config;
    Jdbi jdbi = database.database().jdbi();
    this.transactions = new JdbiTransactions(jdbi);
    this.users = new JdbiUserRepository(jdbi);
    this.categories = new JdbiCategoryRepository(jdbi);
    this.products = new JdbiProductRepository(jdbi);
    this.audit = new JdbiAuditLog(jdbi);
    this.createAdmin =
        new CreateAdminService(
            users, passwordHasher, passwordPolicy, audit, transactions, clock, ids);
  }

  /** Every feature's routes, declared under {@code /api/v1}. */
  List<Routes> routes() {
    return List.of();
  }

  /** The block list of common passwords shipped in the jar. */
  static Set<String> commonPasswords() {
    String resource = "/dev/duka/bootstrap/common-passwords.txt";
    try (InputStream in = Wiring.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .collect(Collectors.toUnmodifiableSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
