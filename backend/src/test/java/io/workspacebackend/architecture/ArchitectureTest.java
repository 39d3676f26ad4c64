package io.workspacebackend.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The project's boundaries, written once: no feature package of the backend depends on another that
 * depends back on it, nothing in the backend uses the launcher (the desktop console's one way in),
 * and {@code shared-model}, which the console and SDK clients use, knows nothing of Spring or
 * JavaFX. The console's own rules are in its {@code ConsoleArchitectureTest}.
 */
class ArchitectureTest {
  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.workspacebackend");

  private static final JavaClasses MODEL =
      new ClassFileImporter()
          .importPackages("io.workspacebackend.model", "io.workspacebackend.client");

  @Test
  void theBackendsFeaturePackagesHaveNoCycles() {
    slices().matching("io.workspacebackend.(*)..").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  void nothingInTheBackendUsesTheLauncher() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.workspacebackend.launcher..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.workspacebackend.launcher..")
        .check(PRODUCTION);
  }

  @Test
  void theSharedModelKnowsNoSpringAndNoJavaFx() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "javafx..")
        .check(MODEL);
  }
}
