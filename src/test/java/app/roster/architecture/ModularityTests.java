package app.roster.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.RosterApplication;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature modules depend on each other only through their root packages, without cycles, and only on the
 * modules their package-info allows. The module map in docs/modules is written from the same model.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RosterApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Without a declaration a module may depend on anything, and verify() would let any new arrow through. */
    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        modules.forEach(module -> {
            String[] allowed = declaration(module.getBasePackage().getName()).allowedDependencies();
            assertThat(allowed).as(module.getIdentifier() + " declares its allowed dependencies")
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            for (String dependency : allowed) {
                String target = dependency.split("::")[0].strip();
                assertThat(modules.getModuleByName(target)).as(module.getIdentifier() + " allows " + dependency)
                        .isPresent();
            }
        });
    }

    /** The check above is only worth something if an arrow outside the declaration fails the build. */
    @Test
    void anArrowOutsideTheDeclarationIsReported() {
        // The fixture lives with the tests, which the default import leaves out.
        ImportOption everything = location -> true;
        Violations violations = ApplicationModules.of("app.roster.architecture.wrongarrow", everything)
                .detectViolations();

        assertThat(violations.hasViolations()).isTrue();
        List<String> messages = violations.getMessages();
        assertThat(messages).anySatisfy(message -> assertThat(message)
                .contains("billing", "ledger", "Invoices", "Ledger"));
    }

    @Test
    void writesTheModuleMap() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Arrays.asList(new java.io.File("docs/modules").list())).contains("components.puml");
    }

    private static ApplicationModule declaration(String basePackage) {
        try {
            ApplicationModule declaration = Class.forName(basePackage + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declaration).as(basePackage + " is annotated with @ApplicationModule").isNotNull();
            return declaration;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(basePackage + " has no package-info.java", e);
        }
    }
}
