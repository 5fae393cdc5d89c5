package dev.duka.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.postgres.JdbiTransactions;
import dev.duka.adapters.postgres.audit.JdbiAuditLog;
import dev.duka.adapters.postgres.catalog.JdbiCategoryRepository;
import dev.duka.adapters.postgres.catalog.JdbiProductImageRepository;
import dev.duka.adapters.postgres.catalog.JdbiProductRepository;
import dev.duka.adapters.postgres.order.JdbiIdempotencyStore;
import dev.duka.adapters.postgres.order.JdbiOrderRepository;
import dev.duka.adapters.postgres.outbox.JdbiOutbox;
import dev.duka.adapters.postgres.payment.JdbiPaymentRepository;
import dev.duka.adapters.postgres.user.JdbiTokenRepository;
import dev.duka.adapters.postgres.user.JdbiUserRepository;
import dev.duka.adapters.rest.Routes;
import dev.duka.adapters.rest.auth.AuthRoutes;
import dev.duka.adapters.rest.auth.Authentication;
import dev.duka.adapters.rest.auth.Throttle;
import dev.duka.adapters.rest.catalog.CategoryRoutes;
import dev.duka.adapters.rest.catalog.ImageRoutes;
import dev.duka.adapters.rest.catalog.ProductRoutes;
import dev.duka.adapters.rest.catalog.UploadRoutes;
import dev.duka.adapters.rest.common.ConditionalJson;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.json.JsonMapping;
import dev.duka.adapters.rest.order.AdminOrderRoutes;
import dev.duka.adapters.rest.order.OrderRoutes;
import dev.duka.adapters.rest.payment.PaymentRoutes;
import dev.duka.adapters.rest.security.Argon2PasswordHasher;
import dev.duka.adapters.rest.security.ClientAddress;
import dev.duka.adapters.rest.security.JwtTokenIssuer;
import dev.duka.adapters.rest.security.RateLimitedThrottle;
import dev.duka.adapters.rest.security.RateLimiter;
import dev.duka.adapters.rest.user.AdminUserRoutes;
import dev.duka.adapters.storage.FileSystemImageStorage;
import dev.duka.adapters.stripe.StripePaymentGateway;
import dev.duka.adapters.stripe.StripeWebhooks;
import dev.duka.application.catalog.CatalogSettings;
import dev.duka.application.catalog.CategoryService;
import dev.duka.application.catalog.ProductAdministrationService;
import dev.duka.application.catalog.ProductBrowsingService;
import dev.duka.application.catalog.ProductImageService;
import dev.duka.application.mail.DeliverMailService;
import dev.duka.application.order.OrderAdministrationService;
import dev.duka.application.order.OrderLifecycleService;
import dev.duka.application.order.PlaceOrderService;
import dev.duka.application.payment.PaymentService;
import dev.duka.application.user.AccountSettings;
import dev.duka.application.user.CreateAdminService;
import dev.duka.application.user.PasswordService;
import dev.duka.application.user.ProfileService;
import dev.duka.application.user.RegistrationService;
import dev.duka.application.user.SessionService;
import dev.duka.application.user.UserAdministrationService;
import dev.duka.bootstrap.config.Config;
import dev.duka.bootstrap.mail.FileMailer;
import dev.duka.bootstrap.mail.SmtpMailer;
import dev.duka.bootstrap.payment.ManualPaymentGateway;
import dev.duka.bootstrap.system.SecureIdGenerator;
import dev.duka.bootstrap.system.SystemClock;
import dev.duka.domain.cart.CartPricing;
import dev.duka.domain.port.in.CreateAdminUseCase;
import dev.duka.domain.port.in.DeliverMailUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.CategoryRepository;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.ImageStorage;
import dev.duka.domain.port.out.Mailer;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.port.out.Outbox;
import dev.duka.domain.port.out.PasswordHasher;
import dev.duka.domain.port.out.PaymentGateway;
import dev.duka.domain.port.out.PaymentWebhooks;
import dev.duka.domain.port.out.ProductImageRepository;
import dev.duka.domain.port.out.ProductRepository;
import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.PasswordPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Builds every adapter and service once and hands them to whoever runs: server or command. */
final class Wiring {
  final Config config;
  final Clock clock = new SystemClock();
  final IdGenerator ids = new SecureIdGenerator();
  final ObjectMapper json = JsonMapping.create();
  final JsonBodies bodies = new JsonBodies(json);
  final Transactions transactions;
  final UserRepository users;
  final TokenRepository tokens;
  final CategoryRepository categories;
  final ProductRepository products;
  final AuditLog audit;
  final Outbox outbox;
  final Mailer mailer;
  final PasswordHasher passwordHasher = new Argon2PasswordHasher();
  final PasswordPolicy passwordPolicy = new PasswordPolicy(commonPasswords());
  final TokenIssuer tokenIssuer;
  final CreateAdminUseCase createAdmin;
  final RegistrationService registration;
  final SessionService sessions;
  final PasswordService passwords;
  final ProfileService profiles;
  final UserAdministrationService userAdministration;
  final OrderRepository orders;
  final PlaceOrderService placeOrders;
  final OrderLifecycleService orderLifecycle;
  final OrderAdministrationService orderAdministration;
  final PaymentService payments;
  final CategoryService categoryService;
  final ProductBrowsingService productBrowsing;
  final ProductAdministrationService productAdministration;
  final ProductImageService productImages;

  Wiring(Config config, DatabaseRuntime database) {
    this.config = config;
    Jdbi jdbi = database.database().jdbi();
    this.transactions = new JdbiTransactions(jdbi);
    this.users = new JdbiUserRepository(jdbi);
    this.tokens = new JdbiTokenRepository(jdbi);
    this.categories = new JdbiCategoryRepository(jdbi);
    this.products = new JdbiProductRepository(jdbi);
    this.audit = new JdbiAuditLog(jdbi);
    this.outbox = new JdbiOutbox(jdbi);
    this.mailer =
        config
            .smtp()
            .<Mailer>map(smtp -> new SmtpMailer(smtp, clock))
            .orElseGet(
                () ->
                    new FileMailer(
                        config.dataDir().resolve("mail"), "Duka <no-reply@localhost>", clock));
    this.tokenIssuer =
        new JwtTokenIssuer(config.jwtSecret(), config.jwtIssuer(), config.accessTokenTtl());
    AccountSettings accounts =
        new AccountSettings(
            config.refreshTokenTtl(), config.frontendUrl().toString(), config.adminSecret());
    this.createAdmin =
        new CreateAdminService(
            users, passwordHasher, passwordPolicy, audit, transactions, clock, ids);
    this.registration =
        new RegistrationService(
            users,
            tokens,
            tokenIssuer,
            passwordHasher,
            passwordPolicy,
            outbox,
            audit,
            transactions,
            clock,
            ids,
            accounts);
    this.sessions =
        new SessionService(
            users, tokens, tokenIssuer, passwordHasher, audit, transactions, clock, ids, accounts);
    this.passwords =
        new PasswordService(
            users,
            tokens,
            tokenIssuer,
            passwordHasher,
            passwordPolicy,
            outbox,
            audit,
            transactions,
            clock,
            ids,
            accounts);
    this.profiles = new ProfileService(users, transactions);
    this.userAdministration =
        new UserAdministrationService(users, tokens, audit, transactions, clock);
    this.orders = new JdbiOrderRepository(jdbi);
    this.placeOrders =
        new PlaceOrderService(
            products,
            orders,
            users,
            new JdbiIdempotencyStore(jdbi),
            outbox,
            transactions,
            clock,
            ids,
            new CartPricing(config.pricingPolicy()));
    this.payments =
        new PaymentService(
            orders,
            new JdbiPaymentRepository(jdbi),
            users,
            cardGateway(config),
            new ManualPaymentGateway(),
            webhooks(config),
            audit,
            transactions,
            clock,
            ids,
            config.frontendUrl().toString());
    this.orderLifecycle =
        new OrderLifecycleService(
            orders, products, users, outbox, audit, transactions, clock, ids, payments);
    this.orderAdministration =
        new OrderAdministrationService(orders, transactions, config.defaultCurrency());
    this.categoryService = new CategoryService(categories, audit, transactions, clock, ids);
    ProductImageRepository images = new JdbiProductImageRepository(jdbi);
    ImageStorage storage = new FileSystemImageStorage(config.uploadsDir(), config.maxUploadBytes());
    this.productBrowsing = new ProductBrowsingService(products, images, transactions);
    this.productAdministration =
        new ProductAdministrationService(
            products,
            images,
            storage,
            categories,
            audit,
            transactions,
            clock,
            ids,
            new CatalogSettings(config.defaultCurrency()));
    this.productImages =
        new ProductImageService(
            products, images, storage, productAdministration, audit, transactions, clock, ids);
  }

  /** Sends the mails waiting in the outbox. */
  DeliverMailUseCase mailDelivery(DeliverMailService.Settings settings) {
    return new DeliverMailService(outbox, mailer, clock, settings);
  }

  /** Every feature's routes, declared under {@code /api/v1}, and the uploaded files. */
  List<Routes> routes() {
    Authentication authentication = new Authentication(sessions);
    return List.of(
        new AuthRoutes(
            new AuthRoutes.UseCases(
                registration,
                registration,
                registration,
                registration,
                sessions,
                sessions,
                sessions,
                passwords,
                passwords,
                passwords,
                profiles,
                sessions),
            authentication,
            bodies,
            throttle(),
            clock),
        new AdminUserRoutes(userAdministration, authentication, bodies),
        new CategoryRoutes(
            new CategoryRoutes.UseCases(
                categoryService,
                categoryService,
                categoryService,
                categoryService,
                categoryService),
            authentication,
            bodies,
            new ConditionalJson(json)),
        new ProductRoutes(
            new ProductRoutes.UseCases(
                productBrowsing,
                productBrowsing,
                productBrowsing,
                productBrowsing,
                productAdministration,
                productAdministration,
                productAdministration,
                productAdministration),
            authentication,
            bodies,
            new ConditionalJson(json),
            config.defaultCurrency()),
        new ImageRoutes(productImages, authentication, bodies, config.maxUploadBytes()),
        new UploadRoutes(productImages),
        new OrderRoutes(
            placeOrders, placeOrders, orderLifecycle, orderLifecycle, authentication, bodies),
        new AdminOrderRoutes(orderAdministration, payments, authentication),
        new PaymentRoutes(payments, payments, payments, authentication, bodies));
  }

  /** Stripe when a secret key is set; otherwise card payments answer 503. */
  private static Optional<PaymentGateway> cardGateway(Config config) {
    return config
        .stripe()
        .map(
            stripe ->
                new StripePaymentGateway(
                    stripe.secretKey(),
                    stripe
                        .apiBase()
                        .map(URI::toString)
                        .orElse(StripePaymentGateway.LIVE_API_BASE)));
  }

  /** Stripe's webhooks when a webhook secret is set. */
  private Optional<PaymentWebhooks> webhooks(Config config) {
    return config
        .stripe()
        .flatMap(Config.Stripe::webhookSecret)
        .map(secret -> new StripeWebhooks(secret, clock));
  }

  private Throttle throttle() {
    Duration minute = Duration.ofMinutes(1);
    Config.RateLimits limits = config.rateLimits();
    RateLimiter limiter =
        new RateLimiter(
            List.of(
                new RateLimiter.Limit(
                    Throttle.LOGIN_PER_ADDRESS_AND_EMAIL, limits.loginPerAddressAndEmail(), minute),
                new RateLimiter.Limit(Throttle.LOGIN_PER_ADDRESS, limits.loginPerAddress(), minute),
                new RateLimiter.Limit(
                    Throttle.REGISTER_PER_ADDRESS, limits.accountPerAddress(), minute),
                new RateLimiter.Limit(
                    Throttle.FORGOT_PASSWORD_PER_ADDRESS, limits.accountPerAddress(), minute),
                new RateLimiter.Limit(
                    Throttle.RESEND_PER_ADDRESS, limits.accountPerAddress(), minute)));
    return new RateLimitedThrottle(limiter, new ClientAddress(config.trustedProxies()));
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
