package dev.duka.bootstrap.payment;

import dev.duka.domain.port.out.PaymentGateway;

/**
 * Cash on delivery or bank transfer: there is no hosted checkout (an administrator marks the order
 * paid), and a refund is money handed back by the shop, which succeeds as soon as it is recorded.
 */
public final class ManualPaymentGateway implements PaymentGateway {

  @Override
  public CheckoutOutcome openCheckout(CheckoutRequest request) {
    return new CheckoutOutcome.Refused(
        "manual payments have no checkout page; the shop marks the order paid");
  }

  @Override
  public SessionOutcome fetchSession(String sessionId) {
    return new SessionOutcome.NotFound();
  }

  @Override
  public RefundOutcome refund(RefundRequest request) {
    return new RefundOutcome.Succeeded("manual");
  }
}
