/** Carts and how they are priced from server-side product data. */
package dev.duka.domain.cart;
