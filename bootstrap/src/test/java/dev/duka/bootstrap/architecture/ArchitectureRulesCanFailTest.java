package dev.duka.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.duka.adapters.fakedb.FakeDatabaseRepository;
import dev.duka.adapters.fakeweb.FakeWebRoute;
import dev.duka.application.archfixture.ServiceUsingAFramework;
import dev.duka.application.archfixture.ServiceUsingAnAdapter;
import dev.duka.domain.archfixture.DomainDrawingARandomId;
import dev.duka.domain.archfixture.DomainReadingTheSystemClock;
import dev.duka.domain.archfixture.DomainUsingAFramework;
import dev.duka.domain.archfixture.PlainDomainValue;
import dev.duka.domain.testing.FixedClock;
import org.junit.jupiter.api.Test;

/**
 * Proves each architecture rule can fail: deliberately bad classes in this test tree break one rule
 * each, and the rule must report them by name.
 */
class ArchitectureRulesCanFailTest {

  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  private static void assertViolatedBy(ArchRule rule, Class<?> offender, Class<?>... others) {
    Class<?>[] all = new Class<?>[others.length + 1];
    all[0] = offender;
    System.arraycopy(others, 0, all, 1, others.length);
    assertThatThrownBy(() -> rule.check(classes(all)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offender.getName());
  }

  @Test
  void domainRuleCatchesAFrameworkImport() {
    assertViolatedBy(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, DomainUsingAFramework.class);
  }

  @Test
  void domainRuleAcceptsPlainJavaAndTheTestingPackage() {
    EvaluationResult result =
        ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.evaluate(
            classes(PlainDomainValue.class, FixedClock.class));
    assertThat(result.hasViolation()).isFalse();
  }

  @Test
  void applicationRuleCatchesAnAdapterDependency() {
    assertViolatedBy(
        ArchitectureRules.APPLICATION_USES_ONLY_THE_DOMAIN, ServiceUsingAnAdapter.class);
  }

  @Test
  void applicationRuleCatchesAFrameworkDependency() {
    assertViolatedBy(
        ArchitectureRules.APPLICATION_USES_ONLY_THE_DOMAIN, ServiceUsingAFramework.class);
  }

  @Test
  void adapterRuleCatchesOneAdapterUsingAnother() {
    assertViolatedBy(
        ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER,
        FakeWebRoute.class,
        FakeDatabaseRepository.class);
  }

  @Test
  void bootstrapRuleCatchesAnythingElseUsingAnAdapter() {
    assertViolatedBy(ArchitectureRules.ONLY_BOOTSTRAP_KNOWS_ADAPTERS, ServiceUsingAnAdapter.class);
  }

  @Test
  void ambientRuleCatchesTheSystemClock() {
    assertViolatedBy(
        ArchitectureRules.NO_AMBIENT_TIME_OR_RANDOMNESS, DomainReadingTheSystemClock.class);
  }

  @Test
  void ambientRuleCatchesRandomIds() {
    assertViolatedBy(ArchitectureRules.NO_AMBIENT_TIME_OR_RANDOMNESS, DomainDrawingARandomId.class);
  }
}
