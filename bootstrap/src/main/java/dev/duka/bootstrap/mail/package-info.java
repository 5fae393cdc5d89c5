/** The Mailer port on SMTP or on .eml files, and the background worker that empties the outbox. */
package dev.duka.bootstrap.mail;
