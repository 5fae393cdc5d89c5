/** Accounts on the wire, and the administrators' routes for them. */
package dev.duka.adapters.rest.user;
