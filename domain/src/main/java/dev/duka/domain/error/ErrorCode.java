package dev.duka.domain.error;

/**
 * Every reason the system reports on purpose. The REST adapter maps each one to an HTTP status with
 * an exhaustive switch, so a new code does not compile until it is mapped.
 */
public enum ErrorCode {
  /** A value broke a rule of the domain (bad amount, bad SKU, bad address...). */
  INVALID_VALUE,
  /** The thing does not exist, or the caller may not see it. */
  NOT_FOUND,
  /** A lifecycle move that its transition table forbids. */
  ILLEGAL_TRANSITION,
  /** The state of an object forbids the request (not editable, still in use...). */
  CONFLICT,
  /** A unique business key (email, SKU, slug) is already taken. */
  DUPLICATE,
  /** Not enough stock for one or more lines. */
  OUT_OF_STOCK,
  /** Someone else changed the object since it was read. */
  CONCURRENT_UPDATE,
  /** The caller is not authenticated, or the credentials are wrong. */
  UNAUTHENTICATED,
  /** The caller is authenticated but not allowed to do this. */
  FORBIDDEN,
  /** An upload is larger than allowed, in bytes or in pixels. */
  TOO_LARGE,
  /** The caller asked too often. */
  RATE_LIMITED,
  /** No payment provider is configured for this request. */
  PAYMENT_UNAVAILABLE,
  /** The payment provider failed or did not answer. */
  PAYMENT_PROVIDER_FAILED,
  /** A dependency the system needs (the database) cannot be reached right now. */
  UNAVAILABLE
}
