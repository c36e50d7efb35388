package io.crystallize.hazelcast;

import io.crystallize.core.Experiment;
import java.util.function.Supplier;

/** How workers build {@link ClusterSampleBuild}'s experiment; the build-mismatch test compiles another version of it. */
public final class ClusterSample implements Supplier<Experiment> {

    @Override
    public Experiment get() {
        return ClusterSampleBuild.defaultBuild();
    }
}
