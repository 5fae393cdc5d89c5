/** Accounts over HTTP: sign-up, sign-in, tokens, password reset, profile; and the bearer check. */
package dev.duka.adapters.rest.auth;
