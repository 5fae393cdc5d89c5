/**
 * Test support published in the domain's test-jar: fixtures, a fixed clock, in-memory fakes of the
 * driven ports, and the contract each port's adapters must pass.
 */
package dev.duka.domain.testing;
