package dev.duka.domain.money;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;

/** An amount does not fit in a {@code long} of minor units. */
public final class AmountOutOfRangeException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AmountOutOfRangeException(String detail) {
    super(ErrorCode.INVALID_VALUE, detail);
  }
}
