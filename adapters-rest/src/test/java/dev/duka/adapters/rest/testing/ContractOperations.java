package dev.duka.adapters.rest.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations docs/openapi.yaml lists, for tests generated from the contract (authorization
 * matrices, input attacks): each with its method, path template, whether it may be called without a
 * token, its request bodies by media type ({@code $ref}s resolved) and its documented statuses.
 */
public final class ContractOperations {
  private static List<Operation> all;

  private ContractOperations() {}

  /**
   * One operation of the contract.
   *
   * @param anonymous true when the contract lets it be called without a token ({@code security:
   *     []}, or an empty requirement among the alternatives)
   * @param requestBodies the body schema for each accepted media type; empty without a body
   * @param bodyRequired true when a request without a body is wrong
   */
  public record Operation(
      String method,
      String path,
      boolean anonymous,
      Map<String, Schema<?>> requestBodies,
      boolean bodyRequired,
      Set<String> statuses) {
    /** {@code "POST /api/v1/orders"}: how tables of expectations name operations. */
    public String key() {
      return method + " " + path;
    }

    /** The schema of an {@code application/json} body, if the operation takes one. */
    public Optional<Schema<?>> jsonBody() {
      return Optional.ofNullable(requestBodies.get("application/json"));
    }
  }

  /** Every operation, in the contract's order. */
  public static synchronized List<Operation> all() {
    if (all == null) {
      all = List.copyOf(parse(OpenApiContract.specification()));
    }
    return all;
  }

  /** The methods the contract lists for {@code path}, upper case. */
  public static Set<String> methodsOf(String path) {
    Set<String> methods = new TreeSet<>();
    for (Operation operation : all()) {
      if (operation.path().equals(path)) {
        methods.add(operation.method());
      }
    }
    return methods;
  }

  private static List<Operation> parse(String specification) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(specification, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("docs/openapi.yaml does not parse: " + result.getMessages());
    }
    List<Operation> operations = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            operations.add(of(path, method, operation, api.getSecurity()))));
    return operations;
  }

  private static Operation of(
      String path,
      PathItem.HttpMethod method,
      io.swagger.v3.oas.models.Operation operation,
      List<SecurityRequirement> global) {
    List<SecurityRequirement> security =
        operation.getSecurity() != null ? operation.getSecurity() : global;
    boolean anonymous =
        security == null || security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
    Map<String, Schema<?>> bodies = new LinkedHashMap<>();
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      for (Map.Entry<String, MediaType> content :
          operation.getRequestBody().getContent().entrySet()) {
        bodies.put(content.getKey(), content.getValue().getSchema());
      }
    }
    boolean bodyRequired =
        operation.getRequestBody() != null
            && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
    return new Operation(
        method.name().toUpperCase(Locale.ROOT),
        path,
        anonymous,
        bodies,
        bodyRequired,
        new TreeSet<>(operation.getResponses().keySet()));
  }
}
