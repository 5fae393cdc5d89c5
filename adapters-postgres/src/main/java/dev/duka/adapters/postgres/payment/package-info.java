/** Payments, refunds and handled provider events in PostgreSQL. */
package dev.duka.adapters.postgres.payment;
