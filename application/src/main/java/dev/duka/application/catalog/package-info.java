/** The catalog's use cases: the category tree, products, search, brands and stock. */
package dev.duka.application.catalog;
