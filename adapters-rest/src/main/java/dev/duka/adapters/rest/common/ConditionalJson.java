package dev.duka.adapters.rest.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * JSON answers to GETs that clients may keep and revalidate: the body's {@code ETag}, and {@code
 * 304 Not Modified} without a body when {@code If-None-Match} names it.
 *
 * <p>The tag is a hash of the serialized body, so it changes exactly when the answer does, and
 * several server instances agree on it without sharing anything. It is weak ({@code W/}) because
 * the body may travel compressed. {@code Cache-Control: no-cache} lets browsers and proxies keep
 * the public's answer but ask each time; an answer to a request with a token is {@code no-store}
 * (an administrator's may show hidden products), and {@code Vary: Authorization} keeps the two
 * apart.
 */
public final class ConditionalJson {
  private final ObjectMapper mapper;

  public ConditionalJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Answers 200 with {@code body} and its tag, or 304 when the client holds the same tag. */
  public void respond(Context ctx, Object body) {
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response body could not be written as JSON", e);
    }
    String etag = etagOf(json);
    ctx.header("ETag", etag);
    // an answer to a signed-in caller is never stored: it may show what the public does not see
    ctx.header("Cache-Control", ctx.header("Authorization") == null ? "no-cache" : "no-store");
    ctx.res().addHeader("Vary", "Authorization");
    if (matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json");
    ctx.result(json);
  }

  /** {@code W/"…"}: the first 128 bits of the body's SHA-256, base64url. */
  static String etagOf(byte[] json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return "W/\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The weak comparison of RFC 9110 §13.1.2: true when {@code ifNoneMatch} is {@code *} or lists
   * {@code etag}, with or without {@code W/}.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    String wanted = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || opaque(tag).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
