package dev.duka.adapters.rest;

import static io.javalin.apibuilder.ApiBuilder.path;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.duka.adapters.rest.json.JsonBodies;
import dev.duka.adapters.rest.ops.Operations;
import dev.duka.adapters.rest.ops.OperationsRoutes;
import dev.duka.adapters.rest.problem.ProblemResponse;
import dev.duka.adapters.rest.problem.Problems;
import dev.duka.adapters.rest.web.AccessLog;
import dev.duka.adapters.rest.web.Cors;
import dev.duka.adapters.rest.web.ProblemErrorHandler;
import dev.duka.adapters.rest.web.RequestIds;
import io.javalin.Javalin;
import io.javalin.config.JavalinState;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.util.MethodNotAllowedUtil;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty with the API under {@code /api/v1}, one error shape
 * (problem+json) for everything, request ids, CORS, a body limit, metrics and an access log, and a
 * graceful stop that lets in-flight requests finish.
 */
public final class RestServer {
  /** Where the API lives. */
  public static final String API_PREFIX = "/api/v1";

  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

  private final Javalin app;

  private RestServer(Javalin app) {
    this.app = app;
  }

  /**
   * Builds (does not start) the server.
   *
   * @param routes the features' routes, declared under {@link #API_PREFIX}
   */
  public static RestServer create(
      RestSettings settings,
      ObjectMapper mapper,
      List<Routes> routes,
      Operations operations,
      MeterRegistry registry) {
    Cors cors = new Cors(settings.corsOrigins());
    AccessLog accessLog = new AccessLog(registry);
    OperationsRoutes operationsRoutes = new OperationsRoutes(operations);
    Javalin app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = settings.maxBodyBytes();
              // Routes taking files set their own limits per request; these bound any other use.
              config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  settings.maxUploadBytes() * 11, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);
              config.http.prefer405over404 = true;
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              QueuedThreadPool threads =
                  new QueuedThreadPool(
                      settings.maxThreads(), Math.min(8, settings.maxThreads()), 60_000);
              threads.setName("http");
              config.jetty.threadPool = threads;
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(settings.stopTimeout().toMillis());
                    server.setErrorHandler(new ProblemErrorHandler(mapper));
                  });
              config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
              config.requestLogger.http(accessLog::record);

              JavalinState javalin = config.unsafe;
              // one handler, not one per step: Javalin matches every before-handler's path and
              // runs it as a task of its own, on every request
              config.routes.before(ctx -> beforeEveryRequest(ctx, settings, cors, javalin));
              operationsRoutes.addTo(config);
              config.routes.apiBuilder(
                  () -> {
                    path(
                        API_PREFIX,
                        () -> routes.stream().filter(r -> !r.atRoot()).forEach(Routes::declare));
                    routes.stream().filter(Routes::atRoot).forEach(Routes::declare);
                  });
              config.routes.exception(HttpResponseException.class, RestServer::problem);
              config.routes.exception(Exception.class, RestServer::problem);
            });
    return new RestServer(app);
  }

  /** Starts listening; returns once the port is bound. */
  public RestServer start() {
    app.start();
    return this;
  }

  /** The port listened on (the real one when 0 was asked for). */
  public int port() {
    return app.port();
  }

  /**
   * The routes this server answers, as {@code "GET /api/v1/products/{id}"}: the notation of
   * docs/openapi.yaml, whose operations they must be (bootstrap's HttpSurfaceIT compares the two).
   */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .sorted()
        .toList();
  }

  /** Stops accepting requests, lets in-flight ones finish within the stop timeout, then closes. */
  public void stop() {
    app.stop();
  }

  /**
   * In order: the request id, no sniffing, CORS (a preflight is answered here), the body limit,
   * HEAD, then for the API a NUL in the query and {@code no-store}.
   */
  private static void beforeEveryRequest(
      Context ctx, RestSettings settings, Cors cors, JavalinState javalin) {
    RequestIds.assign(ctx);
    ctx.header("X-Content-Type-Options", "nosniff");
    if (cors.apply(ctx)) {
      return;
    }
    refuseOversizedBody(ctx, settings.maxBodyBytes());
    refuseHead(ctx, javalin);
    if (ctx.path().startsWith(API_PREFIX + "/")) {
      refuseNulInQuery(ctx);
      ctx.header("Cache-Control", "no-store");
    }
  }

  private static void refuseOversizedBody(Context ctx, long limit) {
    long length = ctx.req().getContentLengthLong();
    String type = ctx.contentType();
    boolean multipart =
        type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    if (length > limit && !multipart) {
      throw new HttpResponseException(413, "Content Too Large");
    }
  }

  /**
   * HEAD is answered 405 on the API's routes. Javalin would answer it 200 with an empty body for
   * any path with a GET route, without running that route (so without its authentication): a
   * success for a method the contract does not offer. Paths without routes (static files, unknown
   * paths) keep Javalin's answer.
   */
  private static void refuseHead(Context ctx, JavalinState javalin) {
    if (ctx.method() != HandlerType.HEAD) {
      return;
    }
    List<HandlerType> allowed =
        MethodNotAllowedUtil.INSTANCE.findAvailableHttpHandlerTypes(
            javalin.internalRouter, ctx.path());
    if (allowed.isEmpty()) {
      return;
    }
    throw new HttpResponseException(
        405,
        "Method Not Allowed",
        Map.of(
            "availableMethods",
            allowed.stream().map(HandlerType::name).collect(Collectors.joining(", "))));
  }

  /** A NUL character in a query parameter is refused here, for every route that reads one. */
  private static void refuseNulInQuery(Context ctx) {
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              JsonBodies.withoutNul("query", name);
              values.forEach(value -> JsonBodies.withoutNul(name, value));
            });
  }

  private static void problem(Exception failure, Context ctx) {
    ProblemResponse problem = Problems.of(failure, RequestIds.of(ctx));
    if (problem.unexpected()) {
      LOG.error("unhandled failure of {} {}", ctx.method().name(), ctx.path(), failure);
    } else if (problem.status() >= 500) {
      LOG.warn("{} {} failed: {}", ctx.method().name(), ctx.path(), failure.getMessage());
    }
    ctx.status(problem.status());
    problem.headers().forEach(ctx::header);
    ctx.json(problem.body());
    ctx.contentType(ProblemResponse.CONTENT_TYPE);
  }
}
