/** Errors the system reports on purpose, each with a code the REST adapter maps to a status. */
package dev.duka.domain.error;
