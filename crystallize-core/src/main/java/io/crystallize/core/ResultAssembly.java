package io.crystallize.core;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.Names;
import io.crystallize.base.RunFailure;
import io.crystallize.hypothesis.Evidence;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Ranking;
import io.crystallize.hypothesis.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 6 of the lifecycle: the runs' records become metric series, provenance and verified hypotheses. */
final class ResultAssembly {

    private final Experiment experiment;
    private final SeedPlugin seeds;

    private Map<String, Execution.Reuse> reuses = Map.of();

    ResultAssembly(Experiment experiment, SeedPlugin seeds) {
        this.experiment = experiment;
        this.seeds = seeds;
    }

    /** Conditions whose earlier runs stand in for runs not run here. */
    ResultAssembly reusing(Map<String, Execution.Reuse> earlier) {
        this.reuses = earlier;
        return this;
    }

    Result assemble(Execution execution, int conditionCount, int replicates, List<Hypothesis> hypotheses,
            RunRecord[] records, Instant started) {
        List<String> conditionNames = new ArrayList<>(execution.conditions());
        Map<String, Map<String, MetricSeries>> metrics = new LinkedHashMap<>();
        Map<String, RunFailure> errors = new LinkedHashMap<>();
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        Map<String, List<String>> artifacts = new LinkedHashMap<>();
        long[] seedList = new long[replicates];
        for (int r = 0; r < replicates; r++) {
            seedList[r] = seeds.replicateSeed(r, Names.BASELINE);
        }
        int[] length = new int[1];
        for (int c = 0; c < conditionCount; c++) {
            String condition = conditionNames.get(c);
            Execution.Reuse reuse = reuses.get(condition);
            if (reuse != null) {
                Result earlier = reuse.earlier();
                metrics.put(condition, earlier.metrics().getOrDefault(condition, Map.of()));
                earlier.errors().forEach((key, failure) -> {
                    if (failure.condition().equals(condition)) {
                        errors.put(key, failure);
                    }
                });
                artifacts.put(condition, earlier.artifacts().getOrDefault(condition, List.of()).stream()
                        .map(reuse.artifactPath()).toList());
                Provenance runs = earlier.compactProvenance().get(condition);
                provenance.put(condition, runs != null ? runs : Provenance.of(new RunTrace[replicates]));
                continue;
            }
            Map<String, MetricBuffer> buffers = new LinkedHashMap<>();
            // runs record the same metrics in the same order: the i-th metric's buffer of the last run first
            MetricBuffer[] byPosition = new MetricBuffer[4];
            List<String> paths = new ArrayList<>();
            RunTrace[] traces = new RunTrace[replicates];
            for (int r = 0; r < replicates; r++) {
                RunRecord record = records[r * conditionCount + c];
                if (record == null) {
                    continue; // cancelled before it started
                }
                if (record.failure() != null) {
                    errors.put(record.failure().key(), record.failure());
                } else {
                    Metrics m = record.metrics();
                    int names = m.nameCount();
                    if (names > byPosition.length) {
                        byPosition = Arrays.copyOf(byPosition, names);
                    }
                    for (int i = 0; i < names; i++) {
                        double[] values = m.valuesOf(i, length);
                        String name = m.name(i);
                        MetricBuffer buffer = byPosition[i];
                        if (buffer == null || !buffer.name.equals(name)) {
                            buffer = buffers.computeIfAbsent(name, n -> new MetricBuffer(n, replicates));
                            byPosition[i] = buffer;
                        }
                        buffer.add(values, length[0], r);
                    }
                }
                traces[r] = record.trace();
                for (Path artifact : record.artifacts()) {
                    paths.add(artifact.toString());
                }
            }
            Map<String, MetricSeries> series = new LinkedHashMap<>();
            buffers.forEach((name, buffer) -> series.put(name, buffer.toSeries()));
            metrics.put(condition, series);
            artifacts.put(condition, paths);
            provenance.put(condition, Provenance.of(traces));
        }
        List<String> treatmentNames = execution.treatments().stream().map(Treatment::name).toList();
        Evidence evidence = new Evidence(metrics, errors, replicates, seeds.sharedAcrossConditions(),
                experiment.options().toleratedFailureFraction());
        List<HypothesisResult> verified = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            verified.add(evaluate(h, evidence, treatmentNames));
        }
        Result result = new Result(experiment.name(), started, Instant.now(), seeds.masterSeed(), replicates,
                conditionNames, metrics, seedList, errors, provenance, artifacts, verified);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String condition : conditionNames) {
            Execution.Reuse reuse = reuses.get(condition);
            if (reuse != null) {
                sources.put(condition, reuse.source());
            }
        }
        return result.withReused(sources);
    }

    /**
     * Verifies one hypothesis. Whatever goes wrong in it (e.g. a custom verifier returning a
     * malformed verdict) becomes ERROR verdicts of that hypothesis: the runs are done and their
     * results must not be lost.
     */
    private static HypothesisResult evaluate(Hypothesis h, Evidence evidence, List<String> treatmentNames) {
        try {
            return h.evaluate(evidence, treatmentNames);
        } catch (RuntimeException e) {
            List<String> covered = h.coveredTreatments(treatmentNames);
            List<Verdict> verdicts = new ArrayList<>();
            String why = "hypothesis '" + h.name() + "' could not be evaluated: " + e;
            for (String treatment : covered) {
                for (String metric : h.metrics()) {
                    verdicts.add(Verdict.builder(metric, treatment).status(Verdict.Status.ERROR)
                            .test(h.verifier().name()).alpha(h.alpha()).error(why)
                            .message(metric + ": " + treatment + " — ERROR: " + why).build());
                }
            }
            List<Ranking.Ranked> ranked = covered.stream()
                    .map(t -> new Ranking.Ranked(t, Double.POSITIVE_INFINITY)).toList();
            return new HypothesisResult(h.name(), h.metrics(), covered, verdicts,
                    new Ranking(covered.isEmpty() ? null : covered.get(0), ranked), h.direction(), h.expectation());
        }
    }

    private static final class MetricBuffer {
        final String name;
        double[] values;
        int[] replicates;
        int size;

        MetricBuffer(String name, int expected) {
            this.name = name;
            values = new double[Math.max(4, expected)];
            replicates = new int[values.length];
        }

        void add(double[] more, int count, int replicate) {
            if (size + count > values.length) {
                int capacity = Math.max(values.length * 2, size + count);
                values = Arrays.copyOf(values, capacity);
                replicates = Arrays.copyOf(replicates, capacity);
            }
            if (count == 1) { // the usual run: one value per metric
                values[size] = more[0];
                replicates[size++] = replicate;
                return;
            }
            System.arraycopy(more, 0, values, size, count);
            Arrays.fill(replicates, size, size + count, replicate);
            size += count;
        }

        MetricSeries toSeries() {
            return new MetricSeries(Arrays.copyOf(values, size), Arrays.copyOf(replicates, size));
        }
    }
}
