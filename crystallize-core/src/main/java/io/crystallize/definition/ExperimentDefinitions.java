package io.crystallize.definition;

import io.crystallize.annotation.Experiment;

/**
 * Finds the definition of an annotated experiment class: the generated
 * {@code <Class>_CrystallizePipeline} in the same package (MapStruct-style lookup by name through
 * the class's loader), or, without it, the runtime reader.
 */
public final class ExperimentDefinitions {

    /** Suffix of the class the processor generates for each experiment. */
    public static final String GENERATED_SUFFIX = "_CrystallizePipeline";

    private ExperimentDefinitions() {
    }

    /** True for classes this library runs: annotated {@code @Experiment}. */
    public static boolean isExperiment(Class<?> type) {
        return type.isAnnotationPresent(Experiment.class);
    }

    /** The binary name of the generated class for {@code type}. */
    public static String generatedName(Class<?> type) {
        return type.getName() + GENERATED_SUFFIX;
    }

    /**
     * The generated definition of {@code type}, or {@code null} when none was generated.
     *
     * @throws DefinitionException when the generated class exists but cannot be instantiated
     */
    public static ExperimentDefinition generated(Class<?> type) {
        Class<?> generated;
        try {
            generated = Class.forName(generatedName(type), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        try {
            return (ExperimentDefinition) generated.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new DefinitionException(type, "generated class " + generated.getName()
                    + " cannot be used (" + e + "): rebuild the project so the processor regenerates it");
        }
    }
}
