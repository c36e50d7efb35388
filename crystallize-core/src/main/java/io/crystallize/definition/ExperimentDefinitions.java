package io.crystallize.definition;

import io.crystallize.annotation.Experiment;
import io.crystallize.internal.model.ExperimentModel;
import io.crystallize.internal.model.ModelValidator;
import io.crystallize.internal.model.Problem;
import java.util.List;

/**
 * Finds the definition of an annotated experiment class: the generated
 * {@code <Class>_CrystallizePipeline} in the same package (MapStruct-style lookup by name through
 * the class's loader), or, without it, the runtime reader.
 */
public final class ExperimentDefinitions {

    /** The warning of {@link Loaded#warnings()} when no generated class was found. */
    public static final String NOT_GENERATED = "was compiled without crystallize-processor: its definition was "
            + "read at run time and compile-time checks were skipped; add the processor to the build";

    private ExperimentDefinitions() {
    }

    /**
     * What the processor appends to an experiment's binary name to name its generated class, e.g.
     * {@code com.example.CacheExperiment_CrystallizePipeline}: finding these class files finds the
     * experiments compiled with the processor without loading any class.
     */
    public static final String GENERATED_SUFFIX = ExperimentModel.GENERATED_SUFFIX;

    /** True for classes this library runs: annotated {@code @Experiment}. */
    public static boolean isExperiment(Class<?> type) {
        return type.isAnnotationPresent(Experiment.class);
    }

    /** The binary name of the generated class for {@code type}. */
    public static String generatedName(Class<?> type) {
        return type.getName() + ExperimentModel.GENERATED_SUFFIX;
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
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new DefinitionException(type, "generated class " + generated.getName()
                    + " cannot be used (" + e + "): rebuild the project so the processor regenerates it");
        }
    }

    /** What {@link #load(Class)} found. */
    public record Loaded(ExperimentDefinition definition, boolean generated, List<String> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The definition of an experiment class, checked. The runtime reader always reads the class
     * and validates it with the processor's rules; when a generated class exists it is returned,
     * otherwise the runtime reader's definition, with a warning that compile-time checks were
     * skipped.
     *
     * @throws DefinitionException when {@code type} is not an {@code @Experiment}, when it breaks
     *         any rule (listing every problem, each naming its element), or when the generated
     *         class is stale (its model hash differs from the class's current model: rebuild)
     */
    public static Loaded load(Class<?> type) {
        return LOADED.get(type);
    }

    /**
     * A loaded class never changes, so neither does its checked definition: reading the class file
     * and hashing its model once per class (like the JVM's own reflection data) keeps repeated
     * discovery in one JVM (IDE re-runs, launcher sessions) cheap. Failures are not remembered.
     */
    private static final ClassValue<Loaded> LOADED = new ClassValue<>() {
        @Override
        protected Loaded computeValue(Class<?> type) {
            return check(type);
        }
    };

    private static Loaded check(Class<?> type) {
        if (!isExperiment(type)) {
            throw new DefinitionException(type, type.getName() + " is not annotated @Experiment");
        }
        ClassModelReader.Reading reading = ClassModelReader.read(type);
        ExperimentDefinition generated = generated(type);
        if (generated != null && reading.model().hash().equals(generated.modelHash())) {
            // the processor validated this very model before generating its class
            return new Loaded(generated, true, List.of());
        }
        List<Problem> problems = ModelValidator.validate(reading.model(), reading.types());
        if (!problems.isEmpty()) {
            throw new DefinitionException(type, problems.stream().map(Problem::toString).toList());
        }
        if (generated == null) {
            return new Loaded(new ReflectiveDefinition(type, reading), false,
                    List.of(type.getName() + " " + NOT_GENERATED));
        }
        throw new DefinitionException(type, "generated class " + generatedName(type) + " is stale: it was "
                + "generated from model " + generated.modelHash() + " but the class now has model "
                + reading.model().hash()
                + ": rebuild the project so the processor regenerates it");
    }

    /**
     * The runtime reader's definition of {@code type}, even when a generated class exists: for
     * comparing both paths. Validated like {@link #load(Class)}.
     */
    public static ExperimentDefinition runtime(Class<?> type) {
        ClassModelReader.Reading reading = ClassModelReader.read(type);
        List<Problem> problems = ModelValidator.validate(reading.model(), reading.types());
        if (!problems.isEmpty()) {
            throw new DefinitionException(type, problems.stream().map(Problem::toString).toList());
        }
        return new ReflectiveDefinition(type, reading);
    }

    /** The model the runtime reader reads from {@code type}, unvalidated. */
    public static ExperimentModel model(Class<?> type) {
        return ClassModelReader.read(type).model();
    }

    /** The problems the validator finds in {@code type} as the runtime reader reads it; empty when valid. */
    public static List<Problem> problems(Class<?> type) {
        ClassModelReader.Reading reading = ClassModelReader.read(type);
        return ModelValidator.validate(reading.model(), reading.types());
    }
}
