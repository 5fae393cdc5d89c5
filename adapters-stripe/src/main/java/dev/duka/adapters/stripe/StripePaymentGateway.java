package dev.duka.adapters.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import dev.duka.adapters.stripe.StripeAmounts.Conversion;
import dev.duka.domain.port.out.PaymentGateway;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment gateway on Stripe Checkout, through its own {@link StripeClient} (no global {@code
 * Stripe.apiKey}), so several gateways, or a test's, never share settings.
 *
 * <p>Every failure comes back as an outcome, never as an exception: Stripe's 4xx answers are
 * refusals (retrying the same request will not help), while timeouts, connection failures, 5xx
 * answers and rate limits are {@code Unreachable} (a later retry with the same idempotency key may
 * succeed, and Stripe then returns the first result). A rejected API key is {@code Unreachable}
 * too: it is a misconfiguration the customer cannot fix, so it is logged as an error.
 *
 * <p>stripe-java retries connection failures, timeouts, 409 and 5xx answers itself, reusing the
 * request's idempotency key, so one call may take up to {@code (1 + retries) × readTimeout} plus a
 * short backoff.
 */
public final class StripePaymentGateway implements PaymentGateway {
  /** Stripe's production API. */
  public static final String LIVE_API_BASE = Stripe.LIVE_API_BASE;

  /** Long enough for a TLS handshake to a distant region, short enough to fail fast when down. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Creating a Checkout Session usually answers within a second; 10 s covers slow moments. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  /** Retries on network failures and 5xx, with the same idempotency key. */
  public static final int DEFAULT_NETWORK_RETRIES = 2;

  private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);

  /** Stripe's ids are short ASCII tokens; anything else is not a session of ours. */
  private static final Pattern SESSION_ID = Pattern.compile("cs_[A-Za-z0-9_]{1,250}");

  private static final Pattern SECRET = Pattern.compile("\\b([sr]k_(?:test|live))_[A-Za-z0-9]+");

  private final StripeClient client;

  /** A gateway on Stripe's live API with the default timeouts and retries. */
  public StripePaymentGateway(String secretKey) {
    this(secretKey, LIVE_API_BASE);
  }

  /**
   * A gateway on the given API base (a local fake in tests: {@code STRIPE_API_BASE}), with the
   * default timeouts and retries.
   */
  public StripePaymentGateway(String secretKey, String apiBase) {
    this(
        secretKey, apiBase, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_NETWORK_RETRIES);
  }

  /**
   * @param secretKey the account's secret (or restricted) key, {@code sk_...} or {@code rk_...}
   * @param apiBase the API's scheme, host and port, e.g. {@value #LIVE_API_BASE}
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for an answer, per attempt
   * @param networkRetries how many times stripe-java retries a failed attempt
   * @throws IllegalArgumentException for a blank or publishable key, an API base that is not an
   *     http(s) URL, a timeout that is not positive or beyond {@link Integer#MAX_VALUE} ms, or a
   *     negative retry count
   */
  public StripePaymentGateway(
      String secretKey,
      String apiBase,
      Duration connectTimeout,
      Duration readTimeout,
      int networkRetries) {
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(apiBase, "apiBase");
    if (secretKey.isBlank()) {
      throw new IllegalArgumentException("the Stripe secret key is blank");
    }
    if (secretKey.startsWith("pk_")) {
      throw new IllegalArgumentException(
          "the Stripe secret key is a publishable key (pk_...); use the secret key (sk_...)");
    }
    if (!apiBase.startsWith("https://") && !apiBase.startsWith("http://")) {
      throw new IllegalArgumentException("the Stripe API base must be an http(s) URL");
    }
    if (networkRetries < 0) {
      throw new IllegalArgumentException("network retries must not be negative");
    }
    this.client =
        StripeClient.builder()
            .setApiKey(secretKey)
            .setApiBase(
                apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase)
            .setConnectTimeout(millis(connectTimeout, "connect timeout"))
            .setReadTimeout(millis(readTimeout, "read timeout"))
            .setMaxNetworkRetries(networkRetries)
            .build();
  }

  @Override
  public CheckoutOutcome openCheckout(CheckoutRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<String> refusal = StripeAmounts.chargeRefusal(request.total());
    if (refusal.isPresent()) {
      return new CheckoutOutcome.Refused(refusal.get());
    }
    SessionCreateParams.Builder params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setSuccessUrl(request.successUrl())
            .setCancelUrl(request.cancelUrl())
            .setClientReferenceId(request.orderId().toString())
            .putMetadata("order_id", request.orderId().toString())
            .putMetadata("order_number", request.orderNumber().toString());
    if (!request.customerEmail().isBlank()) {
      // Stripe refuses an empty string; without an email the checkout page asks for one.
      params.setCustomerEmail(request.customerEmail());
    }
    for (ChargeLine line : request.lines()) {
      Conversion unitAmount = StripeAmounts.toStripe(line.unitAmount());
      if (unitAmount instanceof Conversion.Refused refused) {
        return new CheckoutOutcome.Refused(line.name() + ": " + refused.reason());
      }
      params.addLineItem(
          LineItem.builder()
              .setQuantity((long) line.quantity())
              .setPriceData(
                  PriceData.builder()
                      .setCurrency(StripeAmounts.stripeCurrency(line.unitAmount().currency()))
                      .setUnitAmount(((Conversion.Units) unitAmount).value())
                      .setProductData(ProductData.builder().setName(line.name()).build())
                      .build())
              .build());
    }
    Session session;
    try {
      session =
          client
              .v1()
              .checkout()
              .sessions()
              .create(params.build(), idempotent(request.idempotencyKey()));
    } catch (StripeException failure) {
      String reason = reasonOf(failure);
      if (isRefusal(failure)) {
        log.warn("Stripe refused the checkout of order {}: {}", request.orderId(), reason);
        return new CheckoutOutcome.Refused(reason);
      }
      logUnreachable("checkout of order " + request.orderId(), failure);
      return new CheckoutOutcome.Unreachable(reason);
    }
    if (session.getUrl() == null) {
      log.error("Stripe opened session {} without a checkout URL", session.getId());
      return new CheckoutOutcome.Refused("Stripe opened a session without a checkout page");
    }
    return new CheckoutOutcome.Opened(session.getId(), session.getUrl());
  }

  @Override
  public SessionOutcome fetchSession(String sessionId) {
    if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
      return new SessionOutcome.NotFound();
    }
    Session session;
    try {
      session = client.v1().checkout().sessions().retrieve(sessionId);
    } catch (StripeException failure) {
      if (isMissing(failure)) {
        return new SessionOutcome.NotFound();
      }
      if (isRefusal(failure)) {
        // A 4xx other than "no such session" on a plain read is a bug on one side or the other.
        log.error("Stripe refused to read session {}: {}", sessionId, reasonOf(failure));
      } else {
        logUnreachable("read of session " + sessionId, failure);
      }
      return new SessionOutcome.Unreachable(reasonOf(failure));
    }
    try {
      return found(session);
    } catch (IllegalArgumentException unreadable) {
      log.error("Stripe session {} could not be read: {}", sessionId, unreadable.getMessage());
      return new SessionOutcome.Unreachable(
          "Stripe returned a session Duka cannot read: " + unreadable.getMessage());
    }
  }

  @Override
  public RefundOutcome refund(RefundRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.paymentReference().isBlank()) {
      return new RefundOutcome.Refused("there is no Stripe payment to refund");
    }
    Conversion amount = StripeAmounts.toStripe(request.amount());
    if (amount instanceof Conversion.Refused refused) {
      return new RefundOutcome.Refused(refused.reason());
    }
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(request.paymentReference())
            .setAmount(((Conversion.Units) amount).value())
            .setReason(reason(request.providerReason()))
            .build();
    Refund refund;
    try {
      refund = client.v1().refunds().create(params, idempotent(request.idempotencyKey()));
    } catch (StripeException failure) {
      String reason = reasonOf(failure);
      if (isRefusal(failure)) {
        log.warn("Stripe refused a refund of {}: {}", request.paymentReference(), reason);
        return new RefundOutcome.Refused(reason);
      }
      logUnreachable("refund of " + request.paymentReference(), failure);
      return new RefundOutcome.Unreachable(reason);
    }
    return new RefundOutcome.Succeeded(refund.getId());
  }

  /**
   * Stripe's reason for a refund. Stripe knows three; ARCHITECTURE.md sends every other reason as
   * {@code requested_by_customer} (the free text stays on Duka's refund row).
   */
  static RefundCreateParams.Reason reason(String providerReason) {
    for (RefundCreateParams.Reason known : RefundCreateParams.Reason.values()) {
      if (known.getValue().equals(providerReason)) {
        return known;
      }
    }
    return RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER;
  }

  /**
   * The session as the domain sees it.
   *
   * @throws IllegalArgumentException when Stripe's answer lacks a field Duka needs or holds a value
   *     it does not know
   */
  private static SessionOutcome.Found found(Session session) {
    if (session.getAmountTotal() == null || session.getCurrency() == null) {
      throw new IllegalArgumentException("the session has no amount_total or currency");
    }
    return new SessionOutcome.Found(
        session.getId(),
        status(session.getStatus()),
        isPaid(session.getPaymentStatus()),
        StripeAmounts.fromStripe(session.getAmountTotal(), session.getCurrency()),
        orEmpty(session.getPaymentIntent()),
        orEmpty(session.getClientReferenceId()),
        orEmpty(session.getUrl()));
  }

  private static SessionStatus status(String status) {
    if ("open".equals(status)) {
      return SessionStatus.OPEN;
    }
    if ("complete".equals(status)) {
      return SessionStatus.COMPLETE;
    }
    if ("expired".equals(status)) {
      return SessionStatus.EXPIRED;
    }
    throw new IllegalArgumentException("unknown session status \"" + status + "\"");
  }

  /**
   * Stripe's {@code payment_status}: {@code paid}, {@code unpaid} (a delayed method may still pay)
   * or {@code no_payment_required} (nothing was due, so nothing is owed).
   */
  static boolean isPaid(String paymentStatus) {
    return "paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus);
  }

  /** Stripe answered and said no: a 4xx other than a rejected key or a rate limit. */
  private static boolean isRefusal(StripeException failure) {
    return failure instanceof InvalidRequestException
        || failure instanceof CardException
        || failure instanceof IdempotencyException;
  }

  private static boolean isMissing(StripeException failure) {
    return failure instanceof InvalidRequestException
        && (Integer.valueOf(404).equals(failure.getStatusCode())
            || "resource_missing".equals(failure.getCode()));
  }

  private static void logUnreachable(String what, StripeException failure) {
    if (failure instanceof AuthenticationException || failure instanceof PermissionException) {
      log.error(
          "Stripe rejected the API key during the {} (check STRIPE_SECRET_KEY): {}",
          what,
          reasonOf(failure));
    } else if (failure instanceof ApiConnectionException
        || failure instanceof ApiException
        || failure instanceof RateLimitException) {
      log.warn("Stripe did not complete the {}: {}", what, reasonOf(failure));
    } else {
      log.error("Stripe failed the {} unexpectedly: {}", what, reasonOf(failure), failure);
    }
  }

  /**
   * Stripe's own message when it sent one, else the library's; any API key in it is cut to its
   * prefix (Stripe masks keys in its messages, but a proxy or a fake might not).
   */
  private static String reasonOf(StripeException failure) {
    if (failure instanceof ApiConnectionException && failure.getCause() != null) {
      // The library's own text names the global API base, not this client's, and gives advice
      // meant for a developer; the network error underneath is the useful part.
      return "no answer from Stripe: " + failure.getCause().getMessage();
    }
    String message =
        failure.getStripeError() != null && failure.getStripeError().getMessage() != null
            ? failure.getStripeError().getMessage()
            : failure.getMessage();
    if (message == null) {
      message = failure.getClass().getSimpleName();
    }
    return SECRET.matcher(message).replaceAll("$1_…");
  }

  private static RequestOptions idempotent(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static int millis(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the Stripe " + name + " must be positive");
    }
    try {
      return Math.toIntExact(timeout.toMillis());
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException("the Stripe " + name + " is too long", tooLong);
    }
  }
}
