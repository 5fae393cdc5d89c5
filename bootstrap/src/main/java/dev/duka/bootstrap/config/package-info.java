/** Settings from the environment and .env, checked as a whole before anything starts. */
package dev.duka.bootstrap.config;
