package dev.duka.domain.port.in;

/** Acts on the provider's webhook calls. */
public interface HandlePaymentWebhookUseCase {

  /**
   * Verifies a webhook delivery and applies it once: a redelivered or concurrent copy of an event
   * changes nothing, and a late event never moves a payment backwards.
   *
   * @throws dev.duka.domain.port.out.PaymentWebhooks.InvalidWebhookException for a bad signature
   * @throws dev.duka.domain.error.PaymentUnavailableException when webhooks are not set up
   */
  void handle(String rawBody, String signatureHeader);
}
