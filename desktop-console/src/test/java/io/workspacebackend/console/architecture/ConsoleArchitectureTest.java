package io.workspacebackend.console.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The console's boundaries, written once: it reaches the backend only through {@code shared-model}
 * (the HTTP client and the API's records) and the backend's one launcher API, and its feature
 * packages depend on each other without cycles. Only the console's own code is checked: its tests
 * may use the backend's test fixtures (a temporary home, the session image).
 */
class ConsoleArchitectureTest {
  private static final JavaClasses CONSOLE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.workspacebackend.console");

  /** The backend's classes the console may use: shared-model's packages and the launcher. */
  private static final DescribedPredicate<JavaClass> OPEN_TO_THE_CONSOLE =
      resideInAnyPackage(
              "io.workspacebackend.console..",
              "io.workspacebackend.client..",
              "io.workspacebackend.model..",
              "io.workspacebackend.launcher..")
          .as("shared-model or the launcher");

  @Test
  void theConsoleReachesTheBackendOnlyThroughSharedModelAndTheLauncher() {
    noClasses()
        .that()
        .resideInAPackage("io.workspacebackend.console..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.workspacebackend..")
                .and(DescribedPredicate.not(OPEN_TO_THE_CONSOLE))
                .as("are the backend's, outside shared-model and the launcher"))
        .check(CONSOLE);
  }

  @Test
  void theConsolesPackagesHaveNoCycles() {
    slices().matching("io.workspacebackend.console.(*)..").should().beFreeOfCycles().check(CONSOLE);
  }
}
