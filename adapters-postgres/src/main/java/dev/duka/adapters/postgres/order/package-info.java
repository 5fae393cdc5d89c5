/** Orders, their lines and history, and idempotency keys, in PostgreSQL. */
package dev.duka.adapters.postgres.order;
