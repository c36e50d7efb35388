package io.crystallize.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package picture of {@code crystallize-core} true: arrows point one way, from the
 * user-facing top down to the numerics, and every package says what API status it has.
 *
 * <pre>
 * report                           reports for people: HTML pages and a Markdown summary of results
 * definition                       loading annotated classes (runners, generated code)
 * internal.model  internal.wiring  the processor's model; support for generated code
 * plugins  artifacts  optimize     plugins on top of the runtime
 * fingerprint                      code fingerprints of runs (artifacts records them, finds reusable runs)
 * core                             experiment API and runtime (owns Optimizer, ArtifactStore)
 * annotation                       what users write (needs hypothesis's enums)
 * hypothesis                       hypotheses, verifiers, verdicts
 * base  stats  internal.json  internal.text   shared vocabulary, numerics, JSON, number text
 * internal.classfile               finding class files (definition, fingerprint)
 * </pre>
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crystallize");

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.crystallize.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void everyArrowPointsDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("stats").definedBy("io.crystallize.stats..")
                .layer("base").definedBy("io.crystallize.base..")
                .layer("json").definedBy("io.crystallize.internal.json..")
                .layer("text").definedBy("io.crystallize.internal.text..")
                .layer("classfile").definedBy("io.crystallize.internal.classfile..")
                .layer("hypothesis").definedBy("io.crystallize.hypothesis..")
                .layer("annotation").definedBy("io.crystallize.annotation..")
                .layer("core").definedBy("io.crystallize.core..")
                .layer("plugins").definedBy("io.crystallize.plugins..")
                .layer("artifacts").definedBy("io.crystallize.artifacts..")
                .layer("fingerprint").definedBy("io.crystallize.fingerprint..")
                .layer("optimize").definedBy("io.crystallize.optimize..")
                .layer("wiring").definedBy("io.crystallize.internal.wiring..")
                .layer("model").definedBy("io.crystallize.internal.model..")
                .layer("definition").definedBy("io.crystallize.definition..")
                .layer("report").definedBy("io.crystallize.report..")
                // the bottom: statistics, the shared vocabulary, the two formatting helpers and class files know no one
                .whereLayer("stats").mayNotAccessAnyLayer()
                .whereLayer("base").mayNotAccessAnyLayer()
                .whereLayer("json").mayNotAccessAnyLayer()
                .whereLayer("text").mayNotAccessAnyLayer()
                .whereLayer("classfile").mayNotAccessAnyLayer()
                // a hypothesis is judged from recorded values, without the runtime that recorded them
                .whereLayer("hypothesis").mayOnlyAccessLayers("stats", "base", "text")
                // annotation attributes take hypothesis enums (expectation, direction, aggregate, tests)
                .whereLayer("annotation").mayOnlyAccessLayers("hypothesis")
                // the runtime evaluates hypotheses and writes its Result as JSON; plugins come to it
                .whereLayer("core").mayOnlyAccessLayers("hypothesis", "base", "stats", "json", "text")
                .whereLayer("plugins").mayOnlyAccessLayers("core", "hypothesis", "base")
                // fingerprints digest the runtime's objects' code and the parameters as JSON
                .whereLayer("fingerprint").mayOnlyAccessLayers("core", "base", "json", "classfile")
                // results on disk record fingerprints and take earlier versions' runs when they match
                .whereLayer("artifacts").mayOnlyAccessLayers("core", "hypothesis", "base", "json", "fingerprint")
                .whereLayer("optimize").mayOnlyAccessLayers("core", "hypothesis", "base")
                // generated code's run state wraps the runtime's context
                .whereLayer("wiring").mayOnlyAccessLayers("core", "base")
                // the processor's model speaks of annotations and hypothesis settings, never of the runtime
                .whereLayer("model").mayOnlyAccessLayers("annotation", "hypothesis", "base")
                // nothing in the library depends on the report (the engine, another module, writes it)
                .whereLayer("report").mayNotBeAccessedByAnyLayer()
                // a report reads results, and stored versions through the artifacts package
                .whereLayer("report").mayOnlyAccessLayers("core", "hypothesis", "base", "artifacts", "json", "text")
                .check(CORE);
    }

    @Test
    void everyPackageDeclaresItsApiStatusAndInternalsSayInternal() throws ClassNotFoundException {
        Map<String, API.Status> status = new TreeMap<>();
        for (String pkg : packages()) {
            API api = Class.forName(pkg + ".package-info").getAnnotation(API.class);
            assertThat(api).as("@API on package-info of " + pkg).isNotNull();
            status.put(pkg, api.status());
        }
        status.forEach((pkg, s) -> assertThat(s == API.Status.INTERNAL)
                .as(pkg + " is " + s).isEqualTo(pkg.startsWith("io.crystallize.internal.")));
    }

    private static TreeSet<String> packages() {
        TreeSet<String> names = new TreeSet<>();
        for (JavaClass c : CORE) {
            names.add(c.getPackageName());
        }
        return names;
    }
}
