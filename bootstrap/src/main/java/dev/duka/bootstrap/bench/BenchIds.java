package dev.duka.bootstrap.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The ids of seeded rows, derived from their number as PostgreSQL derives them: {@code
 * md5('duka-bench-product-' || n)::uuid}. They look as random as the server's own ids (so indexes
 * behave as in production), yet a pgbench script can compute the id of product {@code n} inline,
 * without a lookup that the HTTP side does not pay.
 */
public final class BenchIds {
  static final String PRODUCT = "duka-bench-product-";
  static final String CATEGORY = "duka-bench-category-";
  static final String USER = "duka-bench-user-";

  private BenchIds() {}

  /** Product {@code n} (1-based). */
  public static UUID product(long n) {
    return of(PRODUCT, n);
  }

  /** Category {@code n} (1-based). */
  public static UUID category(long n) {
    return of(CATEGORY, n);
  }

  /** User {@code n} (1-based). */
  public static UUID user(long n) {
    return of(USER, n);
  }

  /** What {@code md5(prefix || n)::uuid} gives in PostgreSQL. */
  static UUID of(String prefix, long n) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest((prefix + n).getBytes(StandardCharsets.US_ASCII));
      String hex = HexFormat.of().formatHex(digest);
      return UUID.fromString(
          hex.substring(0, 8)
              + "-"
              + hex.substring(8, 12)
              + "-"
              + hex.substring(12, 16)
              + "-"
              + hex.substring(16, 20)
              + "-"
              + hex.substring(20));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}
