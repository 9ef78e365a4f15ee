package app.roster.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;

/**
 * The jar starts with Spring's build-time AOT processing (bin/roster), which decides every bean condition and
 * profile once, with the build's settings: a bean of Roster's own that depends on a setting chooses at run time.
 * Boot's @ConditionalOn… annotations are meta-annotated with @Conditional, so they are caught too.
 */
class AotReadyTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.roster");

    @Test
    void noBeanOfRostersOwnIsConditional() {
        noClasses().should().beMetaAnnotatedWith(Conditional.class).orShould().beMetaAnnotatedWith(Profile.class)
                .check(CLASSES);
        noMethods().should().beMetaAnnotatedWith(Conditional.class).orShould().beMetaAnnotatedWith(Profile.class)
                .check(CLASSES);
    }
}
