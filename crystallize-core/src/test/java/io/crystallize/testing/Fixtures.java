package io.crystallize.testing;

import io.crystallize.core.Experiment;
import io.crystallize.core.Treatment;
import java.util.Map;

/** Experiments built from the reference fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    /** {@link ReplicateSource} followed by {@link RecordStep}; add treatments, hypotheses and plugins as needed. */
    public static Experiment.Builder replicateExperiment(String name) {
        return Experiment.builder(name).dataSource(new ReplicateSource()).step(new RecordStep());
    }

    /** A treatment setting {@code increment}. */
    public static Treatment increment(String name, int increment) {
        return Treatment.of(name, Map.of(ReplicateSource.INCREMENT, increment));
    }
}
