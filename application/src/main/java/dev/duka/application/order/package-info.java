/** Carts, orders and their lifecycle as use cases: pricing, placing, changing, reporting. */
package dev.duka.application.order;
