package app.roster.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.RosterApplication;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
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

    private static final Path MODULE_MAP = Path.of("docs", "modules");

    /** Built once for the class: each import of the classpath takes seconds. */
    private static final ApplicationModules MODULES = ApplicationModules.of(RosterApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Without a declaration a module may depend on anything, and verify() would let any new arrow through. */
    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        MODULES.forEach(module -> {
            String[] allowed = declaration(module.getBasePackage().getName()).allowedDependencies();
            assertThat(allowed).as(module.getIdentifier() + " declares its allowed dependencies")
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            for (String dependency : allowed) {
                String target = dependency.split("::")[0].strip();
                assertThat(MODULES.getModuleByName(target)).as(module.getIdentifier() + " allows " + dependency)
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
    void writesTheModuleMap() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(MODULE_MAP.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(MODULE_MAP)) {
            for (Path file : files.toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file)));
            }
        }
        assertThat(MODULE_MAP.resolve("components.puml")).content().contains("Component(", "Rel(");
    }

    /**
     * The Documenter lists components, arrows and canvas entries in hash order, which changes from run to run;
     * sorted, the committed map changes only when the modules do.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = kindOf(line, runKind);
            if (kind == null || !kind.equals(runKind)) {
                flush(run, runKind, result);
                runKind = kind;
            }
            if (kind == null) {
                result.add(line);
            } else {
                run.add(line.startsWith("|* ") ? line.substring(1) : line);
            }
        }
        flush(run, runKind, result);
        return result;
    }

    private static String kindOf(String line, String current) {
        if (line.startsWith("Rel(") || line.strip().startsWith("Component(")) {
            return line.substring(0, line.indexOf('('));
        }
        // A canvas cell: "|* first" and then "* next" lines.
        if (line.startsWith("|* ")) {
            return "cell:" + line.hashCode();
        }
        return line.startsWith("* ") && current != null && current.startsWith("cell:") ? current : null;
    }

    private static void flush(List<String> run, String kind, List<String> result) {
        if (run.isEmpty()) {
            return;
        }
        Collections.sort(run);
        if (kind.startsWith("cell:")) {
            run.set(0, "|" + run.get(0));
        }
        result.addAll(run);
        run.clear();
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
