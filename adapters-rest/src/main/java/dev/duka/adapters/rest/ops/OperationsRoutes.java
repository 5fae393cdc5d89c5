package dev.duka.adapters.rest.ops;

import dev.duka.domain.error.NotFoundException;
import dev.duka.domain.error.UnavailableException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes for operators and tools, outside {@code /api/v1}: {@code /health}, {@code /ready},
 * {@code /metrics}, {@code /openapi.yaml}, the Swagger UI at {@code /docs} with its two files at
 * {@code /docs/{asset}}, and {@code /ping} (no database: the ceiling the benchmarks compare routes
 * with).
 */
public final class OperationsRoutes {
  /** The Swagger UI version of the webjar on the classpath. */
  public static final String SWAGGER_UI_VERSION = "5.34.1";

  private static final String SPEC_RESOURCE = "/dev/duka/adapters/rest/openapi.yaml";

  private static final String WEBJAR =
      "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION;

  /** The Swagger UI's files that {@code /docs} loads, with their media types. */
  private static final Map<String, String> DOCS_ASSETS =
      Map.of(
          "swagger-ui.css", "text/css; charset=utf-8",
          "swagger-ui-bundle.js", "text/javascript; charset=utf-8");

  /**
   * The Swagger UI page: its two files from {@code /docs/{asset}}, the contract from {@code
   * /openapi.yaml}.
   */
  private static final String DOCS_PAGE =
      """
          <!doctype html>
          <html lang="en">
          <head>
            <meta charset="utf-8">
            <title>Duka API</title>
            <link rel="stylesheet" href="/docs/swagger-ui.css">
          </head>
          <body>
            <div id="swagger-ui"></div>
            <script src="/docs/swagger-ui-bundle.js"></script>
            <script>
              window.ui = SwaggerUIBundle({ url: "/openapi.yaml", dom_id: "#swagger-ui" });
            </script>
          </body>
          </html>
          """;

  private final Operations operations;
  private final byte[] spec;
  private final Map<String, byte[]> docsAssets = new ConcurrentHashMap<>();

  public OperationsRoutes(Operations operations) {
    this.operations = operations;
    this.spec = resource(SPEC_RESOURCE);
  }

  public void addTo(JavalinConfig config) {
    config.routes.get("/ping", ctx -> ctx.result("pong"));
    config.routes.get("/health", this::health);
    config.routes.get("/ready", this::ready);
    config.routes.get("/metrics", this::metrics);
    config.routes.get("/openapi.yaml", this::spec);
    config.routes.get("/docs", ctx -> ctx.html(DOCS_PAGE));
    config.routes.get("/docs/{asset}", this::docsAsset);
  }

  private void health(Context ctx) {
    Map<String, Object> database = new LinkedHashMap<>();
    boolean up;
    try {
      Duration latency = operations.databasePing().get();
      database.put("status", "up");
      database.put("latency_ms", Math.round(latency.toNanos() / 10_000.0) / 100.0);
      up = true;
    } catch (UnavailableException down) {
      database.put("status", "down");
      database.put("latency_ms", null);
      up = false;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "up" : "down");
    body.put("database", database);
    ctx.header("Cache-Control", "no-store");
    if (!up) {
      ctx.header("Retry-After", "2");
    }
    ctx.status(up ? 200 : 503).json(body);
  }

  private void ready(Context ctx) {
    String reason = null;
    if (!operations.started().getAsBoolean()) {
      reason = "migrations have not finished";
    } else {
      try {
        operations.databasePing().get();
      } catch (UnavailableException down) {
        reason = "the database does not answer";
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", reason == null ? "ready" : "not_ready");
    if (reason != null) {
      body.put("reason", reason);
      ctx.header("Retry-After", "2");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.status(reason == null ? 200 : 503).json(body);
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(operations.metrics().get());
  }

  private void spec(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("application/yaml; charset=utf-8").result(spec);
  }

  /**
   * One of the Swagger UI's files, read from its webjar when first asked for. A route of its own
   * rather than Javalin's webjar files: those mount the whole fat jar (28,000 entries) as a file
   * system while the server starts, which took 0.4 s of its start-up (docs/benchmarks.md).
   */
  private void docsAsset(Context ctx) {
    String asset = ctx.pathParam("asset");
    String mediaType = DOCS_ASSETS.get(asset);
    if (mediaType == null) {
      throw new NotFoundException("documentation file", asset);
    }
    byte[] content = docsAssets.computeIfAbsent(asset, name -> resource(WEBJAR + "/" + name));
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType(mediaType).result(content);
  }

  private static byte[] resource(String name) {
    try (InputStream in = OperationsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract as text, for tools and tests. */
  public String specText() {
    return new String(spec, StandardCharsets.UTF_8);
  }
}
