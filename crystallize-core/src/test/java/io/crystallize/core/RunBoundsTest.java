package io.crystallize.core;

import static io.crystallize.testing.Fixtures.increment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.testing.RecordStep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Counts and their products are checked before anything is allocated or run: no product wraps
 * around into "zero runs", and no execution is started that cannot hold its runs' records.
 */
class RunBoundsTest {

    private final AtomicInteger fetched = new AtomicInteger();

    private Experiment.Builder counting(String name) {
        return Experiment.builder(name).dataSource(ctx -> fetched.incrementAndGet()).step(new RecordStep());
    }

    @Test
    void warmUpsThatOverflowTheRunCountAreRefusedNamingValueAndLimit() {
        Experiment.Builder builder = counting("warm").treatment(increment("t", 1)).parameter("increment", 0)
                .options(ExecutionOptions.defaults().withWarmupReplicates(Integer.MAX_VALUE));

        assertThatThrownBy(builder::build).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(1 replicate + 2147483647 warm-up replicates) x 2 conditions = 4294967296 runs")
                .hasMessageContaining("exceed the limit of 2147483639 runs per execution")
                .hasMessageContaining("fewer warm-up replicates");
        // within bounds for the baseline alone, beyond them once a run adds a treatment
        Experiment experiment = counting("warm").parameter("increment", 0)
                .options(ExecutionOptions.defaults().withWarmupReplicates(Integer.MAX_VALUE - 9)).build();
        assertThatThrownBy(() -> experiment.run(List.of(increment("t", 1)), null, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("x 2 conditions = 4294967278 runs");
        assertThat(fetched).hasValue(0);
    }

    @Test
    void replicatesBeyondTheRunLimitAreRefusedBeforeAnythingRuns() {
        Experiment experiment = counting("many").treatment(increment("t", 1)).parameter("increment", 0).build();

        assertThatThrownBy(() -> experiment.run(Integer.MAX_VALUE)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2147483647 replicates x 2 conditions = 4294967294 runs exceed the limit of "
                        + "2147483639 runs per execution");
        assertThat(fetched).hasValue(0);
    }

    @Test
    void runsWhoseRecordsCannotFitThisHeapAreRefusedSayingHowMuchTheyNeed() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long replicates = Math.min(Integer.MAX_VALUE - 8, maxHeap / RunBounds.MIN_BYTES_PER_RUN + 1);
        Experiment experiment = counting("huge").build();

        assertThatThrownBy(() -> experiment.run((int) replicates)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(replicates + " replicates x 1 condition = " + replicates + " runs")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("of heap", "exceed the limit"));
        assertThat(fetched).hasValue(0);
    }

    @Test
    void theHeapCheckNamesWhatIsNeededAndWhatThereIs() {
        List<String> problems = new ArrayList<>();

        RunBounds.check(problems, 100_000_000, 0, 2, 4L << 30);

        assertThat(problems).containsExactly("100000000 replicates x 2 conditions = 200000000 runs need at least 15.6 GiB"
                + " of heap to hold their records until the result is assembled (84 bytes per run), but this JVM may"
                + " use at most 4.0 GiB (-Xmx): run fewer replicates, or give the JVM more heap");
        problems.clear();
        RunBounds.check(problems, 1_000_000, 10, 2, 4L << 30);
        assertThat(problems).isEmpty();
    }

    @Test
    void optimisationsWhoseTrialsTimesReplicatesOverflowAreRefusedBeforeTheFirstTrial() {
        AtomicInteger asked = new AtomicInteger();
        Optimizer grid = new Optimizer() {
            @Override
            public Treatment ask() {
                asked.incrementAndGet();
                return increment("t", asked.get());
            }

            @Override
            public void tell(Treatment treatment, double value) {
            }

            @Override
            public Treatment best() {
                return null;
            }

            @Override
            public Objective objective() {
                return Objective.maximize(RecordStep.METRIC);
            }
        };
        Experiment experiment = counting("tuned").parameter("increment", 0).build();

        assertThatThrownBy(() -> experiment.optimize(grid, 1_000_000, 10_000)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("1000000 trials x 10000 replicates per trial = 10000000000 runs exceed the limit of "
                        + "2147483639 runs per optimisation");
        assertThat(asked).hasValue(0);
        assertThat(fetched).hasValue(0);
    }
}
