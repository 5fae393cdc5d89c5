/**
 * The REST adapter: Javalin routes that drive the use cases, JSON bodies and problem+json errors.
 */
package dev.duka.adapters.rest;
