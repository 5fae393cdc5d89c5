/** Small building blocks shared by features: paging, lifecycles, random codes, text rules. */
package dev.duka.domain.common;
