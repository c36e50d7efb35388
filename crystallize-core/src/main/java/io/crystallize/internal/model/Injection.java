package io.crystallize.internal.model;

/** What a method parameter receives at run time. */
public enum Injection {
    /** The previous step's output (the data source's for the first step, the artifact path for an upstream source). */
    INPUT,
    CONTEXT,
    METRICS,
    RANDOM,
    ARTIFACTS,
    /** A parameter's value, named by {@code @Param("name")}. */
    PARAM,
    /** A custom verifier's samples. */
    SAMPLES,
    /** A custom verifier's question (expectation, direction, alpha). */
    QUESTION;

    /** The injection for a parameter of this type, with or without {@code @Param}. */
    public static Injection of(TypeRef type, boolean annotatedParam) {
        if (annotatedParam) {
            return PARAM;
        }
        return switch (type.erasure()) {
            case "io.crystallize.core.Context" -> CONTEXT;
            case "io.crystallize.core.Metrics" -> METRICS;
            case "java.util.random.RandomGenerator" -> RANDOM;
            case "io.crystallize.core.Artifacts" -> ARTIFACTS;
            case "io.crystallize.hypothesis.Samples" -> SAMPLES;
            case "io.crystallize.hypothesis.Verifier.Question" -> QUESTION;
            default -> INPUT;
        };
    }
}
