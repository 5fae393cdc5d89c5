package dev.duka.domain.payment;

import dev.duka.domain.money.Money;
import dev.duka.domain.user.Actor;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Money going back for a payment. {@code reason} is the shop's free text; {@code providerReason}
 * the provider's own word for it ({@code requested_by_customer} unless the reason is one of
 * Stripe's: {@code duplicate}, {@code fraudulent}).
 */
public record Refund(
    RefundId id,
    PaymentId paymentId,
    Money amount,
    String reason,
    String providerReason,
    RefundStatus status,
    String providerReference,
    Actor requestedBy,
    Instant createdAt,
    Instant updatedAt) {
  private static final Set<String> PROVIDER_REASONS =
      Set.of("requested_by_customer", "duplicate", "fraudulent");

  public Refund {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(providerReason, "providerReason");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(requestedBy, "requestedBy");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a refund is of a positive amount");
    }
  }

  /** A refund about to be asked for. */
  public static Refund request(
      RefundId id, PaymentId paymentId, Money amount, String reason, Actor by, Instant at) {
    String word = reason.strip().toLowerCase(Locale.ROOT);
    return new Refund(
        id,
        paymentId,
        amount,
        reason,
        PROVIDER_REASONS.contains(word) ? word : "requested_by_customer",
        RefundStatus.REQUESTED,
        "",
        by,
        at,
        at);
  }

  public Refund succeeded(String reference, Instant at) {
    return new Refund(
        id,
        paymentId,
        amount,
        reason,
        providerReason,
        RefundStatus.SUCCEEDED,
        reference,
        requestedBy,
        createdAt,
        at);
  }

  public Refund failed(Instant at) {
    return new Refund(
        id,
        paymentId,
        amount,
        reason,
        providerReason,
        RefundStatus.FAILED,
        providerReference,
        requestedBy,
        createdAt,
        at);
  }
}
