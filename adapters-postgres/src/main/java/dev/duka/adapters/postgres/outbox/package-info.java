/** The transactional outbox on PostgreSQL, claimed with {@code FOR UPDATE SKIP LOCKED}. */
package dev.duka.adapters.postgres.outbox;
