/** Orders, their lines, addresses, numbers and status lifecycle. */
package dev.duka.domain.order;
