package dev.duka.adapters.rest.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier.BaseVerification;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.port.out.TokenIssuer;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Access tokens as HS256 JWTs (java-jwt), and opaque tokens from {@link SecureRandom}.
 *
 * <p>Verification trusts nothing in the token's header: the algorithm is pinned to HS256 (so {@code
 * alg: none} and HS384/HS512 fail), and {@code kid}, {@code jku}, {@code jwk} and {@code x5u} are
 * never read, because the one key is ours. Every claim the server relies on must be present,
 * including {@code exp}, which java-jwt would otherwise let a token omit.
 */
public final class JwtTokenIssuer implements TokenIssuer {
  /** The audience of every access token: this API. */
  public static final String AUDIENCE = "duka-api";

  /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  /** Tolerated clock skew between the issuing and the verifying server. */
  static final Duration LEEWAY = Duration.ofSeconds(30);

  private static final String TOKEN_TYPE = "access";
  private static final int OPAQUE_BYTES = 32;

  private final Algorithm algorithm;
  private final String issuer;
  private final Duration accessTtl;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param secret the shared HS256 key; its UTF-8 bytes are the key
   * @param issuer the {@code iss} written into and required of every token
   * @param accessTtl how long an access token is valid
   * @throws IllegalArgumentException for a secret under {@value #MIN_SECRET_BYTES} bytes, a blank
   *     issuer or a lifetime that is not positive
   */
  public JwtTokenIssuer(String secret, String issuer, Duration accessTtl) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(accessTtl, "accessTtl");
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("the JWT issuer must not be blank");
    }
    if (accessTtl.isNegative() || accessTtl.isZero()) {
      throw new IllegalArgumentException("the access token lifetime must be positive");
    }
    this.algorithm = Algorithm.HMAC256(key);
    this.issuer = issuer;
    this.accessTtl = accessTtl;
  }

  @Override
  public AccessToken issueAccess(UserId userId, Role role, Instant now) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    // JWT times are whole seconds; truncating first makes expiresAt equal the exp claim.
    Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(accessTtl);
    String token =
        JWT.create()
            .withIssuer(issuer)
            .withAudience(AUDIENCE)
            .withSubject(userId.toString())
            .withClaim("role", role.wireName())
            .withClaim("typ", TOKEN_TYPE)
            .withIssuedAt(issuedAt)
            .withExpiresAt(expiresAt)
            .withJWTId(UUID.randomUUID().toString())
            .sign(algorithm);
    return new AccessToken(token, expiresAt);
  }

  @Override
  public AccessClaims verifyAccess(String token, Instant now) {
    Objects.requireNonNull(now, "now");
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("missing token");
    }
    DecodedJWT jwt;
    try {
      // A verifier per call, because java-jwt reads the time from a Clock given at build time;
      // build(Clock) is only on the implementation class, so the documented route is a cast.
      Verification checks =
          JWT.require(algorithm)
              .withIssuer(issuer)
              .withAudience(AUDIENCE)
              .withClaim("typ", TOKEN_TYPE)
              .withClaimPresence("exp")
              .withClaimPresence("iat")
              .withClaimPresence("sub")
              .withClaimPresence("role")
              .withClaimPresence("jti")
              .acceptLeeway(LEEWAY.toSeconds());
      jwt = ((BaseVerification) checks).build(Clock.fixed(now, ZoneOffset.UTC)).verify(token);
    } catch (JWTVerificationException failed) {
      throw new InvalidTokenException(reason(failed));
    }
    UserId userId;
    Role role;
    try {
      userId = UserId.parse(jwt.getSubject());
      role = Role.fromWire(jwt.getClaim("role").asString());
    } catch (InvalidValueException badClaim) {
      throw new InvalidTokenException("token subject or role invalid");
    }
    if (jwt.getId() == null) {
      throw new InvalidTokenException("token claim invalid: jti");
    }
    return new AccessClaims(userId, role, jwt.getId(), jwt.getIssuedAtAsInstant());
  }

  @Override
  public OpaqueToken newOpaqueToken() {
    byte[] bytes = new byte[OPAQUE_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new OpaqueToken(token, hashOpaque(token));
  }

  /**
   * SHA-256 in lower-case hex. No salt or stretching: the token already carries 256 random bits, so
   * the hash only keeps a database leak from yielding usable tokens.
   */
  @Override
  public String hashOpaque(String token) {
    Objects.requireNonNull(token, "token");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform provides SHA-256", impossible);
    }
  }

  private static String reason(JWTVerificationException failed) {
    if (failed instanceof TokenExpiredException) {
      return "token expired";
    }
    if (failed instanceof AlgorithmMismatchException) {
      return "token algorithm not accepted";
    }
    if (failed instanceof SignatureVerificationException) {
      return "token signature invalid";
    }
    if (failed instanceof MissingClaimException missing) {
      return "token claim missing: " + missing.getClaimName();
    }
    if (failed instanceof IncorrectClaimException incorrect) {
      return "token claim invalid: " + incorrect.getClaimName();
    }
    if (failed instanceof JWTDecodeException) {
      return "token malformed";
    }
    return "token invalid";
  }
}
