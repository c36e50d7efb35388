package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crystallize.base.ConfigurationException;
import io.crystallize.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seam remote strategies use, without a remote: tasks run by a {@link RunHost} on another
 * instance of the same experiment, their encoded outcomes recorded by {@link RunTasks}.
 */
class TaskExecutionTest {

    private static final Supplier<Experiment> SAME_BUILD = () -> Experiment.builder("tasks")
            .dataSource(DataSource.of(ctx -> ctx.random().nextGaussian()))
            .parameter("shift", 0.0)
            .step(Step.of("measure", (Double noise, Context ctx) -> {
                double value = noise + ctx.getDouble("shift");
                ctx.set("value", value);
                ctx.set("seen", Map.of("replicate", ctx.replicate(), "tags", List.of("a", "b")));
                ctx.metrics().record("score", value, Map.of("step", "measure"));
                if (ctx.replicate() == 3 && ctx.condition().equals("shifted")) {
                    throw new IllegalStateException("replicate 3 of shifted fails");
                }
                return value;
            }))
            .step(Step.of("twice", (Double value, Context ctx) -> {
                ctx.metrics().record("twice", 2 * value);
                ctx.metrics().record("twice", 2 * value + 1);
                return value;
            }))
            .treatment("shifted", Map.of("shift", 1.5))
            .replicates(6)
            .seed(3)
            .options(ExecutionOptions.defaults().withWarmupReplicates(1))
            .build();

    /** Runs every task on a host of its own experiment instance, as a worker JVM would. */
    private static final class Elsewhere implements TaskExecution {
        final List<RunTask> seen = new ArrayList<>();

        @Override
        public boolean runTasks(Execution execution, RunTasks tasks) {
            try (RunHost host = new RunHost(SAME_BUILD.get(), tasks.conditions())) {
                for (int i = tasks.size() - 1; i >= 0; i--) { // any order
                    RunTask task = tasks.task(i);
                    seen.add(task);
                    tasks.complete(task, host.run(task));
                }
            }
            return true;
        }
    }

    @Test
    void outcomesRecordedFromElsewhereMakeTheSameResult() {
        Result here = SAME_BUILD.get().run();
        Elsewhere elsewhere = new Elsewhere();
        Result there = SAME_BUILD.get().run(RunRequest.defaults().withStrategy(elsewhere));

        assertThat(elsewhere.seen).hasSize(14).filteredOn(RunTask::warmup).hasSize(2);
        assertThat(there.metrics()).isEqualTo(here.metrics());
        assertThat(there.provenance()).isEqualTo(here.provenance());
        assertThat(there.errors()).containsOnlyKeys("shifted_rep_3");
        assertThat(there.errors().get("shifted_rep_3").message()).isEqualTo("replicate 3 of shifted fails");
        // all of the result but its times and the failure's stack trace (the frames that called the run differ)
        assertThat(comparable(there.toJson())).isEqualTo(comparable(here.toJson()));
    }

    @Test
    void aTaskFromAnotherExecutionIsRefused() {
        TaskExecution forger = (execution, tasks) -> {
            RunTask real = tasks.task(0);
            RunTask forged = new RunTask(real.index(), "shifted", 5, real.seed());
            tasks.lost(forged, "never");
            return true;
        };
        assertThatThrownBy(() -> SAME_BUILD.get().run(RunRequest.defaults().withStrategy(forger)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not task 0 of this execution");
    }

    @Test
    void aHostRefusesATreatmentItsExperimentLacks() {
        assertThatThrownBy(() -> new RunHost(SAME_BUILD.get(), List.of("baseline", "doubled")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("treatment 'doubled' is not among the treatments experiment 'tasks' declares");
    }

    @Test
    void lostRunsAreRecordedFailuresAndTheOthersStay() {
        TaskExecution losing = (execution, tasks) -> {
            try (RunHost host = new RunHost(SAME_BUILD.get(), tasks.conditions())) {
                for (int i = 0; i < tasks.size(); i++) {
                    RunTask task = tasks.task(i);
                    if (task.key().equals("baseline_rep_2")) {
                        tasks.lost(task, "its worker exited");
                    } else {
                        tasks.complete(task, host.run(task));
                    }
                }
            }
            return true;
        };
        Result result = SAME_BUILD.get().run(RunRequest.defaults().withStrategy(losing));

        assertThat(result.errors().get("baseline_rep_2").type()).isEqualTo(RunLostException.class.getName());
        assertThat(result.errors().get("baseline_rep_2").message()).isEqualTo(
                "run baseline_rep_2 was lost: its worker exited");
        assertThat(result.metric("baseline", "score").replicates()).containsExactly(0, 1, 3, 4, 5);
    }

    private static String comparable(String json) {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(json);
        tree.remove(List.of("started", "finished"));
        tree.get("errors").forEach(error -> ((ObjectNode) error).remove("stackTrace"));
        return tree.toString();
    }
}
