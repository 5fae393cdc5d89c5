package dev.duka.adapters.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A response as a test sees it: status, headers, body, and the body as JSON. */
public record ApiResponse(int status, HttpHeaders headers, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public String contentType() {
    return header("Content-Type").orElse("");
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("the body is not JSON: " + body, e);
    }
  }

  @Override
  public String toString() {
    return status
        + " "
        + contentType()
        + " "
        + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
  }
}
