/** The Stripe adapter: the payment gateway on stripe-java and webhook signature checks. */
package dev.duka.adapters.stripe;
