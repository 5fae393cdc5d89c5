package dev.duka.adapters.stripe.testing;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.duka.domain.port.out.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Stripe for tests: an HTTP server on the loopback interface that speaks Stripe's wire
 * format for what Duka uses (Checkout Sessions, refunds) and signs webhook deliveries the way
 * Stripe does.
 *
 * <pre>{@code
 * try (FakeStripe stripe = FakeStripe.start()) {
 *   var gateway = new StripePaymentGateway(stripe.apiKey(), stripe.baseUri());
 *   var opened = (CheckoutOutcome.Opened) gateway.openCheckout(request);
 *   String paymentIntent = stripe.complete(opened.sessionId());
 *   FakeStripe.Delivery delivery = stripe.checkoutCompleted(opened.sessionId());
 *   webhooks.read(delivery.body(), delivery.signatureHeader());
 * }
 * }</pre>
 *
 * <p>What it checks like Stripe: the bearer API key (401 otherwise); the form parameters the
 * gateway sends; {@code Idempotency-Key} (the same key and parameters return the first answer, the
 * same key with other parameters is a 400 {@code idempotency_error}); refunds above what remains.
 * What it leaves out: payment pages (the {@code url} of a session answers with a stub), automatic
 * expiry, currencies' minimum amounts and every endpoint Duka does not call.
 *
 * <p>Thread-safe: the server answers on its own threads while a test drives it.
 */
public final class FakeStripe implements AutoCloseable {
  /** The secret key the fake accepts. */
  public static final String API_KEY = "sk_test_duka_fake_4eC39HqLyjWDarjtT1zdp7dc";

  /** The webhook signing secret the fake signs deliveries with. */
  public static final String WEBHOOK_SECRET = "whsec_duka_fake_5WbX5kEWLBfNM8dPsIqt9YmA";

  /** A signed webhook call as Stripe sends it: the raw JSON body and its signature header. */
  public record Delivery(String body, String signatureHeader) {
    public Delivery {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(signatureHeader, "signatureHeader");
    }
  }

  private static final Pattern SESSION_PATH = Pattern.compile("/v1/checkout/sessions/([^/]+)");
  private static final Pattern PAY_PAGE_PATH = Pattern.compile("/c/pay/([^/]+)");
  private static final Pattern LINE_ITEM = Pattern.compile("line_items\\[(\\d+)]\\[.*");
  private static final Set<String> REFUND_REASONS =
      Set.of("requested_by_customer", "duplicate", "fraudulent");
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final String baseUri;

  private final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();
  private final Map<String, Stored> idempotent = new HashMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private int failuresLeft;
  private int failureStatus;
  private int delaysLeft;
  private Duration delay = Duration.ZERO;
  private boolean closed;

  private FakeStripe(Clock clock) throws IOException {
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "fake-stripe");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    this.baseUri = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Starts a fake on a free loopback port, on the system clock. */
  public static FakeStripe start() {
    return start(Instant::now);
  }

  /**
   * Starts a fake on a free loopback port; {@code clock} dates its objects and signs its webhook
   * deliveries.
   */
  public static FakeStripe start(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    try {
      return new FakeStripe(clock);
    } catch (IOException failed) {
      throw new IllegalStateException("FakeStripe could not open a port", failed);
    }
  }

  /**
   * The API base to give the gateway ({@code STRIPE_API_BASE}), e.g. {@code http://127.0.0.1:PORT}.
   */
  public String baseUri() {
    return baseUri;
  }

  /** The secret key the fake accepts: {@value #API_KEY}. */
  public String apiKey() {
    return API_KEY;
  }

  /** The webhook signing secret: {@value #WEBHOOK_SECRET}. */
  public String webhookSecret() {
    return WEBHOOK_SECRET;
  }

  /** Stops the server; calls in flight are cut off. Closing twice is harmless. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- controls

  /**
   * The customer paid: the open session becomes {@code complete} and {@code paid}, with a new
   * payment intent.
   *
   * @return the payment intent's id, {@code pi_...}
   * @throws IllegalStateException when the session is unknown or not open
   */
  public synchronized String complete(String sessionId) {
    CheckoutSession session = open(sessionId);
    session.status = "complete";
    session.paymentStatus = "paid";
    session.paymentIntent = newId("pi_");
    session.charge = newId("ch_");
    return session.paymentIntent;
  }

  /**
   * The customer chose a delayed payment method (a bank debit): the session is {@code complete} but
   * {@code unpaid} until {@link #asyncPaymentSucceeded} or {@link #asyncPaymentFailed}.
   *
   * @return the payment intent's id, {@code pi_...}
   */
  public synchronized String completeAwaitingPayment(String sessionId) {
    CheckoutSession session = open(sessionId);
    session.status = "complete";
    session.paymentStatus = "unpaid";
    session.paymentIntent = newId("pi_");
    return session.paymentIntent;
  }

  /** The open session expired without payment. */
  public synchronized void expire(String sessionId) {
    open(sessionId).status = "expired";
  }

  /**
   * The next {@code count} API calls fail with {@code status} and Stripe's error body for it
   * ({@code api_error} for 5xx), before they are processed.
   */
  public synchronized void failNext(int count, int status) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException("a count ≥ 0 and an error status, please");
    }
    this.failuresLeft = count;
    this.failureStatus = status;
  }

  /** The next API call is answered only after {@code delay} (it is processed at once). */
  public void delayNext(Duration delay) {
    delayNext(1, delay);
  }

  /**
   * The next {@code count} API calls are answered only after {@code delay}; each is processed at
   * once, so a client that times out and retries with the same idempotency key gets the first
   * answer, as from Stripe.
   */
  public synchronized void delayNext(int count, Duration delay) {
    if (count < 0 || delay.isNegative()) {
      throw new IllegalArgumentException("a count ≥ 0 and a delay ≥ 0, please");
    }
    this.delaysLeft = count;
    this.delay = delay;
  }

  /** Every request received so far, oldest first (also those refused). */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests received so far with this method and path, oldest first. */
  public synchronized List<RecordedRequest> requests(String method, String path) {
    return requests.stream().filter(request -> request.is(method, path)).toList();
  }

  /** The ids of the sessions created so far, oldest first. */
  public synchronized List<String> sessionIds() {
    return List.copyOf(sessions.keySet());
  }

  // ---------------------------------------------------------------- webhook deliveries

  /**
   * {@code checkout.session.completed} for a session completed with {@link #complete} or {@link
   * #completeAwaitingPayment}.
   */
  public synchronized Delivery checkoutCompleted(String sessionId) {
    CheckoutSession session = session(sessionId);
    if (!session.status.equals("complete")) {
      throw new IllegalStateException(
          sessionId + " is " + session.status + "; call complete or completeAwaitingPayment first");
    }
    return event("checkout.session.completed", sessionJson(session));
  }

  /** The delayed payment of a session completed awaiting payment succeeded: it becomes paid. */
  public synchronized Delivery asyncPaymentSucceeded(String sessionId) {
    CheckoutSession session = awaitingPayment(sessionId);
    session.paymentStatus = "paid";
    session.charge = newId("ch_");
    return event("checkout.session.async_payment_succeeded", sessionJson(session));
  }

  /** The delayed payment of a session completed awaiting payment failed: it stays unpaid. */
  public synchronized Delivery asyncPaymentFailed(String sessionId) {
    CheckoutSession session = awaitingPayment(sessionId);
    session.asyncPaymentFailed = true;
    return event("checkout.session.async_payment_failed", sessionJson(session));
  }

  /** {@code checkout.session.expired} for a session expired with {@link #expire}. */
  public synchronized Delivery sessionExpired(String sessionId) {
    CheckoutSession session = session(sessionId);
    if (!session.status.equals("expired")) {
      throw new IllegalStateException(sessionId + " is " + session.status + "; expire it first");
    }
    return event("checkout.session.expired", sessionJson(session));
  }

  /**
   * {@code charge.refunded} for the charge of a paid session, reporting {@code amountRefunded} (in
   * Stripe's units) as refunded so far, whatever refunds the fake has seen: a refund may also come
   * from Stripe's dashboard.
   */
  public synchronized Delivery chargeRefunded(String paymentIntent, long amountRefunded) {
    CheckoutSession session = byPaymentIntent(paymentIntent);
    if (session.charge == null) {
      throw new IllegalStateException(paymentIntent + " has not been paid; nothing to refund");
    }
    return event("charge.refunded", chargeJson(session, amountRefunded));
  }

  /** {@code charge.refunded} reporting the refunds made through the API so far. */
  public synchronized Delivery chargeRefunded(String paymentIntent) {
    return chargeRefunded(paymentIntent, byPaymentIntent(paymentIntent).refunded);
  }

  /**
   * {@code payment_intent.payment_failed}: a payment attempt was declined. The intent may be one
   * the fake made or any other id.
   */
  public synchronized Delivery paymentFailed(String paymentIntent) {
    CheckoutSession session =
        sessions.values().stream()
            .filter(candidate -> paymentIntent.equals(candidate.paymentIntent))
            .findFirst()
            .orElse(null);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", "card_declined");
    error.put("decline_code", "generic_decline");
    error.put("message", "Your card was declined.");
    error.put("type", "card_error");
    Map<String, Object> intent = new LinkedHashMap<>();
    intent.put("id", paymentIntent);
    intent.put("object", "payment_intent");
    intent.put("amount", session == null ? null : session.amountTotal);
    intent.put("created", now());
    intent.put("currency", session == null ? null : session.currency);
    intent.put("last_payment_error", error);
    intent.put("livemode", false);
    intent.put("metadata", Map.of());
    intent.put("status", "requires_payment_method");
    return event("payment_intent.payment_failed", Json.write(intent));
  }

  /**
   * An event of any type around a data object given as JSON, signed now: for events Duka ignores,
   * or hand-made objects.
   */
  public Delivery event(String type, String dataObjectJson) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", null);
    request.put("idempotency_key", null);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", newId("evt_"));
    event.put("object", "event");
    event.put("api_version", Stripe.API_VERSION);
    event.put("created", now());
    event.put("data", Map.of("object", new Json.Raw(dataObjectJson)));
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("request", request);
    event.put("type", type);
    return sign(Json.write(event));
  }

  /** Signs {@code payload} now with the fake's secret. */
  public Delivery sign(String payload) {
    return sign(payload, clock.now());
  }

  /** Signs {@code payload} as if sent at {@code signedAt} (in the past: a stale delivery). */
  public Delivery sign(String payload, Instant signedAt) {
    return sign(payload, signedAt, WEBHOOK_SECRET);
  }

  /**
   * Signs {@code payload} like Stripe: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload"
   * keyed with the secret>}. With another secret it makes a forged delivery.
   */
  public static Delivery sign(String payload, Instant signedAt, String secret) {
    long timestamp = signedAt.getEpochSecond();
    try {
      String signature = Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
      return new Delivery(payload, "t=" + timestamp + ",v1=" + signature);
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", impossible);
    }
  }

  /**
   * Posts {@code delivery} to a webhook endpoint the way Stripe does (JSON body, {@code
   * Stripe-Signature} header) and returns the endpoint's answer.
   */
  public static HttpResponse<String> deliver(Delivery delivery, URI endpoint) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .header("Stripe-Signature", delivery.signatureHeader())
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
            .build();
    try {
      return HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException failed) {
      throw new IllegalStateException("the webhook endpoint " + endpoint + " failed", failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering a webhook", interrupted);
    }
  }

  // ---------------------------------------------------------------- the HTTP side

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Map<String, String> params = parseForm(requestText(exchange));
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));

      Matcher payPage = PAY_PAGE_PATH.matcher(path);
      if (method.equals("GET") && payPage.matches()) {
        respond(exchange, new Answer(200, "text/html; charset=utf-8", payPage(payPage.group(1))));
        return;
      }
      Answer answer;
      Duration wait;
      synchronized (this) {
        requests.add(new RecordedRequest(method, path, params, headers));
        answer = answer(method, path, params, headers);
        wait = takeDelay();
      }
      if (!wait.isZero()) {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException stopping) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      respond(exchange, answer);
    } catch (RuntimeException bug) {
      respond(exchange, error(500, "api_error", null, "FakeStripe failed: " + bug, null));
    } finally {
      exchange.close();
    }
  }

  private Answer answer(
      String method, String path, Map<String, String> params, Map<String, String> headers) {
    String authorization = headers.getOrDefault("Authorization", "");
    if (!authorization.equals("Bearer " + API_KEY)) {
      return invalidApiKey(authorization);
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      return simulatedFailure(failureStatus);
    }
    if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
      return idempotently(method, path, params, headers, () -> createSession(params));
    }
    if (method.equals("POST") && path.equals("/v1/refunds")) {
      return idempotently(method, path, params, headers, () -> createRefund(params));
    }
    Matcher session = SESSION_PATH.matcher(path);
    if (method.equals("GET") && session.matches()) {
      return retrieveSession(URLDecoder.decode(session.group(1), StandardCharsets.UTF_8));
    }
    return error(
        404,
        "invalid_request_error",
        null,
        "Unrecognized request URL (" + method + ": " + path + ").",
        null);
  }

  /**
   * Stripe's idempotency: the first answer (if it succeeded) is kept under the key and replayed for
   * the same request; the same key with other parameters is refused.
   */
  private Answer idempotently(
      String method,
      String path,
      Map<String, String> params,
      Map<String, String> headers,
      Supplier<Answer> action) {
    String key = headers.get("Idempotency-Key");
    if (key == null) {
      return action.get();
    }
    String fingerprint = method + " " + path + " " + new TreeMap<>(params);
    Stored stored = idempotent.get(key);
    if (stored != null) {
      if (!stored.fingerprint().equals(fingerprint)) {
        return error(
            400,
            "idempotency_error",
            null,
            "Keys for idempotent requests can only be used with the same parameters they were first"
                + " used with. Try using a key other than '"
                + key
                + "' if you meant to execute a different request.",
            null);
      }
      return stored.answer().asReplay();
    }
    Answer answer = action.get();
    if (answer.status() < 300) {
      idempotent.put(key, new Stored(fingerprint, answer));
    }
    return answer;
  }

  private Answer createSession(Map<String, String> params) {
    if (!"payment".equals(params.get("mode"))) {
      return invalidParam("mode", "This fake only supports mode=payment.");
    }
    int count = lineItemCount(params);
    if (count == 0) {
      return invalidParam("line_items", "Missing required param: line_items.");
    }
    CheckoutSession session = new CheckoutSession();
    long total = 0;
    for (int i = 0; i < count; i++) {
      String prefix = "line_items[" + i + "]";
      String currency = params.get(prefix + "[price_data][currency]");
      String name = params.get(prefix + "[price_data][product_data][name]");
      Long unitAmount = integer(params.get(prefix + "[price_data][unit_amount]"));
      Long quantity = integer(params.get(prefix + "[quantity]"));
      if (currency == null || !currency.matches("[a-z]{3}")) {
        return invalidParam(prefix + "[price_data][currency]", "Invalid currency.");
      }
      if (name == null || name.isBlank()) {
        return invalidParam(
            prefix + "[price_data][product_data][name]",
            "Missing required param: " + prefix + "[price_data][product_data][name].");
      }
      if (unitAmount == null || unitAmount < 0) {
        return invalidParam(prefix + "[price_data][unit_amount]", "Invalid non-negative integer.");
      }
      if (quantity == null || quantity < 1) {
        return invalidParam(prefix + "[quantity]", "Invalid positive integer.");
      }
      if (session.currency != null && !session.currency.equals(currency)) {
        return invalidParam(
            prefix + "[price_data][currency]",
            "All line items must use the same currency; got "
                + session.currency
                + " and "
                + currency
                + ".");
      }
      session.currency = currency;
      total = Math.addExact(total, Math.multiplyExact(unitAmount, quantity));
    }
    session.id = newId("cs_test_");
    session.amountTotal = total;
    session.created = now();
    session.clientReferenceId = params.get("client_reference_id");
    session.customerEmail = params.get("customer_email");
    session.successUrl = params.get("success_url");
    session.cancelUrl = params.get("cancel_url");
    session.metadata.putAll(metadata(params));
    sessions.put(session.id, session);
    return ok(sessionJson(session));
  }

  private Answer retrieveSession(String id) {
    CheckoutSession session = sessions.get(id);
    if (session == null) {
      return error(
          404,
          "invalid_request_error",
          "resource_missing",
          "No such checkout.session: '" + id + "'",
          "session");
    }
    return ok(sessionJson(session));
  }

  private Answer createRefund(Map<String, String> params) {
    String paymentIntent = params.get("payment_intent");
    if (paymentIntent == null) {
      return invalidParam("payment_intent", "Missing required param: payment_intent.");
    }
    CheckoutSession session =
        sessions.values().stream()
            .filter(candidate -> paymentIntent.equals(candidate.paymentIntent))
            .findFirst()
            .orElse(null);
    if (session == null) {
      return error(
          400,
          "invalid_request_error",
          "resource_missing",
          "No such payment_intent: '" + paymentIntent + "'",
          "payment_intent");
    }
    if (!"paid".equals(session.paymentStatus)) {
      return error(
          400,
          "invalid_request_error",
          "charge_not_refundable",
          "This PaymentIntent (" + paymentIntent + ") does not have a successful charge to refund.",
          "payment_intent");
    }
    String reason = params.get("reason");
    if (reason != null && !REFUND_REASONS.contains(reason)) {
      return invalidParam("reason", "Invalid reason: must be one of " + REFUND_REASONS + ".");
    }
    long remaining = session.amountTotal - session.refunded;
    Long amount =
        params.containsKey("amount") ? integer(params.get("amount")) : Long.valueOf(remaining);
    if (amount == null || amount < 1) {
      return invalidParam("amount", "Invalid positive integer.");
    }
    if (amount > remaining) {
      return error(
          400,
          "invalid_request_error",
          "amount_too_large",
          "Refund amount ("
              + amount
              + " "
              + session.currency
              + ") is greater than unrefunded amount on charge ("
              + remaining
              + " "
              + session.currency
              + ").",
          "amount");
    }
    session.refunded += amount;
    Map<String, Object> refund = new LinkedHashMap<>();
    refund.put("id", newId("re_"));
    refund.put("object", "refund");
    refund.put("amount", amount);
    refund.put("charge", session.charge);
    refund.put("created", now());
    refund.put("currency", session.currency);
    refund.put("metadata", metadata(params));
    refund.put("payment_intent", paymentIntent);
    refund.put("reason", reason);
    refund.put("status", "succeeded");
    return ok(Json.write(refund));
  }

  private String sessionJson(CheckoutSession session) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", session.id);
    json.put("object", "checkout.session");
    json.put("amount_subtotal", session.amountTotal);
    json.put("amount_total", session.amountTotal);
    json.put("cancel_url", session.cancelUrl);
    json.put("client_reference_id", session.clientReferenceId);
    json.put("created", session.created);
    json.put("currency", session.currency);
    json.put("customer_email", session.customerEmail);
    json.put("expires_at", session.created + Duration.ofHours(24).toSeconds());
    json.put("livemode", false);
    json.put("metadata", session.metadata);
    json.put("mode", "payment");
    json.put("payment_intent", session.paymentIntent);
    json.put("payment_status", session.paymentStatus);
    json.put("status", session.status);
    json.put("success_url", session.successUrl);
    json.put("url", session.status.equals("open") ? baseUri + "/c/pay/" + session.id : null);
    return Json.write(json);
  }

  private String chargeJson(CheckoutSession session, long amountRefunded) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", session.charge);
    json.put("object", "charge");
    json.put("amount", session.amountTotal);
    json.put("amount_captured", session.amountTotal);
    json.put("amount_refunded", amountRefunded);
    json.put("captured", true);
    json.put("created", now());
    json.put("currency", session.currency);
    json.put("livemode", false);
    json.put("metadata", Map.of());
    json.put("paid", true);
    json.put("payment_intent", session.paymentIntent);
    json.put("refunded", amountRefunded >= session.amountTotal);
    json.put("status", "succeeded");
    return Json.write(json);
  }

  private Answer invalidApiKey(String authorization) {
    String key = authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    String masked =
        key.length() > 12 ? key.substring(0, 8) + "****" + key.substring(key.length() - 4) : "";
    return error(
        401,
        "invalid_request_error",
        null,
        key.isEmpty() ? "You did not provide an API key." : "Invalid API Key provided: " + masked,
        null);
  }

  private static Answer simulatedFailure(int status) {
    if (status >= 500) {
      return error(
          status, "api_error", null, "An unknown error occurred (simulated by FakeStripe).", null);
    }
    return switch (status) {
      case 401 -> error(401, "invalid_request_error", null, "Invalid API Key provided.", null);
      case 402 -> error(402, "card_error", "card_declined", "Your card was declined.", null);
      case 404 -> error(404, "invalid_request_error", "resource_missing", "No such object.", null);
      case 429 ->
          error(
              429,
              "invalid_request_error",
              "rate_limit",
              "Too many requests hit the API too quickly.",
              null);
      default ->
          error(
              status,
              "invalid_request_error",
              null,
              "The request was refused (simulated by FakeStripe).",
              null);
    };
  }

  private static Answer invalidParam(String param, String message) {
    return error(400, "invalid_request_error", "parameter_invalid", message, param);
  }

  private static Answer error(int status, String type, String code, String message, String param) {
    Map<String, Object> error = new LinkedHashMap<>();
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    error.put("type", type);
    return new Answer(status, "application/json", Json.write(Map.of("error", error)));
  }

  private static Answer ok(String json) {
    return new Answer(200, "application/json", json);
  }

  private Duration takeDelay() {
    if (delaysLeft == 0) {
      return Duration.ZERO;
    }
    delaysLeft--;
    return delay;
  }

  private static void respond(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.getResponseHeaders().set("Request-Id", newId("req_"));
    if (answer.replayed()) {
      exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
    }
    try {
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // The client timed out and closed the connection; Stripe would not notice either.
    }
  }

  private static String requestText(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET")) {
      String query = exchange.getRequestURI().getRawQuery();
      return query == null ? "" : query;
    }
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Stripe's form encoding: {@code key=value} pairs, keys with literal brackets. */
  private static Map<String, String> parseForm(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return params;
    }
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static int lineItemCount(Map<String, String> params) {
    int count = 0;
    for (String key : params.keySet()) {
      Matcher item = LINE_ITEM.matcher(key);
      if (item.matches()) {
        count = Math.max(count, Integer.parseInt(item.group(1)) + 1);
      }
    }
    return count;
  }

  private static Map<String, String> metadata(Map<String, String> params) {
    Map<String, String> metadata = new LinkedHashMap<>();
    params.forEach(
        (key, value) -> {
          if (key.startsWith("metadata[") && key.endsWith("]")) {
            metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
          }
        });
    return metadata;
  }

  private static Long integer(String text) {
    if (text == null || !text.matches("-?[0-9]{1,18}")) {
      return null;
    }
    return Long.valueOf(text);
  }

  private String payPage(String sessionId) {
    return "<!doctype html><title>FakeStripe checkout</title><p>FakeStripe checkout page for "
        + sessionId.replaceAll("[^A-Za-z0-9_]", "")
        + "</p>";
  }

  private long now() {
    return clock.now().getEpochSecond();
  }

  private CheckoutSession session(String sessionId) {
    CheckoutSession session = sessions.get(sessionId);
    if (session == null) {
      throw new IllegalStateException("FakeStripe has no session " + sessionId);
    }
    return session;
  }

  private CheckoutSession open(String sessionId) {
    CheckoutSession session = session(sessionId);
    if (!session.status.equals("open")) {
      throw new IllegalStateException(sessionId + " is " + session.status + ", not open");
    }
    return session;
  }

  private CheckoutSession awaitingPayment(String sessionId) {
    CheckoutSession session = session(sessionId);
    if (!session.status.equals("complete")
        || !session.paymentStatus.equals("unpaid")
        || session.asyncPaymentFailed) {
      throw new IllegalStateException(
          sessionId + " is not awaiting a delayed payment; call completeAwaitingPayment first");
    }
    return session;
  }

  private CheckoutSession byPaymentIntent(String paymentIntent) {
    return sessions.values().stream()
        .filter(candidate -> paymentIntent.equals(candidate.paymentIntent))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("FakeStripe has no payment intent " + paymentIntent));
  }

  private static String newId(String prefix) {
    StringBuilder id = new StringBuilder(prefix);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /** A session's state; only touched while holding the fake's lock. */
  private static final class CheckoutSession {
    String id;
    String currency;
    long amountTotal;
    long created;
    String clientReferenceId;
    String customerEmail;
    String successUrl;
    String cancelUrl;
    final Map<String, String> metadata = new LinkedHashMap<>();
    String status = "open";
    String paymentStatus = "unpaid";
    String paymentIntent;
    String charge;
    long refunded;
    boolean asyncPaymentFailed;
  }

  private record Answer(int status, String contentType, String body, boolean replayed) {
    Answer(int status, String contentType, String body) {
      this(status, contentType, body, false);
    }

    Answer asReplay() {
      return new Answer(status, contentType, body, true);
    }
  }

  private record Stored(String fingerprint, Answer answer) {}
}
