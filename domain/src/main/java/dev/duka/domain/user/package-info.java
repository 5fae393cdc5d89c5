/** Accounts, roles, emails and who acted. */
package dev.duka.domain.user;
