package io.crystallize.testing;

import io.crystallize.core.Context;
import io.crystallize.core.Step;

/** Returns {@code data + increment}. */
public final class AddIncrementStep implements Step<Number, Number> {

    @Override
    public Number apply(Number input, Context context) {
        return input.intValue() + context.getInt(ReplicateSource.INCREMENT);
    }
}
