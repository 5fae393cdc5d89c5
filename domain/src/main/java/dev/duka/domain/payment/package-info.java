/** Payments, refunds and the payment lifecycle. */
package dev.duka.domain.payment;
