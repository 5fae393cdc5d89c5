/** The storage adapter: product images on the filesystem, validated and resized. */
package dev.duka.adapters.storage;
