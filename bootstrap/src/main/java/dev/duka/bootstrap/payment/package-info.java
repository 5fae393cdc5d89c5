/** The manual payment gateway: cash on delivery and bank transfers, settled by an administrator. */
package dev.duka.bootstrap.payment;
