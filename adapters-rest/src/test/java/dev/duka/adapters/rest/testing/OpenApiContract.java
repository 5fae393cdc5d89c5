package dev.duka.adapters.rest.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * docs/openapi.yaml as a checker of real exchanges: a request and its response either match the
 * contract or the test fails with every mismatch listed. Loaded once per JVM (parsing takes a
 * second).
 */
public final class OpenApiContract {
  private static final String RESOURCE = "/dev/duka/adapters/rest/openapi.yaml";
  private static OpenApiContract shared;
  private static OpenApiContract sharedResponsesOnly;

  private final OpenApiInteractionValidator validator;

  private OpenApiContract(String specification, boolean checkRequests) {
    OpenApiInteractionValidator.Builder builder =
        OpenApiInteractionValidator.createForInlineApiSpecification(specification);
    if (!checkRequests) {
      builder.withLevelResolver(
          LevelResolver.create()
              .withLevel("validation.request", ValidationReport.Level.IGNORE)
              .build());
    }
    this.validator = builder.build();
  }

  /** The contract packaged with the REST adapter. */
  public static synchronized OpenApiContract load() {
    if (shared == null) {
      shared = new OpenApiContract(read(RESOURCE), true);
    }
    return shared;
  }

  /**
   * The packaged contract checking responses only: for tests that send deliberately bad requests
   * (unknown fields, missing tokens) and check that the answer is still as documented.
   */
  public static synchronized OpenApiContract loadForResponses() {
    if (sharedResponsesOnly == null) {
      sharedResponsesOnly = new OpenApiContract(read(RESOURCE), false);
    }
    return sharedResponsesOnly;
  }

  /** The text of the packaged contract. */
  public static String specification() {
    return read(RESOURCE);
  }

  /** A contract from given text, for testing this checker itself. */
  public static OpenApiContract of(String specification) {
    return new OpenApiContract(specification, true);
  }

  /**
   * Checks one exchange.
   *
   * @throws AssertionError listing every mismatch
   */
  public void check(
      String method,
      URI uri,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      ApiResponse response) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getRawPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        request.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    requestHeaders.forEach((name, values) -> request.withHeader(name, values));
    if (requestBody != null) {
      request.withBody(requestBody);
    }
    SimpleResponse.Builder actual = SimpleResponse.Builder.status(response.status());
    response.headers().map().forEach((name, values) -> actual.withHeader(name, values));
    if (!response.body().isEmpty()) {
      actual.withBody(response.body());
    }
    ValidationReport report = validator.validate(request.build(), actual.build());
    if (report.hasErrors()) {
      throw new AssertionError(
          method
              + " "
              + uri.getRawPath()
              + " does not match docs/openapi.yaml:\n  "
              + report.getMessages().stream()
                  .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                  .map(m -> m.getKey() + ": " + m.getMessage())
                  .collect(Collectors.joining("\n  "))
              + "\nresponse: "
              + response);
    }
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String read(String resource) {
    try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
