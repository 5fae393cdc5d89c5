package dev.duka.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.regex.Pattern;

/** The module rules of ARCHITECTURE.md, as ArchUnit rules. */
final class ArchitectureRules {
  static final String DOMAIN = "dev.duka.domain..";
  static final String DOMAIN_TESTING = "dev.duka.domain.testing..";
  static final String APPLICATION = "dev.duka.application..";
  static final String ADAPTERS = "dev.duka.adapters..";
  static final String BOOTSTRAP = "dev.duka.bootstrap..";

  private ArchitectureRules() {}

  static final ArchRule DOMAIN_IS_PLAIN_JAVA =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .and()
          .resideOutsideOfPackage(DOMAIN_TESTING)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..")
          .because("the domain is plain Java: only the JDK and itself");

  static final ArchRule APPLICATION_USES_ONLY_THE_DOMAIN =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(APPLICATION, DOMAIN, "java..")
          .because(
              "use cases talk to the world through ports, never through adapters or frameworks");

  static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER =
      slices()
          .matching("dev.duka.adapters.(*)..")
          .should()
          .notDependOnEachOther()
          .because("each adapter plugs into the domain's ports on its own");

  static final ArchRule ONLY_BOOTSTRAP_KNOWS_ADAPTERS =
      noClasses()
          .that()
          .resideOutsideOfPackages(ADAPTERS, BOOTSTRAP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ADAPTERS)
          .because("only bootstrap wires adapters to ports");

  private static final Set<String> AMBIENT_SOURCES =
      Set.of(
          "java.time.Instant.now",
          "java.time.LocalDate.now",
          "java.time.LocalDateTime.now",
          "java.time.OffsetDateTime.now",
          "java.time.ZonedDateTime.now",
          "java.time.Clock.systemUTC",
          "java.time.Clock.systemDefaultZone",
          "java.lang.System.currentTimeMillis",
          "java.lang.System.nanoTime",
          "java.util.UUID.randomUUID",
          "java.lang.Math.random",
          "java.util.concurrent.ThreadLocalRandom.current",
          "java.util.Random.<init>",
          "java.security.SecureRandom.<init>");

  private static final DescribedPredicate<JavaAccess<?>> AMBIENT_TIME_OR_RANDOMNESS =
      DescribedPredicate.describe(
          "read the system clock or draw ambient randomness",
          access ->
              AMBIENT_SOURCES.contains(
                  access.getTargetOwner().getName() + "." + access.getTarget().getName()));

  static final ArchRule NO_AMBIENT_TIME_OR_RANDOMNESS =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .and()
          .resideOutsideOfPackage(DOMAIN_TESTING)
          .should()
          .accessTargetWhere(AMBIENT_TIME_OR_RANDOMNESS)
          .because("time and ids come from the Clock and IdGenerator ports");

  /**
   * Leaves out test classes, including those packed in test-jars: ArchUnit's own option only
   * recognizes {@code test-classes} directories, not {@code *-tests.jar}.
   */
  static final class DoNotIncludeTestsOrTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!?/.*");
    private final ImportOption doNotIncludeTests = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
      return doNotIncludeTests.includes(location) && !location.matches(TEST_JAR);
    }
  }
}
