package dev.duka.adapters.rest.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.rest.problem.ProblemResponse;
import dev.duka.adapters.rest.problem.Problems;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives on its own, before a request reaches Javalin (a malformed URI, a URI or
 * headers too long, a method Jetty will not route): the API's problem+json with {@code
 * X-Content-Type-Options: nosniff} and {@code no-store}, instead of Jetty's HTML page, so that no
 * response of the server can be sniffed as a page.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private final ObjectMapper mapper;

  public ProblemErrorHandler(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String requestId = UUID.randomUUID().toString();
    HttpFields.Mutable headers = response.getHeaders();
    addHeaders(headers, requestId);
    response.write(true, ByteBuffer.wrap(body(code, message, requestId)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String requestId = UUID.randomUUID().toString();
    addHeaders(fields, requestId);
    return ByteBuffer.wrap(body(status, reason, requestId));
  }

  private static void addHeaders(HttpFields.Mutable headers, String requestId) {
    headers.put(HttpHeader.CONTENT_TYPE, ProblemResponse.CONTENT_TYPE);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put(RequestIds.HEADER, requestId);
  }

  private byte[] body(int status, String reason, String requestId) {
    // Jetty's reasons for 4xx name what was wrong with the request; a 5xx reason may carry an
    // internal message and is never sent
    String detail =
        status < 500 && reason != null && !reason.isBlank()
            ? reason
            : "the request could not be handled";
    try {
      return mapper.writeValueAsBytes(
          Problems.status(status, "http_" + status, detail, requestId).body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem body could not be written as JSON", e);
    }
  }
}
