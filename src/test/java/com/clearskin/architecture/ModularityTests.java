package com.clearskin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The module structure: no cycles, no reaching into another module's internals, plain-Java rules. */
class ModularityTests {

    static final String ROOT = "com.clearskin";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void modulesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        assertThat(ModuleRules.reachesIntoInternals(CLASSES, ROOT)).isEmpty();
    }

    @Test
    void theModuleRuleCatchesAViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".architecture.fixture");
        assertThat(ModuleRules.reachesIntoInternals(fixture, ROOT + ".architecture.fixture"))
                .singleElement().asString().contains("Checkout", "PriceTable");
    }

    @Test
    void theCycleRuleCatchesACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".architecture.fixture");
        ArchRule rule = slices().matching(ROOT + ".architecture.fixture.(*)..").should().beFreeOfCycles();
        assertThat(rule.evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void catalogAndClinicRulesArePlainJava() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ROOT + ".catalog", ROOT + ".clinics")
                .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
                .and().areNotAnnotatedWith(org.springframework.stereotype.Component.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "jakarta.servlet..");
        rule.check(CLASSES);
    }

    @Test
    void theAvailabilityEngineIsPlainJavaPrivateToBooking() {
        noClasses().that().resideInAPackage(ROOT + ".booking.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "jakarta.servlet..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(ROOT + ".booking..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".booking.engine..")
                .check(CLASSES);
    }

    @Test
    void thePoreAnalysisIsPlainJavaPrivateToPhotos() {
        noClasses().that().resideInAPackage(ROOT + ".photos.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "jakarta.servlet..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(ROOT + ".photos..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".photos.analysis..")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackages() {
        noClasses().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideOutsideOfPackage("..web..")
                .check(CLASSES);
    }
}
