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
import org.junit.jupiter.api.Test;

/** The progress and logging plugins. */
class ReportingPluginsTest {

    @Test
    void progressReportsDoneOfTotalWithEta() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ProgressPlugin progress = new ProgressPlugin(Duration.ZERO, lines::add);
        replicateExperiment("progress").treatment(increment("treat", 1)).replicates(3).plugin(progress).build().run();

        assertThat(progress.done()).isEqualTo(6);
        assertThat(lines).isNotEmpty();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("1/6 runs").contains("ETA"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("6/6 runs (100%)"));
    }

    @Test
    void progressReportsAtMostOncePerInterval() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        replicateExperiment("progress").replicates(20).plugin(new ProgressPlugin(Duration.ofHours(1), lines::add))
                .build().run();

        assertThat(lines).noneMatch(line -> line.contains("/20 runs (") && !line.startsWith("crystallize: 20/20"));
        assertThat(lines.stream().filter(line -> line.contains("20/20 runs"))).hasSize(1);
    }

    @Test
    void progressEndsWithASummaryEvenWhenRunsFailed() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Step<Number, Number> failOnOne = Step.of("FailOnOne", (data, ctx) -> {
            if (ctx.replicate() == 1) {
                throw new IllegalStateException("flaky");
            }
            return data;
        });
        Experiment.builder("progress").dataSource(new ReplicateSource()).step(failOnOne).step(new RecordStep())
                .replicates(3).plugin(new ProgressPlugin(Duration.ZERO, lines::add)).build().run();

        assertThat(lines.get(lines.size() - 1)).contains("3 runs").contains("1 failed");
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
