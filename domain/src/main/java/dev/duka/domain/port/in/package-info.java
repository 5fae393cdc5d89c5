/** Driving ports: what the outside asks of Duka, one use case per interface. */
package dev.duka.domain.port.in;
