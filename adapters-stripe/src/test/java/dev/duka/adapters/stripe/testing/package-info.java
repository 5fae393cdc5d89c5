/**
 * Test support published in the Stripe adapter's test-jar: {@link
 * dev.duka.adapters.stripe.testing.FakeStripe}, a local server speaking Stripe's wire format.
 */
package dev.duka.adapters.stripe.testing;
