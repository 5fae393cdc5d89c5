/** Money in integer minor units, tax rates, shipping and the shop's pricing policy. */
package dev.duka.domain.money;
