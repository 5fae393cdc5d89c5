/** Payments over HTTP: hosted checkout, Stripe's webhooks, payments, refunds. */
package dev.duka.adapters.rest.payment;
