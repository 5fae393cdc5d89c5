/** Driven ports: what Duka needs from the outside, implemented by the adapters. */
package dev.duka.domain.port.out;
