package dev.duka.domain.testing;

import dev.duka.domain.money.Money;
import dev.duka.domain.port.out.PaymentGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A card provider in memory for use-case tests: sessions keyed by idempotency key (the same key
 * opens the same session), sessions the test completes or expires, refunds recorded, and outages
 * switched on and off. The Stripe adapter has its own tests against a local Stripe fake.
 */
public final class ScriptedPaymentGateway implements PaymentGateway {
  private record Session(
      String id,
      CheckoutRequest request,
      SessionStatus status,
      boolean paid,
      String paymentReference) {}

  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, String> byKey = new LinkedHashMap<>();
  private final Map<String, RefundRequest> refunds = new LinkedHashMap<>();
  private final List<CheckoutRequest> opened = new ArrayList<>();
  private boolean down;

  @Override
  public synchronized CheckoutOutcome openCheckout(CheckoutRequest request) {
    if (down) {
      return new CheckoutOutcome.Unreachable("scripted outage");
    }
    String id =
        byKey.computeIfAbsent(request.idempotencyKey(), k -> "cs_test_" + (sessions.size() + 1));
    sessions.putIfAbsent(id, new Session(id, request, SessionStatus.OPEN, false, ""));
    opened.add(request);
    return new CheckoutOutcome.Opened(id, "https://checkout.test/" + id);
  }

  @Override
  public synchronized SessionOutcome fetchSession(String sessionId) {
    if (down) {
      return new SessionOutcome.Unreachable("scripted outage");
    }
    Session s = sessions.get(sessionId);
    if (s == null) {
      return new SessionOutcome.NotFound();
    }
    return new SessionOutcome.Found(
        s.id(),
        s.status(),
        s.paid(),
        s.request().total(),
        s.paymentReference(),
        s.request().orderId().toString(),
        s.status() == SessionStatus.OPEN ? "https://checkout.test/" + s.id() : "");
  }

  @Override
  public synchronized RefundOutcome refund(RefundRequest request) {
    if (down) {
      return new RefundOutcome.Unreachable("scripted outage");
    }
    refunds.putIfAbsent(request.idempotencyKey(), request);
    return new RefundOutcome.Succeeded("re_" + request.idempotencyKey());
  }

  /** The customer paid: the session completes with a payment reference. */
  public synchronized String complete(String sessionId) {
    Session s = sessions.get(sessionId);
    String reference = "pi_" + sessionId;
    sessions.put(
        sessionId, new Session(s.id(), s.request(), SessionStatus.COMPLETE, true, reference));
    return reference;
  }

  public synchronized void expire(String sessionId) {
    Session s = sessions.get(sessionId);
    sessions.put(sessionId, new Session(s.id(), s.request(), SessionStatus.EXPIRED, false, ""));
  }

  public synchronized void outage(boolean on) {
    this.down = on;
  }

  /** Every checkout request received, retries included. */
  public synchronized List<CheckoutRequest> opened() {
    return List.copyOf(opened);
  }

  /** The amounts refunded, one per distinct idempotency key. */
  public synchronized List<Money> refunded() {
    return refunds.values().stream().map(RefundRequest::amount).toList();
  }
}
