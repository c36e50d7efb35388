package io.crystallize.definition;

/**
 * What flows between the steps of an annotated experiment's run: the run's own instance of the
 * experiment class (made by the data source, so parallel runs share nothing) and the current
 * value. The last step hands on the plain value.
 *
 * @param <E> the experiment class
 */
public record RunState<E>(E instance, Object value) {

    /** The same run carrying a step's output. */
    public RunState<E> next(Object output) {
        return new RunState<>(instance, output);
    }
}
