/** Configuration, wiring and the entry point of the fat jar. */
package dev.duka.bootstrap;
