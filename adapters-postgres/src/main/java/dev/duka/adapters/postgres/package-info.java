/** The PostgreSQL adapter: JDBI repositories, Flyway migrations and the transaction port. */
package dev.duka.adapters.postgres;
