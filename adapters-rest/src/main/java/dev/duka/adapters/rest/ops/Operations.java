package dev.duka.adapters.rest.ops;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the operations routes need from the running service, given by the wiring.
 *
 * @param databasePing measures one round trip to the database; throws {@link
 *     dev.duka.domain.error.UnavailableException} when it does not answer
 * @param started true once migrations are done; until then {@code /ready} answers 503
 * @param metrics the Prometheus text exposition of every meter
 */
public record Operations(
    Supplier<Duration> databasePing, BooleanSupplier started, Supplier<String> metrics) {}
