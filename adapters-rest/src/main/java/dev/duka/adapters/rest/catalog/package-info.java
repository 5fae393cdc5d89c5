/** The catalog over HTTP: categories, products, search, brands and stock. */
package dev.duka.adapters.rest.catalog;
