package dev.duka.adapters.rest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server runs.
 *
 * @param port the port, 0 for any free one
 * @param maxBodyBytes the largest JSON body accepted (413 beyond)
 * @param stopTimeout how long in-flight requests may take to finish on shutdown
 * @param maxThreads the most requests served at once
 * @param maxUploadBytes the largest file a multipart request may carry (413 beyond)
 */
public record RestSettings(
    String host,
    int port,
    List<String> corsOrigins,
    long maxBodyBytes,
    Duration stopTimeout,
    int maxThreads,
    long maxUploadBytes) {
  /** The default largest upload: 10 MiB. */
  public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

  public RestSettings {
    Objects.requireNonNull(host, "host");
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(stopTimeout, "stopTimeout");
  }

  /** Settings with uploads of at most {@link #MAX_UPLOAD_BYTES}. */
  public RestSettings(
      String host,
      int port,
      List<String> corsOrigins,
      long maxBodyBytes,
      Duration stopTimeout,
      int maxThreads) {
    this(host, port, corsOrigins, maxBodyBytes, stopTimeout, maxThreads, MAX_UPLOAD_BYTES);
  }

  /** Defaults for a server on {@code port}: 1 MiB bodies, 10 s to drain, 64 threads. */
  public static RestSettings defaults(int port) {
    return new RestSettings("0.0.0.0", port, List.of(), 1024 * 1024, Duration.ofSeconds(10), 64);
  }

  public RestSettings withCorsOrigins(List<String> origins) {
    return new RestSettings(
        host, port, origins, maxBodyBytes, stopTimeout, maxThreads, maxUploadBytes);
  }

  public RestSettings withHost(String value) {
    return new RestSettings(
        value, port, corsOrigins, maxBodyBytes, stopTimeout, maxThreads, maxUploadBytes);
  }

  public RestSettings withMaxBodyBytes(long value) {
    return new RestSettings(
        host, port, corsOrigins, value, stopTimeout, maxThreads, maxUploadBytes);
  }
}
