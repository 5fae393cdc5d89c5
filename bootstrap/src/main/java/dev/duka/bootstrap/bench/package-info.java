/**
 * The benchmark's tools (docs/benchmarks.md): a durable embedded PostgreSQL the harness can reach,
 * and a bulk seeder that loads a large realistic catalog with COPY.
 */
package dev.duka.bootstrap.bench;
