/** Carts and orders over HTTP, and the administrators' order tools (lists, CSV, reports). */
package dev.duka.adapters.rest.order;
