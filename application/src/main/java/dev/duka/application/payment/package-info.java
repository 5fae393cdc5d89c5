/** Payments as use cases: hosted checkout, webhooks, manual payments and refunds. */
package dev.duka.application.payment;
