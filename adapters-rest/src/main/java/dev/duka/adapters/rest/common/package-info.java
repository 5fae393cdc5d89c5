/** Pieces every feature's routes share: pages, query parameters. */
package dev.duka.adapters.rest.common;
