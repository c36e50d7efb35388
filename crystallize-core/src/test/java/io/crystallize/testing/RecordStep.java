package io.crystallize.testing;

import io.crystallize.core.Context;
import io.crystallize.core.Step;

/** The reference fixture: records metric {@code metric = data} and passes the data on. */
public final class RecordStep implements Step<Number, Number> {

    public static final String METRIC = "metric";

    @Override
    public Number apply(Number input, Context context) {
        context.metrics().record(METRIC, input.doubleValue());
        return input;
    }
}
