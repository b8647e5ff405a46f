package de.lagebild.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import de.lagebild.LagebildApplication;
import de.lagebild.platform.AllowAuthenticated;
import de.lagebild.platform.AllowPlatformAdmin;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rules of the code's structure that must hold on every commit. */
class ArchitectureTests {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("de.lagebild");

  static final List<Class<? extends java.lang.annotation.Annotation>> MAPPINGS =
      List.of(
          RequestMapping.class,
          GetMapping.class,
          PostMapping.class,
          PutMapping.class,
          DeleteMapping.class,
          PatchMapping.class);
  static final List<Class<? extends java.lang.annotation.Annotation>> ACCESS_RULES =
      List.of(
          AllowPublic.class, AllowAuthenticated.class, AllowRoles.class, AllowPlatformAdmin.class);

  /** One analysis of the modules for verification and documentation. */
  static final ApplicationModules MODULES = ApplicationModules.of(LagebildApplication.class);

  @Test
  void modulesOnlyUseEachOthersApi() {
    MODULES.verify();
  }

  /**
   * The module diagrams (PlantUML, one for all and one per module) and canvases: written to {@code
   * target/modules-doc} on every run and compared with the committed {@code doc/modules}, line set
   * against line set (the Documenter's line order varies between runs). A change of the module
   * structure fails here until {@code doc/modules} is updated: run the test with {@code
   * -Dlagebild.update-module-docs=true}.
   */
  @Test
  void moduleDocumentationIsUpToDate() throws java.io.IOException {
    java.nio.file.Path generated = java.nio.file.Path.of("target/modules-doc");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    java.nio.file.Path committed = java.nio.file.Path.of("doc/modules");
    boolean update = Boolean.getBoolean("lagebild.update-module-docs");
    try (var files = java.nio.file.Files.list(generated)) {
      for (java.nio.file.Path file : files.toList()) {
        java.nio.file.Path target = committed.resolve(file.getFileName());
        if (update) {
          java.nio.file.Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          continue;
        }
        org.assertj.core.api.Assertions.assertThat(target)
            .as(
                "doc/modules fehlt %s: mit -Dlagebild.update-module-docs=true neu schreiben",
                target)
            .exists();
        org.assertj.core.api.Assertions.assertThat(
                new java.util.TreeSet<>(java.nio.file.Files.readAllLines(target)))
            .as("%s ist veraltet: mit -Dlagebild.update-module-docs=true neu schreiben", target)
            .isEqualTo(new java.util.TreeSet<>(java.nio.file.Files.readAllLines(file)));
      }
    }
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternals() {
    for (String module :
        List.of("platform", "identity", "strategy", "atlas", "catalogue", "exchange", "web")) {
      noClasses()
          .that()
          .resideOutsideOfPackage("de.lagebild." + module + "..")
          .should()
          .accessClassesThat()
          .resideInAPackage("de.lagebild." + module + ".internal..")
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }

  @Test
  void everyWebEndpointCarriesExactlyOneAccessRule() {
    methods().that(areRequestHandlers()).should(haveExactlyOneAccessRule()).check(CLASSES);
  }

  @Test
  void noLegacyDateTypes() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Date")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Calendar")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.sql.Timestamp")
        .check(CLASSES);
  }

  @Test
  void onlyTheMembershipLookupAndTheJobSweepReachAcrossTenants() {
    // the membership lookup finds a user's tenants; the sweep at start-up fails background jobs cut
    // off
    // by a crash
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("de.lagebild.identity.internal.users.MembershipRepository")
        .and()
        .doNotHaveFullyQualifiedName("de.lagebild.platform.Jobs")
        .should()
        .callMethod(TenantScope.class, "acrossTenants", TenantTable.class)
        .check(CLASSES);
  }

  @Test
  void controllersAreNotPublic() {
    noClasses()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .bePublic()
        .check(CLASSES);
  }

  @Test
  void controllersDependOnNoController() {
    // shared parsing of request parameters and domain terms live in their own classes, not in
    // another controller
    noClasses()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are other controllers",
                (JavaClass c) ->
                    !c.isAnnotation() && c.isAnnotatedWith(Controller.class)
                        || c.isAnnotatedWith(RestController.class)))
        .check(CLASSES);
  }

  @Test
  void templatesNameNoInternalClass() throws IOException {
    try (var files = Files.walk(Path.of("src/main/resources/templates"))) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".html"))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p)
                          .matches("(?s).*de\\.lagebild\\.[a-z]+\\.internal.*");
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .map(Object::toString)
              .toList();
      Assertions.assertThat(offenders).as("templates that call internal classes by name").isEmpty();
    }
  }

  /**
   * A class of more than {@value #LONG_CLASS} formatted lines (about 300 before google-java-format
   * puts one argument per line) says at its top why it is not split.
   */
  @Test
  void longClassesSayWhy() throws IOException {
    try (var files = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    try {
                      String text = Files.readString(p);
                      return text.lines().count() > LONG_CLASS
                          && !text.contains("Why this class is long:");
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .map(Object::toString)
              .toList();
      Assertions.assertThat(offenders)
          .as("classes over %d lines without \"Why this class is long:\"", LONG_CLASS)
          .isEmpty();
    }
  }

  private static final int LONG_CLASS = 360;

  private static DescribedPredicate<JavaMethod> areRequestHandlers() {
    return DescribedPredicate.describe(
        "request handler methods", m -> MAPPINGS.stream().anyMatch(m::isAnnotatedWith));
  }

  private static ArchCondition<JavaMethod> haveExactlyOneAccessRule() {
    return new ArchCondition<>("carry exactly one @Allow… access rule") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        long n = ACCESS_RULES.stream().filter(method::isAnnotatedWith).count();
        if (n != 1) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  method.getFullName() + " has " + n + " access rules (needs exactly one)"));
        }
      }
    };
  }

  static Stream<JavaClass> controllers() {
    return CLASSES.stream().filter(c -> c.isAnnotatedWith(Controller.class));
  }
}
