package io.crystallize.benchmarks;

import io.crystallize.benchmarks.wiring.WiringExperiment;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.definition.ExperimentDefinition;
import io.crystallize.definition.ExperimentDefinitions;
import io.crystallize.definition.ExperimentSettings;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 2: one step invocation through the processor's generated wiring, through the runtime
 * reader's method handles, and as a direct call on the instance. The step has a small realistic
 * body (see {@link WiringExperiment#add}), so the direct call is a stable baseline of a few
 * nanoseconds rather than a sub-nanosecond one that code placement alone moves by 2x.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WiringBenchmark {

    private Step<Object, Object> generated;
    private Step<Object, Object> runtimeReader;
    private Object generatedState;
    private Object runtimeState;
    private Context context;
    private WiringExperiment instance;
    private long input;

    @Setup
    public void setUp() throws Exception {
        ExperimentSettings settings = ExperimentSettings.defaults()
                .withArtifactRoot(Files.createTempDirectory("crystallize-wiring"));
        context = Context.of(Map.of("delta", 1L));
        ExperimentDefinition loaded = ExperimentDefinitions.load(WiringExperiment.class).definition();
        if (!loaded.generated()) {
            throw new IllegalStateException("the processor did not run on WiringExperiment");
        }
        Experiment fromGenerated = loaded.experiment(settings);
        Experiment fromRuntime = ExperimentDefinitions.runtime(WiringExperiment.class).experiment(settings);
        generated = firstStep(fromGenerated);
        runtimeReader = firstStep(fromRuntime);
        generatedState = ((DataSource<?>) fromGenerated.dataSource()).fetch(context);
        runtimeState = ((DataSource<?>) fromRuntime.dataSource()).fetch(context);
        instance = new WiringExperiment();
    }

    @SuppressWarnings("unchecked")
    private static Step<Object, Object> firstStep(Experiment experiment) {
        return (Step<Object, Object>) experiment.pipeline().steps().get(0);
    }

    @Benchmark
    public Object generatedWiring() throws Exception {
        return generated.apply(generatedState, context);
    }

    @Benchmark
    public Object runtimeReaderWiring() throws Exception {
        return runtimeReader.apply(runtimeState, context);
    }

    /**
     * The plain call, as JIT-compiled Java calls it: a primitive in, a primitive out, each call's
     * input the previous call's result, as the run state feeds the generated step (independent
     * inputs would let the CPU overlap consecutive calls' work, which no chained pipeline gets).
     */
    @Benchmark
    public long directCall() {
        chained = instance.add(chained);
        return chained;
    }

    private long chained;

    /** The same call with the value passed as an object, as any pipeline of typed steps passes it. */
    @Benchmark
    public Object directCallBoxed() {
        Object value = input++;
        return instance.add((Long) value);
    }
}
