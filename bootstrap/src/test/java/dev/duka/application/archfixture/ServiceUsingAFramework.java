package dev.duka.application.archfixture;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Breaks the application rule on purpose: a use case that needs a library. */
public final class ServiceUsingAFramework {
  public Object importer() {
    return new ClassFileImporter();
  }
}
