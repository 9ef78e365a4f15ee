package app.roster.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The house names: no grab-bag suffixes, controllers named and placed as controllers. */
class NamingRulesTest {

    /** Imported once for the class: each import of the classpath takes seconds. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.roster");

    @Test
    void noGrabBagNames() {
        noClasses().should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Dto")
                .orShould().haveSimpleNameEndingWith("Mapper")
                .orShould().haveSimpleNameEndingWith("Entity")
                .check(CLASSES);
    }

    @Test
    void controllersAreNamedSoAndLiveInAWebOrApiPackage() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().haveSimpleNameEndingWith("Controller")
                .andShould().resideInAnyPackage("..web..", "..api..")
                .check(CLASSES);
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("app.roster.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("app.roster.user..", "app.roster.account..",
                        "app.roster.membership..", "app.roster.mail..", "app.roster.audit..", "app.roster.admin..",
                        "app.roster.staff..")
                .check(CLASSES);
    }
}
