/**
 * Use-case services: implement the driving ports on top of the driven ports, own transactions and
 * authorization decisions.
 */
package dev.duka.application;
