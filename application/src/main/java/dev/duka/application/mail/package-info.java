/** Mail through the outbox: enqueued with the change that causes it, delivered after commit. */
package dev.duka.application.mail;
