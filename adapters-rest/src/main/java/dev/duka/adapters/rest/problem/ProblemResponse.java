package dev.duka.adapters.rest.problem;

import java.util.Map;

/**
 * An error as it goes out: the status, the {@code application/problem+json} body (RFC 9457 members
 * plus {@code code}, {@code request_id} and, for validation, {@code errors}), and extra headers.
 *
 * @param unexpected true for a bug (500): logged with its stack trace, never detailed to the client
 */
public record ProblemResponse(
    int status, Map<String, Object> body, Map<String, String> headers, boolean unexpected) {
  public static final String CONTENT_TYPE = "application/problem+json";

  public ProblemResponse {
    body = Map.copyOf(body);
    headers = Map.copyOf(headers);
  }
}
