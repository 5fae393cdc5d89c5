package dev.duka.adapters.rest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP against a running server, with every exchange checked against docs/openapi.yaml: a
 * request or response the contract does not describe fails the test. {@link #unchecked()} gives a
 * client for what the contract deliberately leaves out (unknown routes, raw abuse).
 *
 * <pre>{@code
 * ApiClient api = ApiClient.at(server.port());
 * ApiResponse health = api.get("/health");
 * ApiResponse created = api.withToken(token).post("/api/v1/orders", "{...}");
 * }</pre>
 */
public final class ApiClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final OpenApiContract contract;
  private final Map<String, String> headers;
  private final boolean expectContinue;

  private ApiClient(
      URI base, OpenApiContract contract, Map<String, String> headers, boolean expectContinue) {
    this.base = base;
    this.contract = contract;
    this.headers = Map.copyOf(headers);
    this.expectContinue = expectContinue;
  }

  /** A checked client for a server on localhost. */
  public static ApiClient at(int port) {
    return at(URI.create("http://127.0.0.1:" + port));
  }

  public static ApiClient at(URI base) {
    return new ApiClient(base, OpenApiContract.load(), Map.of(), false);
  }

  /** This client, checking against another contract (for testing the checker itself). */
  public ApiClient checkedAgainst(OpenApiContract other) {
    return new ApiClient(base, other, headers, expectContinue);
  }

  /**
   * This client checking only responses against the contract, for deliberately bad requests: the
   * answer to them must still be documented.
   */
  public ApiClient responsesOnly() {
    return new ApiClient(base, OpenApiContract.loadForResponses(), headers, expectContinue);
  }

  /** This client without contract checks. */
  public ApiClient unchecked() {
    return new ApiClient(base, null, headers, expectContinue);
  }

  /** This client sending {@code Authorization: Bearer <token>}. */
  public ApiClient withToken(String token) {
    return withHeader("Authorization", "Bearer " + token);
  }

  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiClient(base, contract, more, expectContinue);
  }

  /**
   * This client sending {@code Expect: 100-continue} with bodies, as clients do with large ones: a
   * server refusing the body (413) answers before it is sent, instead of closing the connection
   * under a client still writing.
   */
  public ApiClient expectingContinue() {
    return new ApiClient(base, contract, headers, true);
  }

  public ApiResponse get(String path) {
    return send("GET", path, (String) null, null);
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, (String) null, null);
  }

  public ApiResponse post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public ApiResponse patch(String path, String json) {
    return send("PATCH", path, json, "application/json");
  }

  public ApiResponse put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  /** Any request; {@code contentType} may be null for none. */
  public ApiResponse send(String method, String path, String body, String contentType) {
    return sendBytes(
        method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** Any request with a raw body. */
  public ApiResponse sendBytes(String method, String path, byte[] body, String contentType) {
    URI uri = base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    Map<String, List<String>> sent = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          request.header(name, value);
          sent.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        });
    if (contentType != null) {
      request.header("Content-Type", contentType);
      sent.put("Content-Type", List.of(contentType));
    }
    ApiResponse response;
    if (expectContinue && body != null) {
      response = exchangeExpectingContinue(method, uri, body, contentType);
    } else {
      response = exchange(method, uri, request);
    }
    if (contract != null) {
      contract.check(
          method,
          uri,
          sent,
          body == null ? null : new String(body, StandardCharsets.UTF_8),
          response);
    }
    return response;
  }

  private ApiResponse exchange(String method, URI uri, HttpRequest.Builder request) {
    ApiResponse response;
    try {
      HttpResponse<String> raw = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response = new ApiResponse(raw.statusCode(), raw.headers(), raw.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return response;
  }

  private ApiResponse exchangeExpectingContinue(
      String method, URI uri, byte[] body, String contentType) {
    Map<String, String> sent = new LinkedHashMap<>(headers);
    if (contentType != null) {
      sent.put("Content-Type", contentType);
    }
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    RawHttp.Answer answer =
        RawHttp.exchangeExpectingContinue(uri.getPort(), method, target, sent, body);
    Map<String, List<String>> received = new LinkedHashMap<>();
    answer.headers().forEach((name, value) -> received.put(name, List.of(value)));
    return new ApiResponse(
        answer.status(), HttpHeaders.of(received, (name, value) -> true), answer.body());
  }
}
