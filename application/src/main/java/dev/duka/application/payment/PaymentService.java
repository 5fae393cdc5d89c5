package dev.duka.application.payment;

import dev.duka.application.order.FullRefunds;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.ConflictException;
import dev.duka.domain.error.ForbiddenException;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.PaymentProviderException;
import dev.duka.domain.error.PaymentUnavailableException;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.Order;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.order.OrderLine;
import dev.duka.domain.order.OrderStatus;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.PaymentProvider;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.payment.Refund;
import dev.duka.domain.payment.RefundId;
import dev.duka.domain.payment.RefundStatus;
import dev.duka.domain.port.in.HandlePaymentWebhookUseCase;
import dev.duka.domain.port.in.ManagePaymentsUseCase;
import dev.duka.domain.port.in.OrderView;
import dev.duka.domain.port.in.PaymentView;
import dev.duka.domain.port.in.PaymentsUseCase;
import dev.duka.domain.port.out.AuditLog;
import dev.duka.domain.port.out.Clock;
import dev.duka.domain.port.out.IdGenerator;
import dev.duka.domain.port.out.OrderRepository;
import dev.duka.domain.port.out.PaymentGateway;
import dev.duka.domain.port.out.PaymentGateway.ChargeLine;
import dev.duka.domain.port.out.PaymentGateway.CheckoutOutcome;
import dev.duka.domain.port.out.PaymentGateway.RefundOutcome;
import dev.duka.domain.port.out.PaymentGateway.SessionOutcome;
import dev.duka.domain.port.out.PaymentGateway.SessionStatus;
import dev.duka.domain.port.out.PaymentRepository;
import dev.duka.domain.port.out.PaymentWebhooks;
import dev.duka.domain.port.out.PaymentWebhooks.PaymentEvent;
import dev.duka.domain.port.out.Transactions;
import dev.duka.domain.port.out.UserRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Money in and out. Provider calls never happen inside a transaction: what the provider answered is
 * recorded afterwards, and webhooks reconcile. Every change to a payment is conditional on its
 * version, so racing confirmations (the customer's verify and the webhook) settle it once.
 */
public final class PaymentService
    implements PaymentsUseCase, HandlePaymentWebhookUseCase, ManagePaymentsUseCase, FullRefunds {
  private final OrderRepository orders;
  private final PaymentRepository payments;
  private final UserRepository users;
  private final Optional<PaymentGateway> card;
  private final PaymentGateway manual;
  private final Optional<PaymentWebhooks> webhooks;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final IdGenerator ids;
  private final String frontendUrl;

  public PaymentService(
      OrderRepository orders,
      PaymentRepository payments,
      UserRepository users,
      Optional<PaymentGateway> card,
      PaymentGateway manual,
      Optional<PaymentWebhooks> webhooks,
      AuditLog audit,
      Transactions transactions,
      Clock clock,
      IdGenerator ids,
      String frontendUrl) {
    this.orders = orders;
    this.payments = payments;
    this.users = users;
    this.card = card;
    this.manual = manual;
    this.webhooks = webhooks;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.frontendUrl =
        frontendUrl.endsWith("/")
            ? frontendUrl.substring(0, frontendUrl.length() - 1)
            : frontendUrl;
  }

  // ---- checkout ---------------------------------------------------------------------------

  @Override
  public Checkout startCheckout(Caller caller, OrderId orderId) {
    PaymentGateway gateway = cardGateway();
    Order order = ownOrder(caller, orderId);
    requireCheckoutable(order);
    Optional<Payment> open =
        payments.findByOrder(orderId).stream()
            .filter(
                p -> p.provider() == PaymentProvider.STRIPE && p.status() == PaymentStatus.PENDING)
            .reduce((first, second) -> second);
    if (open.isPresent()) {
      SessionOutcome session = gateway.fetchSession(open.get().providerReference());
      if (session instanceof SessionOutcome.Found found) {
        if (found.status() == SessionStatus.OPEN) {
          return new Checkout(found.sessionId(), found.url());
        }
        if (found.paid()) {
          settlePaid(found.sessionId(), found.amountTotal(), found.paymentReference());
          throw new ConflictException("order " + order.number() + " is paid already");
        }
        if (found.status() == SessionStatus.EXPIRED) {
          settleFailed(found.sessionId());
        } else {
          // completed but awaiting a delayed payment method: wait for it, never open a second
          throw new ConflictException(
              "the payment of order " + order.number() + " is being processed; wait for it");
        }
      } else if (session instanceof SessionOutcome.Unreachable) {
        throw new PaymentProviderException("the payment provider did not answer; try again");
      } else {
        settleFailed(open.get().providerReference());
      }
    }
    int attempt =
        (int)
            payments.findByOrder(orderId).stream()
                .filter(p -> p.provider() == PaymentProvider.STRIPE)
                .count();
    CheckoutOutcome outcome =
        gateway.openCheckout(
            new PaymentGateway.CheckoutRequest(
                order.id(),
                order.number(),
                chargeLines(order),
                order.total(),
                users.findById(order.customerId()).orElseThrow().email().value(),
                frontendUrl + "/checkout/success?session_id={CHECKOUT_SESSION_ID}",
                frontendUrl + "/checkout/cancel?order_id=" + order.id(),
                "duka-checkout-" + order.id() + "-" + attempt));
    if (outcome instanceof CheckoutOutcome.Opened opened) {
      Instant now = clock.now();
      transactions.run(
          () -> {
            if (payments.findByProviderReference(opened.sessionId()).isEmpty()) {
              payments.insert(
                  Payment.start(
                      new PaymentId(ids.newId()),
                      order.id(),
                      PaymentProvider.STRIPE,
                      order.total(),
                      opened.sessionId(),
                      now));
            }
          });
      return new Checkout(opened.sessionId(), opened.url());
    }
    if (outcome instanceof CheckoutOutcome.Refused refused) {
      throw new PaymentProviderException("the payment provider refused: " + refused.reason());
    }
    throw new PaymentProviderException(
        "the payment provider did not answer; nothing was charged, try again");
  }

  @Override
  public PaymentView verifyCheckout(Caller caller, String sessionId) {
    PaymentGateway gateway = cardGateway();
    Payment payment = visibleSession(caller, sessionId);
    if (payment.status() == PaymentStatus.PENDING) {
      SessionOutcome session = gateway.fetchSession(sessionId);
      if (session instanceof SessionOutcome.Found found) {
        if (found.paid()) {
          settlePaid(sessionId, found.amountTotal(), found.paymentReference());
        } else if (found.status() == SessionStatus.EXPIRED) {
          settleFailed(sessionId);
        }
      } else if (session instanceof SessionOutcome.Unreachable) {
        throw new PaymentProviderException("the payment provider did not answer; try again");
      }
    }
    return view(payments.findByProviderReference(sessionId).orElseThrow());
  }

  @Override
  public PaymentView checkoutStatus(Caller caller, String sessionId) {
    return view(visibleSession(caller, sessionId));
  }

  @Override
  public List<PaymentView> paymentsOf(Caller caller, OrderId orderId) {
    visibleOrder(caller, orderId);
    return payments.findByOrder(orderId).stream().map(this::view).toList();
  }

  @Override
  public PaymentView payment(Caller caller, PaymentId id) {
    Payment payment = payments.findById(id).orElseThrow(() -> new NotFoundException("payment", id));
    visibleOrder(caller, payment.orderId());
    return view(payment);
  }

  // ---- webhooks ----------------------------------------------------------------------------

  @Override
  public void handle(String rawBody, String signatureHeader) {
    PaymentWebhooks reader =
        webhooks.orElseThrow(
            () -> new PaymentUnavailableException("payment webhooks are not configured"));
    PaymentEvent event = reader.read(rawBody, signatureHeader);
    retryOnce(
        () ->
            transactions.inTransaction(
                () -> {
                  if (!payments.recordEvent(event.id(), event.type(), clock.now())) {
                    return null;
                  }
                  apply(event);
                  return null;
                }));
  }

  private void apply(PaymentEvent event) {
    if (event instanceof PaymentEvent.CheckoutCompleted completed) {
      if (completed.paid()) {
        paidInTransaction(
            completed.sessionId(), completed.amountTotal(), completed.paymentReference());
      }
    } else if (event instanceof PaymentEvent.AsyncPaymentSucceeded succeeded) {
      paidInTransaction(
          succeeded.sessionId(), succeeded.amountTotal(), succeeded.paymentReference());
    } else if (event instanceof PaymentEvent.AsyncPaymentFailed failed) {
      failedInTransaction(failed.sessionId());
    } else if (event instanceof PaymentEvent.CheckoutExpired expired) {
      failedInTransaction(expired.sessionId());
    } else if (event instanceof PaymentEvent.PaymentFailed failed) {
      payments
          .findByPaymentReference(failed.paymentReference())
          .ifPresent(p -> failedInTransaction(p.providerReference()));
    } else if (event instanceof PaymentEvent.ChargeRefunded refunded) {
      payments
          .findByPaymentReference(refunded.paymentReference())
          .ifPresent(p -> reconcileRefunds(p, refunded.amountRefunded()));
    }
  }

  // ---- manual payments and refunds ----------------------------------------------------------

  @Override
  public OrderView markPaid(Caller caller, OrderId orderId) {
    requireAdmin(caller);
    return retryOnce(
        () ->
            transactions.inTransaction(
                () -> {
                  Instant now = clock.now();
                  Order order =
                      orders
                          .findById(orderId)
                          .orElseThrow(() -> new NotFoundException("order", orderId));
                  requireCheckoutable(order);
                  Payment payment =
                      Payment.start(
                              new PaymentId(ids.newId()),
                              orderId,
                              PaymentProvider.MANUAL,
                              order.total(),
                              "",
                              now)
                          .paid("", now);
                  payments.insert(payment);
                  order.recordPayment(PaymentStatus.PAID, caller.asActor(), now);
                  Order saved = orders.update(order);
                  audit.record(
                      new AuditLog.Entry(
                          caller.asActor(),
                          "order.marked_paid",
                          orderId.toString(),
                          Map.of(
                              "number", order.number().value(), "amount", order.total().toString()),
                          now));
                  return OrderView.of(saved);
                }));
  }

  @Override
  public PaymentView refund(Caller caller, OrderId orderId, String amount, String reason) {
    requireAdmin(caller);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new InvalidValueException("reason", "is required, at most 500 characters");
    }
    return refund(orderId, amount, why, caller.asActor());
  }

  @Override
  public void refundAll(OrderId orderId, String reason) {
    boolean paid =
        payments.findByOrder(orderId).stream().anyMatch(p -> p.refundable().isPositive());
    if (paid) {
      refund(orderId, null, reason.isBlank() ? "order cancelled" : reason, Actor.system());
    }
  }

  private PaymentView refund(OrderId orderId, String amountText, String reason, Actor actor) {
    record Prepared(Payment payment, Refund refund) {}
    Prepared prepared =
        transactions.inTransaction(
            () -> {
              Instant now = clock.now();
              orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
              Payment payment =
                  payments.findByOrder(orderId).stream()
                      .filter(p -> p.status().isCaptured() && p.refundable().isPositive())
                      .reduce((first, second) -> second)
                      .orElseThrow(
                          () -> new ConflictException("this order has no payment left to refund"));
              Money refundable = payment.refundable();
              Money money =
                  amountText == null ? refundable : Money.parse(amountText, refundable.currency());
              if (!money.isPositive()) {
                throw new InvalidValueException("amount", "must be more than zero");
              }
              if (money.isGreaterThan(refundable)) {
                throw new InvalidValueException(
                    "amount", "at most " + refundable + " can be refunded");
              }
              Optional<Refund> inFlight =
                  payments.refundsOf(payment.id()).stream()
                      .filter(r -> r.status() == RefundStatus.REQUESTED)
                      .findFirst();
              if (inFlight.isPresent()) {
                if (!inFlight.get().amount().equals(money)) {
                  throw new ConflictException(
                      "a refund of "
                          + inFlight.get().amount()
                          + " is still being made; retry it first");
                }
                return new Prepared(payment, inFlight.get());
              }
              Refund refund =
                  Refund.request(
                      new RefundId(ids.newId()), payment.id(), money, reason, actor, now);
              payments.insertRefund(refund);
              return new Prepared(payment, refund);
            });
    PaymentGateway gateway =
        prepared.payment().provider() == PaymentProvider.MANUAL ? manual : cardGateway();
    RefundOutcome outcome =
        gateway.refund(
            new PaymentGateway.RefundRequest(
                prepared.payment().paymentReference(),
                prepared.refund().amount(),
                prepared.refund().providerReason(),
                "duka-refund-" + prepared.refund().id()));
    if (outcome instanceof RefundOutcome.Succeeded succeeded) {
      retryOnce(
          () ->
              transactions.inTransaction(
                  () -> {
                    settleRefund(prepared.refund().id(), succeeded.refundReference(), actor);
                    return null;
                  }));
      return view(payments.findById(prepared.payment().id()).orElseThrow());
    }
    if (outcome instanceof RefundOutcome.Refused refused) {
      transactions.run(() -> payments.updateRefund(prepared.refund().failed(clock.now())));
      throw new PaymentProviderException(
          "the payment provider refused the refund: " + refused.reason());
    }
    throw new PaymentProviderException(
        "the payment provider did not answer; the refund is recorded and will not be made twice, try again");
  }

  /** Marks a requested refund succeeded and applies it to the payment and order; once. */
  private void settleRefund(RefundId refundId, String reference, Actor actor) {
    Refund refund = payments.findRefund(refundId).orElseThrow();
    if (refund.status() != RefundStatus.REQUESTED) {
      return;
    }
    Instant now = clock.now();
    payments.updateRefund(refund.succeeded(reference, now));
    Payment payment = payments.findById(refund.paymentId()).orElseThrow();
    applyRefunded(payments.update(payment.refunded(refund.amount(), now)), actor, now);
  }

  /**
   * Brings our refunds up to the provider's total: a refund we asked for and have not settled is
   * settled; anything beyond (a refund made in the provider's dashboard) is recorded as new.
   */
  private void reconcileRefunds(Payment payment, Money providerTotal) {
    Money missing = providerTotal.minus(payment.refunded());
    if (!missing.isPositive()) {
      return;
    }
    Instant now = clock.now();
    for (Refund requested : payments.refundsOf(payment.id())) {
      if (requested.status() == RefundStatus.REQUESTED
          && !requested.amount().isGreaterThan(missing)) {
        settleRefund(requested.id(), "", Actor.system());
        missing = missing.minus(requested.amount());
      }
    }
    if (missing.isPositive()) {
      Payment current = payments.findById(payment.id()).orElseThrow();
      Refund external =
          Refund.request(
                  new RefundId(ids.newId()),
                  current.id(),
                  missing,
                  "refunded at the payment provider",
                  Actor.system(),
                  now)
              .succeeded("", now);
      payments.insertRefund(external);
      applyRefunded(payments.update(current.refunded(missing, now)), Actor.system(), now);
    }
  }

  private void applyRefunded(Payment payment, Actor actor, Instant now) {
    Order order = orders.findById(payment.orderId()).orElseThrow();
    if (order.paymentStatus().canMoveTo(payment.status())) {
      order.recordPayment(payment.status(), actor, now);
    }
    if (payment.status() == PaymentStatus.REFUNDED
        && order.status().canMoveTo(OrderStatus.REFUNDED)) {
      order.moveTo(OrderStatus.REFUNDED, actor, "refunded in full", now);
    }
    orders.update(order);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("payment_id", payment.id().toString());
    data.put("refunded", payment.refunded().toString());
    audit.record(new AuditLog.Entry(actor, "payment.refunded", order.id().toString(), data, now));
  }

  // ---- settling ----------------------------------------------------------------------------

  /** Marks a session's payment paid and confirms its order, once; outside any transaction. */
  private void settlePaid(String sessionId, Money amount, String paymentReference) {
    retryOnce(
        () ->
            transactions.inTransaction(
                () -> {
                  paidInTransaction(sessionId, amount, paymentReference);
                  return null;
                }));
  }

  private void paidInTransaction(String sessionId, Money amount, String paymentReference) {
    Instant now = clock.now();
    Optional<Payment> found = payments.findByProviderReference(sessionId);
    if (found.isEmpty() || found.get().status().isCaptured()) {
      return;
    }
    Payment payment = found.get();
    if (!amount.equals(payment.amount())) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put("session_id", sessionId);
      data.put("expected", payment.amount().toString());
      data.put("charged", amount.toString());
      audit.record(
          new AuditLog.Entry(
              Actor.system(), "payment.amount_mismatch", payment.orderId().toString(), data, now));
      return;
    }
    payments.update(payment.paid(paymentReference, now));
    Order order = orders.findById(payment.orderId()).orElseThrow();
    if (order.paymentStatus().canMoveTo(PaymentStatus.PAID)) {
      order.recordPayment(PaymentStatus.PAID, Actor.system(), now);
      orders.update(order);
    }
    if (order.status() == OrderStatus.CANCELLED) {
      audit.record(
          new AuditLog.Entry(
              Actor.system(),
              "payment.captured_after_cancel",
              order.id().toString(),
              Map.of("session_id", sessionId),
              now));
    }
  }

  private void settleFailed(String sessionId) {
    retryOnce(
        () ->
            transactions.inTransaction(
                () -> {
                  failedInTransaction(sessionId);
                  return null;
                }));
  }

  /** A pending attempt failed or expired; a paid one is never moved back. */
  private void failedInTransaction(String sessionId) {
    Instant now = clock.now();
    Optional<Payment> found = payments.findByProviderReference(sessionId);
    if (found.isEmpty() || found.get().status() != PaymentStatus.PENDING) {
      return;
    }
    payments.update(found.get().failed(now));
    Order order = orders.findById(found.get().orderId()).orElseThrow();
    if (order.paymentStatus() == PaymentStatus.PENDING) {
      order.recordPayment(PaymentStatus.FAILED, Actor.system(), now);
      orders.update(order);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The order's lines, then tax and shipping as lines of their own: they add up to the total. */
  private static List<ChargeLine> chargeLines(Order order) {
    if (order.discount().isPositive()) {
      throw new ConflictException("orders with a discount cannot be paid by card yet");
    }
    List<ChargeLine> lines = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      lines.add(new ChargeLine(line.name(), line.unitPrice(), line.quantity()));
    }
    if (order.tax().isPositive()) {
      lines.add(new ChargeLine("Tax", order.tax(), 1));
    }
    if (order.shipping().isPositive()) {
      lines.add(new ChargeLine("Shipping", order.shipping(), 1));
    }
    return lines;
  }

  private static void requireCheckoutable(Order order) {
    if (order.paymentStatus().isCaptured()) {
      throw new ConflictException("order " + order.number() + " is paid already");
    }
    if (order.status() != OrderStatus.PENDING) {
      throw new ConflictException(
          "order "
              + order.number()
              + " is "
              + order.status().wireName()
              + "; only pending orders are paid");
    }
  }

  private PaymentGateway cardGateway() {
    return card.orElseThrow(
        () -> new PaymentUnavailableException("card payments are not configured for this shop"));
  }

  private Order ownOrder(Caller caller, OrderId id) {
    Order order = orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    if (!order.customerId().equals(caller.id())) {
      throw new NotFoundException("order", id);
    }
    return order;
  }

  private Order visibleOrder(Caller caller, OrderId id) {
    Order order = orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    if (!caller.isAdmin() && !order.customerId().equals(caller.id())) {
      throw new NotFoundException("order", id);
    }
    return order;
  }

  private Payment visibleSession(Caller caller, String sessionId) {
    Payment payment =
        payments
            .findByProviderReference(sessionId == null ? "" : sessionId)
            .orElseThrow(() -> new NotFoundException("checkout session", sessionId));
    visibleOrder(caller, payment.orderId());
    return payment;
  }

  private PaymentView view(Payment payment) {
    return PaymentView.of(payment, payments.refundsOf(payment.id()));
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("only administrators may do this");
    }
  }

  /** Runs {@code work}; when someone else changed the same rows meanwhile, runs it once more. */
  private static <T> T retryOnce(Supplier<T> work) {
    try {
      return work.get();
    } catch (ConcurrentUpdateException raced) {
      return work.get();
    }
  }
}
