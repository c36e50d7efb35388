package io.crystallize.fork;

import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import java.util.Map;
import java.util.function.Supplier;

/** Records, per run, the process id of the JVM that ran it (metric {@code pid}). */
public final class PidExperiment implements Supplier<Experiment> {

    @Override
    public Experiment get() {
        return Experiment.builder("pids")
                .dataSource(DataSource.of(ctx -> ctx.random().nextDouble()))
                .parameter("shift", 0.0)
                .step(Step.of("pid", (Double noise, io.crystallize.core.Context ctx) -> {
                    ctx.metrics().record("pid", ProcessHandle.current().pid());
                    return noise + ctx.getDouble("shift");
                }))
                .treatment("shifted", Map.of("shift", 1.0))
                .replicates(8)
                .seed(7)
                .build();
    }
}
