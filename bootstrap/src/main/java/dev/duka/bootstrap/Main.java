package dev.duka.bootstrap;

import dev.duka.bootstrap.bench.BenchPostgres;
import dev.duka.bootstrap.bench.BenchSeed;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.config.ConfigException;
import dev.duka.bootstrap.config.ConfigLoader;
import dev.duka.bootstrap.config.EnvFile;
import dev.duka.bootstrap.config.SecretStore;
import dev.duka.domain.error.DomainException;
import dev.duka.domain.port.in.CreateAdminUseCase.CreateAdminCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar duka.jar [command]}: {@code serve} (the default), {@code migrate}, {@code
 * create-admin --email … --password … [--name …]}, {@code seed-demo}, {@code --help}; and, for the
 * benchmark only and so left out of the help (docs/benchmarks.md), {@code bench-postgres} and
 * {@code bench-seed}.
 *
 * <p>Exit codes: 0 done, 1 failed, 2 wrong usage or configuration.
 */
public final class Main {
  static final String USAGE =
      """
      Usage: java -jar duka.jar [command] [options]

      Commands:
        serve          run the HTTP server (default)
        migrate        apply pending database migrations and exit
        create-admin   create an administrator: --email <email> --password <password> [--name <full name>]
        seed-demo      add demo categories and about 200 products (once)
        --help         show this help

      Configuration comes from environment variables and an optional .env file in the working
      directory (the environment wins). Without DATABASE_URL, Duka runs its own PostgreSQL under
      DATA_DIR/pg (default ./data/pg). See README.md for every setting.
      """;

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), Path.of(".env"), System.out, System.err);
    if (status != 0 || !isServe(args)) {
      System.exit(status);
    }
  }

  private static boolean isServe(String[] args) {
    return args.length == 0 || args[0].equals("serve");
  }

  /** Runs one command; for {@code serve}, returns once the server has been stopped. */
  static int run(
      String[] args,
      Map<String, String> environment,
      Path envFile,
      PrintStream out,
      PrintStream err) {
    String command = args.length == 0 ? "serve" : args[0];
    if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
      out.print(USAGE);
      return 0;
    }
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException badUsage) {
      err.println(badUsage.getMessage());
      err.print(USAGE);
      return 2;
    }
    Config config;
    ConfigLoader.Loaded loaded;
    try {
      Map<String, String> env = new HashMap<>(EnvFile.read(envFile));
      env.putAll(environment);
      loaded = ConfigLoader.load(env, SecretStore::new);
      config = loaded.config();
    } catch (ConfigException invalid) {
      err.println("Duka cannot start: " + invalid.getMessage());
      return 2;
    } catch (IOException unreadable) {
      err.println("Duka cannot read " + envFile + ": " + unreadable.getMessage());
      return 2;
    }
    Logging.configure(config.debug());
    Logger log = LoggerFactory.getLogger(Main.class);
    loaded.notices().forEach(log::warn);
    try {
      switch (command) {
        case "serve":
          return serve(config);
        case "migrate":
          return migrate(config, out);
        case "create-admin":
          return createAdmin(config, options, out, err);
        case "seed-demo":
          return seedDemo(config, out);
        case "bench-postgres":
          return BenchPostgres.run(
              config.dataDir().resolve("pg"),
              Integer.parseInt(options.getOrDefault("port", "0")),
              out);
        case "bench-seed":
          return benchSeed(config, options, out, err);
        default:
          err.println("unknown command: " + command);
          err.print(USAGE);
          return 2;
      }
    } catch (DomainException refused) {
      err.println(command + " failed: " + refused.getMessage());
      return 1;
    } catch (RuntimeException failure) {
      log.error("{} failed", command, failure);
      err.println(command + " failed: " + failure.getMessage());
      return 1;
    }
  }

  private static int serve(Config config) {
    Application application = Application.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  application.close();
                  stopped.countDown();
                },
                "duka-shutdown"));
    Signals.exitZeroOnTerminate();
    try {
      stopped.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static int migrate(Config config, PrintStream out) {
    try (DatabaseRuntime database = DatabaseRuntime.open(config, Optional.empty())) {
      int applied = database.migrate();
      out.println("migrations applied: " + applied);
    }
    return 0;
  }

  private static int createAdmin(
      Config config, Map<String, String> options, PrintStream out, PrintStream err) {
    String email = options.get("email");
    String password = options.get("password");
    if (email == null || password == null) {
      err.println("create-admin needs --email and --password");
      return 2;
    }
    String name = options.getOrDefault("name", "Administrator");
    try (DatabaseRuntime database = DatabaseRuntime.open(config, Optional.empty())) {
      database.migrate();
      Wiring wiring = new Wiring(config, database);
      var id = wiring.createAdmin.createAdmin(new CreateAdminCommand(email, password, name));
      out.println("administrator created: " + email + " (" + id + ")");
    }
    return 0;
  }

  private static int seedDemo(Config config, PrintStream out) {
    try (DatabaseRuntime database = DatabaseRuntime.open(config, Optional.empty())) {
      database.migrate();
      Wiring wiring = new Wiring(config, database);
      int added =
          new DemoCatalog(
                  wiring.categories, wiring.products, wiring.transactions, wiring.clock, wiring.ids)
              .seed(config.defaultCurrency());
      out.println(
          added == 0
              ? "demo catalog already present; nothing added"
              : "demo products added: " + added);
    }
    return 0;
  }

  private static int benchSeed(
      Config config, Map<String, String> options, PrintStream out, PrintStream err) {
    BenchSeed.Options seed;
    try {
      seed = BenchSeed.Options.parse(options);
    } catch (IllegalArgumentException badUsage) {
      err.println(badUsage.getMessage());
      return 2;
    }
    try (DatabaseRuntime database = DatabaseRuntime.open(config, Optional.empty())) {
      database.migrate();
      new BenchSeed(
              database.database().dataSource(),
              config.jwtSecret(),
              config.jwtIssuer(),
              config.defaultCurrency(),
              out)
          .seed(seed, Instant.now());
    }
    return 0;
  }

  /** {@code --name value} pairs after the command. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() < 3) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      int equals = arg.indexOf('=');
      if (equals > 0) {
        options.put(arg.substring(2, equals), arg.substring(equals + 1));
      } else if (i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return options;
  }
}
