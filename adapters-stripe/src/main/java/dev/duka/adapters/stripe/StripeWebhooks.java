package dev.duka.adapters.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.PaymentWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies Stripe's webhook deliveries and reads the events Duka acts on.
 *
 * <p>The {@code Stripe-Signature} header is checked with stripe-java against the raw body and the
 * endpoint's signing secret, with Stripe's default tolerance of {@value #TOLERANCE_SECONDS} s on
 * its timestamp, so a captured delivery cannot be replayed later. The tolerance is a constant on
 * purpose: stripe-java skips the timestamp check altogether when given a tolerance of 0 or less.
 * Time comes from the domain's {@link Clock}, so tests can move it.
 */
public final class StripeWebhooks implements PaymentWebhooks {
  /** Stripe's default: a delivery signed more than five minutes ago is refused. */
  public static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

  /** A real header is about 100 characters; a larger one is not worth parsing. */
  private static final int MAX_HEADER_LENGTH = 4096;

  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,18}");

  private final String signingSecret;
  private final Clock clock;

  /**
   * @param signingSecret the endpoint's signing secret ({@code whsec_...}), used as given
   * @param clock the current time, for the timestamp check
   * @throws IllegalArgumentException when the secret is blank
   */
  public StripeWebhooks(String signingSecret, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Stripe webhook signing secret is blank");
    }
    this.signingSecret = signingSecret;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public PaymentEvent read(String rawBody, String signatureHeader) {
    Event event = verified(rawBody == null ? "" : rawBody, signatureHeader);
    String id = event.getId();
    String type = event.getType();
    if (id == null || type == null || event.getCreated() == null) {
      throw new InvalidWebhookException("the event has no id, type or created time");
    }
    Instant created = Instant.ofEpochSecond(event.getCreated());
    return switch (type) {
      case "checkout.session.completed" -> {
        Session session = dataObject(event, Session.class);
        yield new PaymentEvent.CheckoutCompleted(
            id,
            type,
            created,
            required(session.getId(), event, "id"),
            StripePaymentGateway.isPaid(session.getPaymentStatus()),
            amountTotal(session, event),
            orEmpty(session.getPaymentIntent()),
            orEmpty(session.getClientReferenceId()));
      }
      case "checkout.session.async_payment_succeeded" -> {
        Session session = dataObject(event, Session.class);
        yield new PaymentEvent.AsyncPaymentSucceeded(
            id,
            type,
            created,
            required(session.getId(), event, "id"),
            amountTotal(session, event),
            orEmpty(session.getPaymentIntent()),
            orEmpty(session.getClientReferenceId()));
      }
      case "checkout.session.async_payment_failed" ->
          new PaymentEvent.AsyncPaymentFailed(
              id, type, created, required(dataObject(event, Session.class).getId(), event, "id"));
      case "checkout.session.expired" ->
          new PaymentEvent.CheckoutExpired(
              id, type, created, required(dataObject(event, Session.class).getId(), event, "id"));
      case "charge.refunded" -> {
        Charge charge = dataObject(event, Charge.class);
        yield new PaymentEvent.ChargeRefunded(
            id,
            type,
            created,
            orEmpty(charge.getPaymentIntent()),
            amount(charge.getAmountRefunded(), charge.getCurrency(), event, "amount_refunded"));
      }
      case "payment_intent.payment_failed" ->
          new PaymentEvent.PaymentFailed(
              id,
              type,
              created,
              required(dataObject(event, PaymentIntent.class).getId(), event, "id"));
      default -> new PaymentEvent.Ignored(id, type, created);
    };
  }

  /** The event, once the header proves Stripe signed exactly this body within the tolerance. */
  private Event verified(String rawBody, String signatureHeader) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new InvalidWebhookException("the Stripe-Signature header is missing");
    }
    requireWellFormed(signatureHeader);
    java.time.Clock now = java.time.Clock.fixed(clock.now(), ZoneOffset.UTC);
    try {
      return Webhook.constructEvent(
          rawBody, signatureHeader, signingSecret, TOLERANCE_SECONDS, now);
    } catch (SignatureVerificationException refused) {
      throw new InvalidWebhookException(signatureProblem(refused), refused);
    } catch (RuntimeException unreadable) {
      // The header was checked above, so what fails now is the signed body: not JSON, not an
      // object, or an event stripe-java cannot read (a v2 "thin" event, for one).
      throw new InvalidWebhookException(
          "the webhook body is not a Stripe event: " + unreadable.getClass().getSimpleName(),
          unreadable);
    }
  }

  /**
   * Refuses a header stripe-java would trip over with an unchecked exception: {@code t} or {@code
   * v1} without a value, or a timestamp that is not a number.
   */
  private static void requireWellFormed(String header) {
    if (header.length() > MAX_HEADER_LENGTH) {
      throw new InvalidWebhookException("the Stripe-Signature header is too long");
    }
    for (String item : header.split(",", -1)) {
      int equals = item.indexOf('=');
      String key = equals < 0 ? item : item.substring(0, equals);
      if (key.equals("t") || key.equals("v1")) {
        if (equals < 0) {
          throw new InvalidWebhookException("the Stripe-Signature header is malformed");
        }
        if (key.equals("t") && !TIMESTAMP.matcher(item.substring(equals + 1)).matches()) {
          throw new InvalidWebhookException("the Stripe-Signature timestamp is not a number");
        }
      }
    }
  }

  private static String signatureProblem(SignatureVerificationException refused) {
    String message = String.valueOf(refused.getMessage());
    if (message.startsWith("Timestamp outside the tolerance zone")) {
      return "the Stripe-Signature timestamp is more than "
          + Duration.ofSeconds(TOLERANCE_SECONDS).toMinutes()
          + " minutes old";
    }
    if (message.startsWith("No signatures found matching")) {
      return "the Stripe-Signature does not match the body (another secret, or a changed body)";
    }
    if (message.startsWith("No signatures found with expected scheme")) {
      return "the Stripe-Signature header has no v1 signature";
    }
    if (message.startsWith("Unable to extract timestamp")) {
      return "the Stripe-Signature header has no timestamp";
    }
    return "the Stripe-Signature could not be verified";
  }

  /**
   * The event's {@code data.object} as the expected type. stripe-java reads it safely only when the
   * event's API version matches the library's; for events of an older or newer version (an endpoint
   * pinned to another version) and for events without one, it is read anyway, which holds for the
   * few long-stable fields Duka uses.
   */
  private static <T extends StripeObject> T dataObject(Event event, Class<T> type) {
    if (event.getData() == null) {
      throw new InvalidWebhookException("event " + event.getId() + " has no data object");
    }
    StripeObject object;
    try {
      EventDataObjectDeserializer data = event.getDataObjectDeserializer();
      Optional<StripeObject> safe =
          event.getApiVersion() == null ? Optional.empty() : data.getObject();
      object = safe.isPresent() ? safe.get() : data.deserializeUnsafe();
    } catch (EventDataObjectDeserializationException | RuntimeException unreadable) {
      throw new InvalidWebhookException(
          "the data object of event " + event.getId() + " cannot be read", unreadable);
    }
    if (!type.isInstance(object)) {
      throw new InvalidWebhookException(
          "event "
              + event.getId()
              + " ("
              + event.getType()
              + ") does not carry a "
              + type.getSimpleName());
    }
    return type.cast(object);
  }

  private static Money amountTotal(Session session, Event event) {
    return amount(session.getAmountTotal(), session.getCurrency(), event, "amount_total");
  }

  private static Money amount(Long units, String currency, Event event, String field) {
    if (units == null || currency == null) {
      throw new InvalidWebhookException(
          "event " + event.getId() + " has no " + field + " or currency");
    }
    try {
      return StripeAmounts.fromStripe(units, currency);
    } catch (IllegalArgumentException unreadable) {
      throw new InvalidWebhookException(
          "event " + event.getId() + ": " + unreadable.getMessage(), unreadable);
    }
  }

  private static String required(String value, Event event, String field) {
    if (value == null || value.isEmpty()) {
      throw new InvalidWebhookException(
          "the data object of event " + event.getId() + " has no " + field);
    }
    return value;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
