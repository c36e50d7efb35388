package io.crystallize.testing;

import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Parameters;
import java.util.Map;

/** The reference fixture: returns {@code replicate + increment}, {@code increment} a parameter with default 0. */
public final class ReplicateSource implements DataSource<Integer> {

    public static final String INCREMENT = "increment";

    @Override
    public Integer fetch(Context context) {
        return context.replicate() + context.getInt(INCREMENT);
    }

    @Override
    public Parameters parameters() {
        return Parameters.of(Map.of(INCREMENT, 0));
    }
}
