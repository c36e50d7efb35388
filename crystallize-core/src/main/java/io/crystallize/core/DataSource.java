package io.crystallize.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Provides the initial data of each run.
 *
 * @param <T> the data type
 */
public interface DataSource<T> {

    T fetch(Context context) throws Exception;

    /** Replicates this source declares (e.g. an upstream experiment's count); the run argument wins over it. */
    default OptionalInt replicates() {
        return OptionalInt.empty();
    }

    /** Parameters this source reads, with their baseline defaults. */
    default Parameters parameters() {
        return Parameters.none();
    }

    /** A data source from a function of the context. */
    static <T> DataSource<T> of(Fetch<T> fetch) {
        Objects.requireNonNull(fetch, "fetch");
        return fetch::fetch;
    }

    /** The body of a data source given as a lambda. */
    @FunctionalInterface
    interface Fetch<T> {
        T fetch(Context context) throws Exception;
    }
}
