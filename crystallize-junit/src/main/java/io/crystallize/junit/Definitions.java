package io.crystallize.junit;

import io.crystallize.definition.DefinitionException;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentDefinitions;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The one place the engine turns an experiment class into its definition, through
 * {@link ExperimentDefinitions#load(Class)}: the generated definition when the processor ran (its
 * model hash checked against the class as it is now), else the runtime reader's, with a warning.
 *
 * <p>{@code load} already covers what the engine checked by itself before (a generated class for
 * another class, hypothesis methods renamed since the processor ran, hypotheses without
 * treatments): each changes the model hash or breaks a validator rule.
 */
final class Definitions {

    /** How to get the compile-time checks back, appended to the runtime reader's warning. */
    static final String ADD_PROCESSOR = "Maven: list io.crystallize:crystallize-processor in maven-compiler-plugin's "
            + "<annotationProcessorPaths>; Gradle: add it to testAnnotationProcessor (see the crystallize-junit README)";

    private Definitions() {
    }

    /**
     * The definition of an {@code @Experiment} class.
     *
     * @throws DefinitionException when the class breaks a rule (every problem listed) or its
     *                             generated class is unusable or stale
     */
    static LoadedDefinition load(Class<?> type) {
        ExperimentDefinitions.Loaded loaded = ExperimentDefinitions.load(type);
        List<String> warnings = loaded.warnings().stream().map(w -> loaded.generated() ? w : w + ". " + ADD_PROCESSOR)
                .toList();
        return new LoadedDefinition(loaded.definition(), warnings);
    }

    /** The hypothesis method of that name (hypothesis methods cannot be overloaded), or null. */
    static Method hypothesisMethod(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && !m.isSynthetic())
                .findFirst()
                .orElse(null);
    }

    /**
     * A definition and what discovery should warn about.
     *
     * @param definition what the engine runs
     * @param warnings   each becomes a WARNING discovery issue (e.g. the runtime reader built it)
     */
    record LoadedDefinition(ExperimentDefinition definition, List<String> warnings) {

        LoadedDefinition {
            warnings = List.copyOf(warnings);
        }
    }
}
