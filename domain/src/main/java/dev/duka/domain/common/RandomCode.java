package dev.duka.domain.common;

/**
 * Readable random codes in Crockford's base 32 (digits and upper-case letters without I, L, O and
 * U), so a code read aloud or typed from a receipt is not mistaken.
 */
public final class RandomCode {
  /** Crockford's alphabet: no I, L, O or U. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** The most characters one {@code long} of randomness can fill (5 bits each). */
  public static final int MAX_LENGTH = 12;

  private RandomCode() {}

  /**
   * Turns the low {@code 5 × length} bits of {@code randomBits} into {@code length} characters.
   *
   * @throws IllegalArgumentException when length is not between 1 and {@link #MAX_LENGTH}
   */
  public static String of(long randomBits, int length) {
    if (length < 1 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("length must be between 1 and " + MAX_LENGTH);
    }
    char[] code = new char[length];
    long bits = randomBits;
    for (int i = length - 1; i >= 0; i--) {
      code[i] = ALPHABET.charAt((int) (bits & 31));
      bits >>>= 5;
    }
    return new String(code);
  }
}
