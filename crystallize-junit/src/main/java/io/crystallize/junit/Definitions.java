package io.crystallize.junit;

import io.crystallize.definition.DefinitionException;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.HypothesisDeclaration;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place the engine turns an experiment class into its definition.
 *
 * <p>Until the processor's {@code ExperimentDefinitions.load(Class)} lands (with the runtime reader
 * and the model-hash comparison), only generated definitions are used and a missing generated
 * class is an error. Switching over replaces the body of {@link #load(Class)}.
 */
final class Definitions {

    private Definitions() {
    }

    /**
     * The definition of an {@code @Experiment} class.
     *
     * @throws DefinitionException when the class cannot be run as declared, or its generated class is
     *                             missing, unusable or stale
     */
    static LoadedDefinition load(Class<?> type) {
        ExperimentDefinition generated = ExperimentDefinitions.generated(type);
        if (generated == null) {
            throw new DefinitionException(type, "no generated class " + ExperimentDefinitions.generatedName(type)
                    + " found: add crystallize-processor to the compiler's annotationProcessorPaths and rebuild");
        }
        checkMatches(type, generated);
        return new LoadedDefinition(generated, true);
    }

    /**
     * Catches a generated class that no longer matches its experiment class (e.g. a hypothesis
     * method renamed since the last processor run), which would otherwise report results against
     * methods that do not exist.
     */
    private static void checkMatches(Class<?> type, ExperimentDefinition definition) {
        List<String> problems = new ArrayList<>();
        if (definition.experimentClass() != type) {
            problems.add("generated class " + definition.getClass().getName() + " describes "
                    + definition.experimentClass().getName());
        }
        for (HypothesisDeclaration hypothesis : definition.hypotheses()) {
            if (hypothesisMethod(type, hypothesis.method()) == null) {
                problems.add("hypothesis method " + hypothesis.method() + "() no longer exists");
            }
            if (hypothesis.treatments().isEmpty()) {
                problems.add("hypothesis " + hypothesis.method() + "() covers no treatment");
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(type, "generated class " + definition.getClass().getName()
                    + " is stale (" + String.join("; ", problems) + "): rebuild so the processor regenerates it");
        }
    }

    /** The hypothesis method of that name (hypothesis methods cannot be overloaded), or null. */
    static Method hypothesisMethod(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && !m.isSynthetic())
                .findFirst()
                .orElse(null);
    }

    /**
     * A definition and whether the compile-time checks ran on it.
     *
     * @param definition      what the engine runs
     * @param compileTimeChecked false when built by the runtime reader (the processor did not run)
     */
    record LoadedDefinition(ExperimentDefinition definition, boolean compileTimeChecked) {
    }
}
