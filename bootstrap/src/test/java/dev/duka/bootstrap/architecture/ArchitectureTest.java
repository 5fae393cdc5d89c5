package dev.duka.bootstrap.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Fails the build when production code breaks a module rule of ARCHITECTURE.md. */
@AnalyzeClasses(
    packages = "dev.duka",
    importOptions = ArchitectureRules.DoNotIncludeTestsOrTestJars.class)
class ArchitectureTest {

  @ArchTest static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

  @ArchTest
  static final ArchRule applicationUsesOnlyTheDomain =
      ArchitectureRules.APPLICATION_USES_ONLY_THE_DOMAIN;

  @ArchTest
  static final ArchRule adaptersDoNotKnowEachOther =
      ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER;

  @ArchTest
  static final ArchRule onlyBootstrapKnowsAdapters =
      ArchitectureRules.ONLY_BOOTSTRAP_KNOWS_ADAPTERS;

  @ArchTest
  static final ArchRule noAmbientTimeOrRandomness = ArchitectureRules.NO_AMBIENT_TIME_OR_RANDOMNESS;
}
