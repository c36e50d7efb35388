package io.crystallize.core;

import io.crystallize.base.Names;
import java.util.Objects;

/**
 * One transformation of a pipeline: takes the previous step's output (or the data source's) and
 * the run's context, returns its output. Steps must not keep per-run state in fields: parallel
 * runs share the instance.
 *
 * @param <I> input type
 * @param <O> output type
 */
public interface Step<I, O> {

    O apply(I input, Context context) throws Exception;

    /** The step's name (directory name for its artifacts); defaults to the class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Parameters this step reads, with their baseline defaults. */
    default Parameters parameters() {
        return Parameters.none();
    }

    /** Called once per execution before any run. */
    default void setup(Resources resources) throws Exception {
    }

    /** Called once per execution after everything else, also after failures. */
    default void teardown(Resources resources) throws Exception {
    }

    /** A step from a function, with an explicit name. */
    static <I, O> Step<I, O> of(String name, Function<I, O> function) {
        Names.require("step", name);
        Objects.requireNonNull(function, "function");
        return new Step<>() {
            @Override
            public O apply(I input, Context context) throws Exception {
                return function.apply(input, context);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "Step[" + name + "]";
            }
        };
    }

    /** The body of a step given as a lambda. */
    @FunctionalInterface
    interface Function<I, O> {
        O apply(I input, Context context) throws Exception;
    }
}
