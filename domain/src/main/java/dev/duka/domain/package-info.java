/** Duka's domain: the business rules and every port, in plain Java. */
package dev.duka.domain;
