/** The real clock and random source behind the domain's Clock and IdGenerator ports. */
package dev.duka.bootstrap.system;
