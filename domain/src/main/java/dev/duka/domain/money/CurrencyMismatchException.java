package dev.duka.domain.money;

import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;
import java.util.Currency;

/** Two amounts in different currencies met in one computation. */
public final class CurrencyMismatchException extends DomainException {
  private static final long serialVersionUID = 1L;

  public CurrencyMismatchException(Currency expected, Currency actual) {
    super(
        ErrorCode.INVALID_VALUE,
        "cannot combine "
            + expected.getCurrencyCode()
            + " with "
            + actual.getCurrencyCode()
            + " amounts");
  }
}
