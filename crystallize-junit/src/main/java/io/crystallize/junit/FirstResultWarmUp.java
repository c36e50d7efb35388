package io.crystallize.junit;

import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.fingerprint.RunFingerprints;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import io.crystallize.internal.json.JsonOut;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Walks a fresh JVM's path to its first result on a background thread, from the moment
 * discovery finds the first experiment, while discovery and the first experiment run on the main
 * one: it
 * makes a digest, reads a class file as fingerprinting does, runs a tiny experiment in memory (no plugin, nothing written), writes that
 * result as JSON and formats its verdicts. A first experiment otherwise loads and initialises all
 * of that (the security providers, the runner, the random generators, the statistics, the
 * verdicts, the result's serializers: several hundred classes) on the main thread, and the engine
 * waits at the end for its result to be written. Once per JVM; a failure here is ignored (the
 * real execution meets it again and reports it).
 */
final class FirstResultWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private FirstResultWarmUp() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(FirstResultWarmUp::warm, "crystallize-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        try {
            walk();
        } catch (RuntimeException | LinkageError e) {
            // the engine's own execution takes the same path and reports what goes wrong there
        }
    }

    /**
     * The walk itself, on the calling thread, in the order the main thread needs each part: the
     * digest of discovery's model hash, the code fingerprint's class-file reader, an execution,
     * the result's JSON, the verdicts' text.
     * Returns the tiny experiment's result.
     */
    static Result walk() {
        try {
            // the first digest of a JVM loads the security providers
            MessageDigest.getInstance("SHA-256").digest(new byte[64]);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // the class-file reader that fingerprints the first execution's code, on a class of our own
        RunFingerprints.prepare(FirstResultWarmUp.class);
        Result result = tinyExperiment().run();
        result.toJsonWithoutMetrics();
        Map<String, Object> values = Map.of("values", List.of(1.5, Double.NaN), "name", "warm-up", "replicates", 10L);
        // the results files' writer (no mapper: see JsonOut), indented, compact and as text (fingerprints)
        JsonOut.pretty(values);
        JsonOut.compact(values);
        JsonOut.text(values);
        List<VerdictTable.Test> tests = new ArrayList<>();
        for (HypothesisResult hypothesis : result.hypotheses()) {
            for (String treatment : hypothesis.treatments()) {
                tests.add(new VerdictTable.Test(hypothesis.name(), hypothesis.name(), treatment));
                for (Verdict verdict : hypothesis.verdicts(treatment)) {
                    VerdictReport.entries(verdict, result);
                }
            }
        }
        VerdictTable.of(result, tests);
        return result;
    }

    /** Two conditions of a few replicates, one metric, one hypothesis: the shape of most experiments. */
    private static Experiment tinyExperiment() {
        return Experiment.builder("crystallize-warm-up")
                .dataSource(DataSource.of(context -> context.replicate()))
                .parameter("shift", 0.0)
                .step(Step.<Object, Object>of("measure", (input, context) -> {
                    double shift = context.getDouble("shift");
                    context.metrics().record("value", (1 + shift) * context.random().nextGaussian() + 3 * shift);
                    return input;
                }))
                .treatment(Treatment.of("shifted", Map.of("shift", 2.0)))
                .hypothesis(Hypothesis.on("value").expect(Expectation.better()).build())
                .replicates(12)
                .seed(1)
                .build();
    }
}
