package io.crystallize.benchmarks;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.Context;
import io.crystallize.core.ExecutionOptions;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.ReusePolicy;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Hypothesis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What reuse saves and what fingerprinting costs, as whole-process or in-JVM figures printed as
 * {@code name value unit} lines.
 *
 * <ul>
 *   <li>{@code programmatic <root>}: an experiment of 3 conditions × 10 replicates whose runs take
 *   at least 10 ms each, executed, then executed again unchanged (a new {@code Experiment} object
 *   over the same results root): both times and their ratio. The JVM has run a small experiment
 *   first, so class loading is not in the first figure.</li>
 *   <li>{@code engine <never|unless-timing> <root> <package>}: one engine run (crystallize engine
 *   only) of every experiment in a package, as a cold process times it: with {@code never}
 *   nothing is fingerprinted, with {@code unless-timing} every condition is (and reused when the
 *   root holds an earlier run). Time the command itself; it prints the run's time in the JVM and
 *   how many tests passed.</li>
 * </ul>
 */
public final class Rerun {

    private Rerun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("programmatic")) {
            programmatic(Path.of(args[1]));
        } else if (args.length >= 4 && args[0].equals("engine")) {
            engine(args[1], Path.of(args[2]), args[3]);
        } else {
            System.err.println("usage: Rerun programmatic <root> | Rerun engine <never|unless-timing> <root> <package>");
            System.exit(2);
        }
    }

    static Experiment tenMillisecondRuns(Path root) {
        return Experiment.builder("rerun")
                .dataSource(context -> context.random().nextDouble())
                .step(Step.of("work", (Double x, Context context) -> {
                    Thread.sleep(10); // stands for 10 ms of model training or simulation
                    context.metrics().record("score", x * 10 + (Double) context.get("shift"));
                    return x;
                }))
                .parameter("shift", 0.0)
                .treatment(Treatment.of("plus", Map.of("shift", 1.0)))
                .treatment(Treatment.of("minus", Map.of("shift", -1.0)))
                .hypothesis(Hypothesis.on("score").name("shifted").treatments(List.of("plus", "minus")).build())
                .replicates(10)
                .options(ExecutionOptions.defaults().withReuse(ReusePolicy.UNLESS_TIMING))
                .plugin(new ArtifactPlugin(root))
                .build();
    }

    private static void programmatic(Path root) throws Exception {
        Files.createDirectories(root);
        Path warm = Files.createTempDirectory(root, "warm-up");
        tenMillisecondRuns(warm).run(2);
        tenMillisecondRuns(warm).run(2);
        Path measured = Files.createTempDirectory(root, "measured");
        long start = System.nanoTime();
        Result first = tenMillisecondRuns(measured).run();
        long firstNanos = System.nanoTime() - start;
        start = System.nanoTime();
        Result second = tenMillisecondRuns(measured).run();
        long secondNanos = System.nanoTime() - start;
        if (!List.copyOf(second.reused().keySet()).equals(first.conditions()) || !second.metrics().equals(first.metrics())) {
            throw new IllegalStateException("the rerun did not reuse every condition: " + second.reused());
        }
        System.out.println(String.format(Locale.ROOT, "reuse.programmatic_first %.1f ms", firstNanos / 1e6));
        System.out.println(String.format(Locale.ROOT, "reuse.programmatic_rerun %.1f ms", secondNanos / 1e6));
        System.out.println(String.format(Locale.ROOT, "reuse.programmatic_ratio %.3f", (double) secondNanos / firstNanos));
    }

    private static void engine(String reuse, Path root, String pkg) {
        long start = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(pkg))
                .filters(EngineFilter.includeEngines("crystallize"))
                .configurationParameter("crystallize.artifacts.root", root.toString())
                .configurationParameter("crystallize.reuse", reuse)
                .configurationParameter("crystallize.progress", "off")
                .configurationParameter("crystallize.report.enabled", "false").build(), summary);
        System.out.println(String.format(Locale.ROOT, "engine run (reuse %s): %.3f s in the JVM, %d tests, %d passed",
                reuse, (System.nanoTime() - start) / 1e9, summary.getSummary().getTestsFoundCount(),
                summary.getSummary().getTestsSucceededCount()));
    }
}
