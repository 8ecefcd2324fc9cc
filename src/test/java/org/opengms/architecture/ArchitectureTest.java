package org.opengms.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of docs/architecture.md, checked on the compiled classes: a change that
 * breaks one fails here with the classes and lines that do.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.opengms");

  /** No two top-level packages depend on each other, however indirectly. */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.opengms.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  /** The configuration knows no feature: features register their settings with it. */
  @Test
  void configurationDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.opengms.config..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.opengms..").and(not(resideInAPackage("org.opengms.config.."))))
        .check(MAIN);
  }

  /**
   * A feature's store (its persistence bean, {@code *Store}) is used only inside that feature;
   * others go through the feature's services. The files every feature keeps ({@code
   * persistence.files.BlobStore}) are infrastructure, not a feature.
   */
  @Test
  void storesAreUsedOnlyInsideTheirFeature() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Store")
        .and()
        .resideInAPackage("org.opengms..")
        .and()
        .resideOutsideOfPackage("org.opengms.persistence..")
        .should(beUsedOnlyInsideTheirFeature())
        .check(MAIN);
  }

  private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
    return new ArchCondition<>("be used only inside their feature") {
      @Override
      public void check(JavaClass store, ConditionEvents events) {
        String feature = feature(store);
        for (Dependency use : store.getDirectDependenciesToSelf()) {
          JavaClass user = use.getOriginClass();
          if (!feature(user).equals(feature)) {
            events.add(SimpleConditionEvent.violated(use, use.getDescription()));
          }
        }
      }
    };
  }

  /** The top-level package under org.opengms: {@code org.opengms.chat.files.X} → chat. */
  private static String feature(JavaClass type) {
    String[] parts = type.getPackageName().split("\\.");
    return parts.length > 2 ? parts[2] : "";
  }
}
