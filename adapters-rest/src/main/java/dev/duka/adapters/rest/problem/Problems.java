package dev.duka.adapters.rest.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.json.TextWithoutNul;
import dev.duka.domain.error.DomainException;
import dev.duka.domain.error.ErrorCode;
import dev.duka.domain.error.Violation;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns every failure into one problem+json shape. Domain errors map by their code (an exhaustive
 * switch: a new code does not compile until it has a status); JSON and HTTP-level failures get
 * their own 4xx; anything else is a bug and becomes a 500 that says nothing but the request id.
 */
public final class Problems {
  /** Seconds a client should wait before retrying when the database is away. */
  public static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 2;

  private Problems() {}

  /** The response for {@code failure} during the request {@code requestId}. */
  public static ProblemResponse of(Throwable failure, String requestId) {
    if (failure instanceof DomainException domain) {
      return domain(domain, requestId);
    }
    if (failure instanceof JsonBodies.JsonFailure wrapped) {
      return json(wrapped.json(), requestId);
    }
    if (failure instanceof JacksonException json) {
      return json(json, requestId);
    }
    if (failure instanceof HttpResponseException http) {
      return http(http, requestId);
    }
    return build(
        500,
        "internal_error",
        "Internal Server Error",
        "an unexpected error occurred; quote request id " + requestId + " when reporting it",
        requestId,
        List.of(),
        Map.of(),
        Map.of(),
        true);
  }

  /** A problem for a status the server decides itself (e.g. 404 for an unknown route). */
  public static ProblemResponse status(int status, String code, String detail, String requestId) {
    return build(
        status, code, titleFor(status), detail, requestId, List.of(), Map.of(), Map.of(), false);
  }

  /** The HTTP status of a domain error code. */
  public static int statusOf(ErrorCode code) {
    return switch (code) {
      case INVALID_VALUE -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case ILLEGAL_TRANSITION, CONFLICT, DUPLICATE, OUT_OF_STOCK, CONCURRENT_UPDATE -> 409;
      case TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case PAYMENT_PROVIDER_FAILED -> 502;
      case PAYMENT_UNAVAILABLE, UNAVAILABLE -> 503;
    };
  }

  private static ProblemResponse domain(DomainException e, String requestId) {
    int status = statusOf(e.code());
    Map<String, String> headers = new LinkedHashMap<>();
    if (e.code() == ErrorCode.UNAVAILABLE) {
      headers.put("Retry-After", Integer.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
    }
    Object retryAfter = e.details().get("retry_after_seconds");
    if (retryAfter != null) {
      headers.put("Retry-After", retryAfter.toString());
    }
    return build(
        status,
        e.code().name().toLowerCase(Locale.ROOT),
        titleFor(status),
        e.detail(),
        requestId,
        e.violations(),
        e.details(),
        headers,
        false);
  }

  private static ProblemResponse json(JacksonException e, String requestId) {
    if (e instanceof StreamConstraintsException) {
      return invalid(
          "the JSON body is too deeply nested or has a value too long", List.of(), requestId);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = pathOf(unknown);
      return invalid(
          "unknown field: " + field,
          List.of(new Violation(field, "is not a known field")),
          requestId);
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      if (mapping.getCause() instanceof DomainException domain) {
        return domain(domain, requestId); // a value object refused the value while reading
      }
      String field = pathOf(mapping);
      String message;
      if (mapping instanceof TextWithoutNul.NulCharacterException) {
        message = TextWithoutNul.MESSAGE;
      } else if (mapping.getCause() instanceof InputCoercionException) {
        message = "is out of range";
      } else if (mapping instanceof MismatchedInputException mismatch) {
        message = "must be " + expectedType(mismatch.getTargetType());
      } else {
        message = "has an invalid value";
      }
      return invalid(field + " " + message, List.of(new Violation(field, message)), requestId);
    }
    if (e instanceof InputCoercionException coercion && coercion.getProcessor() != null) {
      // a number too large for its field, e.g. 2147483648 for an int
      JsonParser parser = coercion.getProcessor();
      String field = JsonBodies.dotted(parser.getParsingContext().pathAsPointer(), "");
      String name = field.isEmpty() ? "body" : field;
      return invalid(
          name + " is out of range", List.of(new Violation(name, "is out of range")), requestId);
    }
    if (e instanceof StreamReadException || e instanceof JsonMappingException) {
      return invalid("the body is not valid JSON of the expected shape", List.of(), requestId);
    }
    return invalid("the body is not valid JSON", List.of(), requestId);
  }

  private static ProblemResponse http(HttpResponseException e, String requestId) {
    int status = e.getStatus();
    Map<String, String> headers = new LinkedHashMap<>();
    String code;
    String detail;
    switch (status) {
      case 404 -> {
        code = "not_found";
        detail = "no such resource";
      }
      case 405 -> {
        code = "method_not_allowed";
        // Javalin names the detail differently when the client accepts HTML
        String allowed =
            e.getDetails()
                .getOrDefault(
                    "availableMethods", e.getDetails().getOrDefault("Available methods", ""));
        headers.put("Allow", allowed);
        detail = "this resource allows: " + allowed;
      }
      case 413 -> {
        code = "payload_too_large";
        detail = "the request body is too large";
      }
      case 415 -> {
        code = "unsupported_media_type";
        detail = e.getMessage();
      }
      default -> {
        code = "http_" + status;
        detail = e.getMessage();
      }
    }
    return build(
        status, code, titleFor(status), detail, requestId, List.of(), Map.of(), headers, false);
  }

  private static ProblemResponse invalid(
      String detail, List<Violation> violations, String requestId) {
    return build(
        400,
        "invalid_value",
        titleFor(400),
        detail,
        requestId,
        violations,
        Map.of(),
        Map.of(),
        false);
  }

  private static ProblemResponse build(
      int status,
      String code,
      String title,
      String detail,
      String requestId,
      List<Violation> violations,
      Map<String, Object> details,
      Map<String, String> headers,
      boolean unexpected) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:duka:problem:" + code.replace('_', '-'));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail == null ? title : detail);
    body.put("code", code);
    body.put("request_id", requestId);
    if (!violations.isEmpty()) {
      List<Map<String, String>> errors = new ArrayList<>();
      for (Violation violation : violations) {
        errors.add(Map.of("field", violation.field(), "message", violation.message()));
      }
      body.put("errors", errors);
    }
    details.forEach(body::putIfAbsent);
    return new ProblemResponse(status, body, headers, unexpected);
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  private static String expectedType(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == java.util.UUID.class) {
      return "an id (a UUID)";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    return "an object";
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }
}
