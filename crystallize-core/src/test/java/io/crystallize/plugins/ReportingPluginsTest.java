package io.crystallize.plugins;

import static io.crystallize.testing.Fixtures.increment;
import static io.crystallize.testing.Fixtures.replicateExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import io.crystallize.core.Experiment;
import io.crystallize.core.Step;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.testing.RecordStep;
import io.crystallize.testing.ReplicateSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress and logging plugins. */
class ReportingPluginsTest {

    @Test
    void progressReportsDoneOfTotalWithRateAndEta() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ProgressPlugin progress = new ProgressPlugin(Duration.ZERO, lines::add);
        replicateExperiment("progress").treatment(increment("treat", 1)).replicates(3).plugin(progress).build().run();

        assertThat(progress.done()).isEqualTo(6);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("crystallize: progress 1/6 runs (17%), ")
                .contains(" runs/s, ").contains("ETA"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("6/6 runs (100%)"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(lines.get(lines.size() - 1).replaceAll("ETA.*", ""))
                .startsWith("crystallize: progress finished 6 runs (0 failed) in ");
    }

    /** Each run takes {@code secondsPerRun} on a clock the test controls. */
    private static Experiment.Builder timed(AtomicLong clock, double secondsPerRun) {
        Step<Number, Number> tick = Step.of("Tick", (data, ctx) -> {
            clock.addAndGet((long) (secondsPerRun * 1e9));
            return data;
        });
        return Experiment.builder("timed").dataSource(new ReplicateSource()).step(tick).step(new RecordStep());
    }

    @Test
    void executionsShorterThanTheQuietPeriodPrintNothing() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        timed(clock, 0.01).replicates(150).plugin(new ProgressPlugin(Duration.ofSeconds(5), lines::add, clock::get))
                .build().run();

        assertThat(clock.get()).isEqualTo(1_500_000_000L);
        assertThat(lines).isEmpty();
    }

    @Test
    void afterTheQuietPeriodALineAtMostOncePerIntervalThenAClosingLine() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        timed(clock, 1).replicates(20).plugin(new ProgressPlugin(Duration.ofSeconds(5), lines::add, clock::get))
                .build().run();

        // quiet for 2 s, then 5 s apart: after runs 2, 7, 12 and 17 (run k ends at k seconds)
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("crystallize: timed 2/20 runs (10%), 1.00 runs/s, 2.0s elapsed, ETA 18.0s");
        assertThat(lines.get(1)).startsWith("crystallize: timed 7/20 runs (35%)");
        assertThat(lines.get(2)).startsWith("crystallize: timed 12/20 runs (60%)");
        assertThat(lines.get(3)).startsWith("crystallize: timed 17/20 runs (85%)").endsWith("ETA 3.0s");
        assertThat(lines.get(4)).isEqualTo("crystallize: timed finished 20 runs (0 failed) in 20.0s");
    }

    @Test
    void longExecutionsShowMinutesAndAShorterIntervalLetsLinesComeSooner() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        timed(clock, 30).replicates(10).plugin(new ProgressPlugin(Duration.ofMillis(500), lines::add, clock::get))
                .build().run();

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("crystallize: timed 1/10 runs (10%), 0.0333 runs/s, 30.0s elapsed, ETA 4m 30s");
        assertThat(lines.get(10)).isEqualTo("crystallize: timed finished 10 runs (0 failed) in 5m 00s");
    }

    @Test
    void failedRunsCountAsDone() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Step<Number, Number> failOnOne = Step.of("FailOnOne", (data, ctx) -> {
            clock.addAndGet(1_000_000_000L);
            if (ctx.replicate() == 1) {
                throw new IllegalStateException("flaky");
            }
            return data;
        });
        ProgressPlugin progress = new ProgressPlugin(Duration.ZERO, lines::add, clock::get);
        Experiment.builder("progress").dataSource(new ReplicateSource()).step(failOnOne).step(new RecordStep())
                .replicates(3).plugin(progress).build().run();

        // replicate 1 failed: it counts when the next run starts, so the count reaches 3 of 3
        assertThat(lines).extracting(line -> line.replaceAll(" runs \\(.*", ""))
                .containsExactly("crystallize: progress 1/3", "crystallize: progress 2/3", "crystallize: progress 3/3",
                        "crystallize: progress finished 3");
        assertThat(lines.get(3)).contains("(1 failed)");
        assertThat(progress.done()).isEqualTo(3);
    }

    @Test
    void warmUpRunsCountAndApplyPrintsNothing() {
        List<String> lines = new ArrayList<>();
        ProgressPlugin progress = new ProgressPlugin(Duration.ZERO, lines::add);
        Experiment experiment = replicateExperiment("progress").replicates(2).plugin(progress)
                .options(io.crystallize.core.ExecutionOptions.defaults().withWarmupReplicates(1)).build();
        experiment.run();
        assertThat(lines.get(lines.size() - 2)).contains("3/3 runs");

        lines.clear();
        experiment.apply(5);
        assertThat(lines).isEmpty();
    }

    @Test
    void loggingPluginLogsExecutionsVerdictsAndSteps() {
        CapturingLogger logger = new CapturingLogger();
        replicateExperiment("logging").treatment(increment("treat", 1)).replicates(2)
                .hypothesis(Hypothesis.on(RecordStep.METRIC).name("higher").deterministic().build())
                .plugin(new LoggingPlugin(logger)).build().run();

        assertThat(logger.lines).contains("INFO experiment logging: 2 replicates x conditions [baseline, treat]");
        assertThat(logger.lines).contains("INFO experiment logging done: 0 failed runs, 1 hypotheses verified");
        assertThat(logger.lines).anySatisfy(line -> assertThat(line).startsWith("INFO metric: treat").endsWith("SUPPORTED"));
        assertThat(logger.lines).contains("DEBUG Context[treat rep 1, seed " + (42 + 31337) + "] step RecordStep");
    }

    /** A System.Logger keeping "LEVEL message" lines. */
    private static final class CapturingLogger implements System.Logger {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String getName() {
            return "capturing";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + (params == null || params.length == 0 ? format
                    : java.text.MessageFormat.format(format, params)));
        }
    }
}
