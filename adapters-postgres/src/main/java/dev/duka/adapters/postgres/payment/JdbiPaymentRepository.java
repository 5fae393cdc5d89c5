package dev.duka.adapters.postgres.payment;

import dev.duka.adapters.postgres.DatabaseErrors;
import dev.duka.adapters.postgres.Sql;
import dev.duka.domain.error.ConcurrentUpdateException;
import dev.duka.domain.error.DuplicateException;
import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.money.Money;
import dev.duka.domain.order.OrderId;
import dev.duka.domain.payment.Payment;
import dev.duka.domain.payment.PaymentId;
import dev.duka.domain.payment.PaymentProvider;
import dev.duka.domain.payment.PaymentStatus;
import dev.duka.domain.payment.Refund;
import dev.duka.domain.payment.RefundId;
import dev.duka.domain.payment.RefundStatus;
import dev.duka.domain.port.out.PaymentRepository;
import dev.duka.domain.user.Actor;
import dev.duka.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Payments in {@code payments}, refunds in {@code refunds}, handled events in {@code stripe_events}
 * (whose primary key makes each event count once).
 */
public final class JdbiPaymentRepository implements PaymentRepository {
  private static final String PAYMENT =
      "SELECT id, order_id, provider, status, currency, amount_minor, refunded_minor,"
          + " provider_reference, payment_reference, created_at, updated_at, version FROM payments";
  private static final String REFUND =
      "SELECT id, payment_id, currency, amount_minor, reason, provider_reason, status,"
          + " provider_reference, created_by, created_at, updated_at FROM refunds";

  private final Jdbi jdbi;

  public JdbiPaymentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void insert(Payment p) {
    try {
      Sql.run(
          jdbi,
          h ->
              h.createUpdate(
                      "INSERT INTO payments (id, order_id, provider, status, currency, amount_minor,"
                          + " refunded_minor, provider_reference, payment_reference, created_at,"
                          + " updated_at, version) VALUES (:id, :order, :provider, :status, :currency,"
                          + " :amount, :refunded, :reference, :payment, :created, :updated, :version)")
                  .bind("id", p.id().value())
                  .bind("order", p.orderId().value())
                  .bind("provider", p.provider().wireName())
                  .bind("status", p.status().wireName())
                  .bind("currency", p.amount().currency().getCurrencyCode())
                  .bind("amount", p.amount().minor())
                  .bind("refunded", p.refunded().minor())
                  .bind("reference", p.providerReference())
                  .bind("payment", p.paymentReference())
                  .bind("created", p.createdAt())
                  .bind("updated", p.updatedAt())
                  .bind("version", p.version())
                  .execute());
    } catch (RuntimeException failure) {
      if (DatabaseErrors.violatesUnique(failure, "payments_provider_reference_key")) {
        throw new DuplicateException("provider_reference", "this provider reference is stored");
      }
      throw failure;
    }
  }

  @Override
  public Optional<Payment> findById(PaymentId id) {
    return one(PAYMENT + " WHERE id = :value", id.value());
  }

  @Override
  public Optional<Payment> findByProviderReference(String reference) {
    return reference.isEmpty()
        ? Optional.empty()
        : one(PAYMENT + " WHERE provider_reference = :value", reference);
  }

  @Override
  public Optional<Payment> findByPaymentReference(String reference) {
    return reference.isEmpty()
        ? Optional.empty()
        : one(PAYMENT + " WHERE payment_reference = :value", reference);
  }

  private Optional<Payment> one(String sql, Object value) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(sql)
                .bind("value", value)
                .map(JdbiPaymentRepository::payment)
                .findFirst());
  }

  @Override
  public List<Payment> findByOrder(OrderId orderId) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(PAYMENT + " WHERE order_id = :order ORDER BY created_at, id")
                .bind("order", orderId.value())
                .map(JdbiPaymentRepository::payment)
                .list());
  }

  @Override
  public Payment update(Payment p) {
    int changed =
        Sql.call(
            jdbi,
            h ->
                h.createUpdate(
                        "UPDATE payments SET status = :status, refunded_minor = :refunded,"
                            + " provider_reference = :reference, payment_reference = :payment,"
                            + " updated_at = :updated, version = version + 1"
                            + " WHERE id = :id AND version = :version")
                    .bind("id", p.id().value())
                    .bind("status", p.status().wireName())
                    .bind("refunded", p.refunded().minor())
                    .bind("reference", p.providerReference())
                    .bind("payment", p.paymentReference())
                    .bind("updated", p.updatedAt())
                    .bind("version", p.version())
                    .execute());
    if (changed == 0) {
      if (findById(p.id()).isEmpty()) {
        throw new NotFoundException("payment", p.id());
      }
      throw new ConcurrentUpdateException("payment", p.id());
    }
    return new Payment(
        p.id(),
        p.orderId(),
        p.provider(),
        p.status(),
        p.amount(),
        p.refunded(),
        p.providerReference(),
        p.paymentReference(),
        p.createdAt(),
        p.updatedAt(),
        p.version() + 1);
  }

  @Override
  public void insertRefund(Refund r) {
    Sql.run(
        jdbi,
        h ->
            h.createUpdate(
                    "INSERT INTO refunds (id, payment_id, currency, amount_minor, reason,"
                        + " provider_reason, status, provider_reference, created_by, created_at,"
                        + " updated_at) VALUES (:id, :payment, :currency, :amount, :reason,"
                        + " :providerReason, :status, :reference, :by, :created, :updated)")
                .bind("id", r.id().value())
                .bind("payment", r.paymentId().value())
                .bind("currency", r.amount().currency().getCurrencyCode())
                .bind("amount", r.amount().minor())
                .bind("reason", r.reason())
                .bind("providerReason", r.providerReason())
                .bind("status", r.status().wireName())
                .bind("reference", r.providerReference())
                .bind("by", r.requestedBy().userId().map(UserId::value).orElse(null))
                .bind("created", r.createdAt())
                .bind("updated", r.updatedAt())
                .execute());
  }

  @Override
  public void updateRefund(Refund r) {
    int changed =
        Sql.call(
            jdbi,
            h ->
                h.createUpdate(
                        "UPDATE refunds SET status = :status, provider_reference = :reference,"
                            + " updated_at = :updated WHERE id = :id")
                    .bind("id", r.id().value())
                    .bind("status", r.status().wireName())
                    .bind("reference", r.providerReference())
                    .bind("updated", r.updatedAt())
                    .execute());
    if (changed == 0) {
      throw new NotFoundException("refund", r.id());
    }
  }

  @Override
  public Optional<Refund> findRefund(RefundId id) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(REFUND + " WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiPaymentRepository::refund)
                .findFirst());
  }

  @Override
  public List<Refund> refundsOf(PaymentId paymentId) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(REFUND + " WHERE payment_id = :payment ORDER BY created_at, id")
                .bind("payment", paymentId.value())
                .map(JdbiPaymentRepository::refund)
                .list());
  }

  @Override
  public boolean recordEvent(String eventId, String type, Instant at) {
    return Sql.call(
        jdbi,
        h ->
            h.createQuery(
                    "INSERT INTO stripe_events (event_id, type, received_at, processed_at)"
                        + " VALUES (:id, :type, :at, :at) ON CONFLICT (event_id) DO NOTHING RETURNING 1")
                .bind("id", eventId)
                .bind("type", type)
                .bind("at", at)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
  }

  private static Payment payment(ResultSet rs, StatementContext ctx) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency"));
    return new Payment(
        new PaymentId(rs.getObject("id", UUID.class)),
        new OrderId(rs.getObject("order_id", UUID.class)),
        PaymentProvider.valueOf(rs.getString("provider").toUpperCase(Locale.ROOT)),
        PaymentStatus.fromWire(rs.getString("status")),
        Money.of(rs.getLong("amount_minor"), currency),
        Money.of(rs.getLong("refunded_minor"), currency),
        rs.getString("provider_reference"),
        rs.getString("payment_reference"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static Refund refund(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID by = rs.getObject("created_by", UUID.class);
    return new Refund(
        new RefundId(rs.getObject("id", UUID.class)),
        new PaymentId(rs.getObject("payment_id", UUID.class)),
        Money.of(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
        rs.getString("reason"),
        rs.getString("provider_reason"),
        RefundStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getString("provider_reference"),
        by == null ? Actor.system() : Actor.user(new UserId(by)),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }
}
