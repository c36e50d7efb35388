package io.crystallize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** REFERENCE-BEHAVIOUR items 23, 24 and 27, and DESIGN §3.2's typed getters. */
class ContextTest {

    @Test
    void settingAnExistingKeyFailsANewKeyIsFine() {
        Context context = Context.of(Map.of("a", 1));

        assertThatThrownBy(() -> context.set("a", 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot mutate existing key: 'a'");
        context.set("b", 2);
        assertThat(context.get("b")).isEqualTo(2);
        assertThat(context.get("a")).isEqualTo(1);
    }

    @Test
    void overwriteInsideAStepNamesKeyAndStep() {
        Result result = Experiment.builder("context").dataSource(ctx -> 1).parameter("rate", 0.5)
                .step(Step.of("Tune", (data, ctx) -> {
                    ctx.set("rate", 0.9);
                    return data;
                })).build().run();

        assertThat(result.errors().get("baseline_rep_0").message()).contains("'rate'").contains("step 'Tune'");
    }

    @Test
    void changingTheSourceMapOrAReadValueDoesNotChangeTheContext() {
        List<Integer> list = new ArrayList<>(List.of(1, 2));
        Map<String, Object> source = new HashMap<>();
        source.put("list", list);
        source.put("array", new int[] {1, 2});
        Context context = Context.of(source);

        source.put("list", List.of(9));
        source.put("extra", 3);
        list.add(3);
        int[] array = (int[]) context.get("array");
        array[0] = 99;

        assertThat(context.contains("extra")).isFalse();
        assertThat(context.get("list")).isEqualTo(List.of(1, 2));
        assertThat((int[]) context.get("array")).containsExactly(1, 2);
        @SuppressWarnings("unchecked")
        List<Integer> view = (List<Integer>) context.get("list");
        assertThatThrownBy(() -> view.add(4)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> context.keys().add("x")).isInstanceOf(UnsupportedOperationException.class);
        List<Integer> written = new ArrayList<>(List.of(5));
        context.set("written", written);
        written.add(6);
        assertThat(context.get("written")).isEqualTo(List.of(5));
    }

    @Test
    void typedGettersGiveClearErrors() {
        Context context = Context.of(Map.of("count", 3, "ratio", 0.5, "label", "x", "flag", true, "big", 1L << 40));

        assertThat(context.getInt("count")).isEqualTo(3);
        assertThat(context.getDouble("count")).isEqualTo(3.0);
        assertThat(context.getDouble("ratio")).isEqualTo(0.5);
        assertThat(context.getString("label")).isEqualTo("x");
        assertThat(context.getBoolean("flag")).isTrue();
        assertThat(context.getLong("big")).isEqualTo(1L << 40);
        assertThatThrownBy(() -> context.get("cuont")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key 'cuont'").hasMessageContaining("did you mean 'count'");
        assertThatThrownBy(() -> context.getInt("ratio")).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("'ratio'").hasMessageContaining("whole number");
        assertThatThrownBy(() -> context.getInt("big")).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("does not fit an int");
        assertThatThrownBy(() -> context.getDouble("label")).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("'label'").hasMessageContaining("not a number");
        assertThatThrownBy(() -> context.get("label", Integer.class)).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("String").hasMessageContaining("Integer");
    }

    @Test
    void reservedKeysAreAvailable() {
        Result result = Experiment.builder("context").dataSource(ctx -> 0)
                .step(Step.<Integer, Integer>of("Keys", (data, ctx) -> {
                    ctx.metrics().record("replicate", ctx.getInt(Context.REPLICATE));
                    ctx.metrics().record("seed", ctx.getLong(Context.SEED));
                    ctx.metrics().record("is_baseline", ctx.getString(Context.CONDITION).equals("baseline") ? 1 : 0);
                    return data;
                })).seed(5).replicates(2).build().run();

        assertThat(result.metric("baseline", "replicate").values()).containsExactly(0, 1);
        assertThat(result.metric("baseline", "seed").values()).containsExactly(5, 5 + 31337);
        assertThat(result.metric("baseline", "is_baseline").values()).containsExactly(1, 1);
    }

    @Test
    void provenanceRecordsReadsWritesAndMetricsAlways() {
        Step<Integer, Integer> step = Step.of("Compute", (data, ctx) -> {
            int a = ctx.getInt("a");
            ctx.set("b", 2);
            ctx.metrics().record("m", 5);
            return data + a;
        });
        Result result = Experiment.builder("context").dataSource(ctx -> 0).parameter("a", 1).step(step)
                .step(Step.of("Untouched", (data, ctx) -> data)).build().run();

        List<StepProvenance> run = result.provenance().get("baseline_rep_0");
        assertThat(run).extracting(StepProvenance::step).containsExactly("Compute", "Untouched");
        StepProvenance compute = run.get(0);
        assertThat(compute.reads()).isEqualTo(Map.of("a", 1));
        assertThat(compute.writes()).isEqualTo(Map.of("b", new StepProvenance.Change(null, 2)));
        assertThat(compute.metrics()).isEqualTo(Map.of("m", new StepProvenance.MetricChange(List.of(), List.of(5.0))));
        assertThat(run.get(1).reads()).isEmpty();
        assertThat(run.get(1).writes()).isEmpty();
        assertThat(run.get(1).metrics()).isEmpty();
    }
}
