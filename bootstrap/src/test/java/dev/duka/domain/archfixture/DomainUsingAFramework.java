package dev.duka.domain.archfixture;

import com.tngtech.archunit.core.domain.JavaClass;

/** Breaks the domain rule on purpose: a domain class that needs a library. */
public final class DomainUsingAFramework {
  public String describe(JavaClass type) {
    return type.getName();
  }
}
