package dev.duka.domain.payment;

import dev.duka.domain.common.WireNames;

/**
 * Where a refund is: recorded before the provider is asked (so a crash in between can be found and
 * retried), then succeeded or failed.
 */
public enum RefundStatus {
  REQUESTED,
  SUCCEEDED,
  FAILED;

  public String wireName() {
    return WireNames.of(this);
  }
}
