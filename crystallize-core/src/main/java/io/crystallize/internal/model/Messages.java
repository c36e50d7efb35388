package io.crystallize.internal.model;

/**
 * The fixed parts of validation messages, shared by the processor, the runtime reader and their
 * tests. A full message names the element and the values involved around one of these.
 */
public final class Messages {

    public static final String NOT_INSTANTIABLE = "must be a concrete, non-private, non-generic top-level or static "
            + "nested class with a non-private no-argument constructor: each run makes a fresh instance";
    public static final String PRIVATE_METHOD = "must not be private";
    public static final String STATIC_METHOD = "must not be static: it runs on the run's instance";
    public static final String PARAM_FIELD_MODIFIERS = "must be neither private, static nor final: "
            + "each run's instance gets its value assigned";
    public static final String TWO_INPUTS = "takes more than one input: besides injectable parameters (Context, "
            + "Metrics, RandomGenerator, Artifacts, @Param(\"name\")) a step takes at most one input";
    public static final String NOT_INJECTABLE = "cannot be injected here";
    public static final String CACHED_VOID_STEP = "has cache = true but returns nothing: a void step has no output "
            + "to cache; return the value, or remove cache = true";
    public static final String UNCACHEABLE_OUTPUT = "which a step cache cannot read back from JSON: return a "
            + "concrete class (a record or class Jackson can create), or remove cache = true";
    public static final String DATA_SOURCE_VOID = "must return the run's data";
    public static final String DATA_SOURCE_INPUT = "is not injectable: a data source takes only Context, Metrics, "
            + "RandomGenerator, Artifacts and @Param(\"name\") values";
    public static final String UPSTREAM_INPUT = "must take the upstream artifact as one java.nio.file.Path parameter";
    public static final String UPSTREAM_INCOMPLETE = "names an upstream experiment but not both step and artifact";
    public static final String UPSTREAM_NOT_EXPERIMENT = "is not annotated @Experiment";
    public static final String INPUT_MISMATCH = "cannot take its input";
    public static final String TWO_DATA_SOURCES = "declares more than one @DataSource";
    public static final String STEP_WITHOUT_DATA_SOURCE = "has @Step methods but no @DataSource: "
            + "add a @DataSource method providing the first step's input";
    public static final String NO_STEPS = "has no @Step method: add at least one";
    public static final String UNNAMED_PARAM = "@Param on a method parameter must name the parameter, e.g. @Param(\"discount\")";
    public static final String UNKNOWN_PARAM = "unknown parameter";
    public static final String PARAM_TYPE_MISMATCH = "does not match the type of parameter";
    public static final String DUPLICATE = "is declared twice";
    public static final String BASELINE_RESERVED = "'baseline' (in any case) is reserved for the baseline condition";
    public static final String LITERAL_FORM = "is not of the form parameter=value";
    public static final String LITERAL_UNPARSABLE = "cannot be parsed as";
    public static final String LITERAL_TYPE = "cannot be set by a literal: use the method form of @Treatment";
    public static final String TREATMENT_METHOD = "must be a static method without parameters returning "
            + "Map<String, ?> (or a void method holding literals)";
    public static final String TREATMENT_METHOD_WITH_SET = "gives both set literals and a method: use one form";
    public static final String HYPOTHESIS_SIGNATURE = "must be void without parameters, or a custom verifier taking "
            + "Samples (and optionally Verifier.Question) and returning Verdict";
    public static final String OVERLOADED = "is overloaded: hypothesis methods must have unique names";
    public static final String ALPHA_RANGE = "alpha must lie in (0, 1)";
    public static final String NO_METRIC = "names no metric";
    public static final String MARGIN = "needs a finite margin";
    public static final String BINARY_RELATIVE_MARGIN = "declares its metrics binary (0/1) and has a relative margin:"
            + " give the margin in rate units (e.g. 0.02 for two percentage points)";
    public static final String BINARY_MARGIN = "declares its metrics binary (0/1) and has a margin of 1 or more:"
            + " rates differ by at most 1, give a margin below 1 (e.g. 0.05)";
    public static final String UNKNOWN_TREATMENT = "names unknown treatment";
    public static final String NO_TREATMENTS = "has no treatment to compare with the baseline: declare a @Treatment";
    public static final String REPLICATES = "replicates must be at least 1";
    public static final String WARMUP_REPLICATES = "warm-up replicates must be at least 0";
    public static final String BLANK_TAG = "tag must not be blank";

    private Messages() {
    }
}
