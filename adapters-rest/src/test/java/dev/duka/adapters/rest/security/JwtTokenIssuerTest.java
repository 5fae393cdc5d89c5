package dev.duka.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.duka.domain.port.out.TokenIssuer.AccessClaims;
import dev.duka.domain.port.out.TokenIssuer.AccessToken;
import dev.duka.domain.port.out.TokenIssuer.InvalidTokenException;
import dev.duka.domain.port.out.TokenIssuer.OpaqueToken;
import dev.duka.domain.user.Role;
import dev.duka.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JwtTokenIssuerTest {
  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
  private static final String OTHER_SECRET = "an-attacker-secret-that-is-also-long-enough";
  private static final String ISSUER = "duka";
  private static final Duration TTL = Duration.ofMinutes(15);
  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final UserId USER =
      new UserId(UUID.fromString("0b7e6c1a-3f7e-4c55-9a39-1c8d2c1b7a10"));

  private final JwtTokenIssuer issuer = new JwtTokenIssuer(SECRET, ISSUER, TTL);

  @Test
  void aValidTokenRoundTripsItsClaims() {
    AccessToken token = issuer.issueAccess(USER, Role.ADMIN, NOW);

    AccessClaims claims = issuer.verifyAccess(token.token(), NOW.plusSeconds(60));

    assertThat(token.expiresAt()).isEqualTo(NOW.plus(TTL));
    assertThat(claims.userId()).isEqualTo(USER);
    assertThat(claims.role()).isEqualTo(Role.ADMIN);
    assertThat(claims.issuedAt()).isEqualTo(NOW);
    assertThat(UUID.fromString(claims.tokenId())).isNotNull();
  }

  @Test
  void anIssuedTokenCarriesTheContractedClaims() {
    var decoded = JWT.decode(issuer.issueAccess(USER, Role.USER, NOW).token());

    assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
    assertThat(decoded.getIssuer()).isEqualTo(ISSUER);
    assertThat(decoded.getAudience()).containsExactly("duka-api");
    assertThat(decoded.getSubject()).isEqualTo(USER.toString());
    assertThat(decoded.getClaim("role").asString()).isEqualTo("user");
    assertThat(decoded.getClaim("typ").asString()).isEqualTo("access");
    assertThat(decoded.getIssuedAtAsInstant()).isEqualTo(NOW);
    assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(NOW.plus(TTL));
  }

  @Test
  void eachTokenHasItsOwnId() {
    String first = issuer.issueAccess(USER, Role.USER, NOW).token();
    String second = issuer.issueAccess(USER, Role.USER, NOW).token();

    assertThat(issuer.verifyAccess(first, NOW).tokenId())
        .isNotEqualTo(issuer.verifyAccess(second, NOW).tokenId());
  }

  @Test
  void refusesAnUnsignedTokenWithAlgNone() {
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload = payloadOf(issuer.issueAccess(USER, Role.ADMIN, NOW).token());

    assertRefused(header + "." + payload + ".", "algorithm");
  }

  @Test
  void refusesAChangedPayloadUnderTheOldSignature() {
    String[] parts = issuer.issueAccess(USER, Role.USER, NOW).token().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String elevated = base64Url(payload.replace("\"role\":\"user\"", "\"role\":\"admin\""));
    assertThat(elevated).isNotEqualTo(parts[1]);

    assertRefused(parts[0] + "." + elevated + "." + parts[2], "signature");
  }

  @Test
  void refusesATokenExpiredBeyondTheLeeway() {
    String token = issuer.issueAccess(USER, Role.USER, NOW).token();

    assertRefused(token, NOW.plus(TTL).plusSeconds(31), "expired");
  }

  @Test
  void acceptsATokenExpiredWithinTheLeeway() {
    String token = issuer.issueAccess(USER, Role.USER, NOW).token();

    assertThat(issuer.verifyAccess(token, NOW.plus(TTL).plusSeconds(29)).userId()).isEqualTo(USER);
  }

  @Test
  void refusesATokenNotValidBeforeAMomentBeyondTheLeeway() {
    String token = signed(b -> b.withNotBefore(NOW.plusSeconds(120)));

    assertRefused(token, "nbf");
  }

  @Test
  void refusesATokenIssuedInTheFutureBeyondTheLeeway() {
    String token = signed(b -> b.withIssuedAt(NOW.plusSeconds(120)));

    assertRefused(token, "iat");
  }

  @Test
  void acceptsATokenIssuedSlightlyInTheFutureWithinTheLeeway() {
    String token = signed(b -> b.withIssuedAt(NOW.plusSeconds(20)));

    assertThat(issuer.verifyAccess(token, NOW).userId()).isEqualTo(USER);
  }

  @Test
  void refusesATokenWithoutExpiry() {
    String token =
        JWT.create()
            .withIssuer(ISSUER)
            .withAudience("duka-api")
            .withSubject(USER.toString())
            .withClaim("role", "user")
            .withClaim("typ", "access")
            .withIssuedAt(NOW)
            .withJWTId(UUID.randomUUID().toString())
            .sign(Algorithm.HMAC256(SECRET));

    assertRefused(token, "exp");
  }

  @Test
  void refusesATokenFromAnotherIssuer() {
    assertRefused(signed(b -> b.withIssuer("someone-else")), "iss");
  }

  @Test
  void refusesATokenForAnotherAudience() {
    assertRefused(signed(b -> b.withAudience("another-api")), "aud");
  }

  @Test
  void refusesARefreshLikeToken() {
    String token = signed(b -> b.withClaim("typ", "refresh").withExpiresAt(NOW.plusSeconds(3600)));

    assertRefused(token, "typ");
  }

  @Test
  void refusesAnHs384TokenSignedWithTheSameSecret() {
    assertRefused(signed(Algorithm.HMAC384(SECRET), UnaryOperator.identity()), "algorithm");
  }

  @Test
  void refusesAnHs512TokenSignedWithTheSameSecret() {
    assertRefused(signed(Algorithm.HMAC512(SECRET), UnaryOperator.identity()), "algorithm");
  }

  @Test
  void refusesATokenSignedWithAnotherSecret() {
    assertRefused(signed(Algorithm.HMAC256(OTHER_SECRET), UnaryOperator.identity()), "signature");
  }

  @Test
  void ignoresKeyHintsInTheHeaderOfATokenSignedWithOurKey() {
    String token = signed(Algorithm.HMAC256(SECRET), b -> b.withHeader(attackerKeyHints()));

    assertThat(issuer.verifyAccess(token, NOW).userId()).isEqualTo(USER);
  }

  @Test
  void refusesATokenSignedWithAnAttackerKeyItPointsToInTheHeader() {
    String token = signed(Algorithm.HMAC256(OTHER_SECRET), b -> b.withHeader(attackerKeyHints()));

    assertRefused(token, "signature");
  }

  @Test
  void refusesATokenWhoseSubjectIsNotAUserId() {
    assertRefused(signed(b -> b.withSubject("admin")), "subject");
  }

  @Test
  void refusesATokenWithAnUnknownRole() {
    assertRefused(signed(b -> b.withClaim("role", "superuser")), "role");
  }

  @Test
  void refusesATokenWithoutARole() {
    String token =
        JWT.create()
            .withIssuer(ISSUER)
            .withAudience("duka-api")
            .withSubject(USER.toString())
            .withClaim("typ", "access")
            .withIssuedAt(NOW)
            .withExpiresAt(NOW.plus(TTL))
            .withJWTId(UUID.randomUUID().toString())
            .sign(Algorithm.HMAC256(SECRET));

    assertRefused(token, "role");
  }

  @Test
  void refusesAMissingToken() {
    assertRefused("", "missing");
  }

  @Property(tries = 300)
  void refusesAnyArbitraryTextAsAnInvalidToken(@ForAll String text) {
    assertThatThrownBy(() -> issuer.verifyAccess(text, NOW))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Property(tries = 200)
  void refusesAnyThreePartTextAsAnInvalidToken(
      @ForAll String header, @ForAll String payload, @ForAll String signature) {
    String token = base64Url(header) + "." + base64Url(payload) + "." + base64Url(signature);

    assertThatThrownBy(() -> issuer.verifyAccess(token, NOW))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void anOpaqueTokenCarriesAtLeast256RandomBits() {
    OpaqueToken token = issuer.newOpaqueToken();

    assertThat(Base64.getUrlDecoder().decode(token.token())).hasSizeGreaterThanOrEqualTo(32);
    assertThat(token.token()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void opaqueTokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(issuer.newOpaqueToken().token());
    }

    assertThat(seen).hasSize(10_000);
  }

  @Test
  void theOpaqueHashIsDeterministicLowerCaseSha256HexAndNotTheToken() {
    OpaqueToken token = issuer.newOpaqueToken();

    assertThat(token.hash()).isEqualTo(issuer.hashOpaque(token.token()));
    assertThat(issuer.hashOpaque(token.token())).isEqualTo(issuer.hashOpaque(token.token()));
    assertThat(token.hash()).matches("[0-9a-f]{64}").isNotEqualTo(token.token());
  }

  @Test
  void theOpaqueHashMatchesAKnownSha256Value() {
    assertThat(issuer.hashOpaque("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void refusesASecretShorterThan32Bytes() {
    assertThatThrownBy(() -> new JwtTokenIssuer("x".repeat(31), ISSUER, TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void acceptsASecretOfExactly32Bytes() {
    JwtTokenIssuer shortest = new JwtTokenIssuer("x".repeat(32), ISSUER, TTL);

    String token = shortest.issueAccess(USER, Role.USER, NOW).token();

    assertThat(shortest.verifyAccess(token, NOW).userId()).isEqualTo(USER);
  }

  /** A valid access token signed with our key, after {@code changes} to its claims. */
  private static String signed(UnaryOperator<JWTCreator.Builder> changes) {
    return signed(Algorithm.HMAC256(SECRET), changes);
  }

  private static String signed(Algorithm algorithm, UnaryOperator<JWTCreator.Builder> changes) {
    JWTCreator.Builder valid =
        JWT.create()
            .withIssuer(ISSUER)
            .withAudience("duka-api")
            .withSubject(USER.toString())
            .withClaim("role", "user")
            .withClaim("typ", "access")
            .withIssuedAt(NOW)
            .withExpiresAt(NOW.plus(TTL))
            .withJWTId(UUID.randomUUID().toString());
    return changes.apply(valid).sign(algorithm);
  }

  private static Map<String, Object> attackerKeyHints() {
    return Map.of(
        "kid", "../../attacker",
        "jku", "https://attacker.example/jwks.json",
        "x5u", "https://attacker.example/cert.pem",
        "jwk",
            Map.of(
                "kty",
                "oct",
                "k",
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(OTHER_SECRET.getBytes(StandardCharsets.UTF_8))));
  }

  private void assertRefused(String token, String reason) {
    assertRefused(token, NOW, reason);
  }

  private void assertRefused(String token, Instant at, String reason) {
    assertThatThrownBy(() -> issuer.verifyAccess(token, at))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining(reason);
  }

  private static String payloadOf(String token) {
    return token.split("\\.")[1];
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
