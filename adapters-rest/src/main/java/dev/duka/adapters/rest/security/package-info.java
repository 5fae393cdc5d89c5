/** Credentials and abuse control at the HTTP edge: password hashing, tokens, rate limits. */
package dev.duka.adapters.rest.security;
