/** Products, categories, SKUs, slugs and the stock ledger. */
package dev.duka.domain.catalog;
