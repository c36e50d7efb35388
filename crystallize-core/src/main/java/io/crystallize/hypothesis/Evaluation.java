package io.crystallize.hypothesis;

import io.crystallize.base.MetricSeries;
import io.crystallize.base.Names;
import io.crystallize.base.RunFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One hypothesis verified on one execution's evidence. */
final class Evaluation {

    private final Hypothesis hypothesis;
    private final Evidence evidence;
    private final Map<String, Verifier> verifiers = new HashMap<>();
    private int familySize = 1;

    Evaluation(Hypothesis hypothesis, Evidence evidence) {
        this.hypothesis = hypothesis;
        this.evidence = evidence;
    }

    HypothesisResult run(List<String> treatments) {
        familySize = hypothesis.verifier().comparesAllConditions() ? hypothesis.metrics().size()
                : treatments.size() * hypothesis.metrics().size();
        List<Draft> raw = new ArrayList<>();
        for (String treatment : treatments) {
            for (String metric : hypothesis.metrics()) {
                raw.add(verify(treatment, metric));
            }
        }
        List<Verdict> verdicts = correct(raw);
        return new HypothesisResult(hypothesis.name(), hypothesis.metrics(), treatments, verdicts, rank(treatments, verdicts),
                hypothesis.direction(), hypothesis.expectation());
    }

    private Draft verify(String treatment, String metric) {
        Verdict.Builder error = Verdict.builder(metric, treatment).status(Verdict.Status.ERROR)
                .test(hypothesis.verifier().name()).alpha(hypothesis.alpha());
        PerRun baseline;
        PerRun treated;
        try {
            baseline = perRun(Names.BASELINE, metric);
            treated = perRun(treatment, metric);
        } catch (IllegalStateException e) {
            return Draft.complete(error.error(e.getMessage())
                    .message(metric + ": " + treatment + " — ERROR: " + e.getMessage()).build());
        }
        if (baseline.size() == 0 && treated.size() == 0 && neverRecorded(metric)) {
            String why = "metric '" + metric + "' was never recorded by any run" + recordedHint(metric);
            return Draft.complete(error.error(why).message(metric + ": " + treatment + " — ERROR: " + why).build());
        }
        String missing = missing(treatment, metric, baseline, treated);
        if (missing != null) {
            return Draft.complete(error.error(missing).message(metric + ": " + treatment + " — ERROR: " + missing).build());
        }
        Samples samples;
        try {
            samples = new Samples(metric, treatment, baseline.values, baseline.replicates, treated.values,
                    treated.replicates, evidence.sharedSeeds(), hypothesis.verifier().comparesAllConditions()
                            ? allConditions(metric) : Map.of());
        } catch (IllegalStateException e) {
            return Draft.complete(error.error(e.getMessage())
                    .message(metric + ": " + treatment + " — ERROR: " + e.getMessage()).build());
        }
        Verifier.Question question = new Verifier.Question(hypothesis.expectation(), hypothesis.direction(),
                hypothesis.alpha(), hypothesis.minimumEffect(), familySize, hypothesis.correction(),
                hypothesis.deterministic());
        Verifier verifier = verifiers.computeIfAbsent(metric, this::verifierFor);
        String notBinary = verifier instanceof BinaryVerifier ? null : notZeroOrOne(samples);
        if (notBinary != null) {
            return Draft.complete(error.error(notBinary).message(metric + ": " + treatment + " — ERROR: " + notBinary)
                    .build());
        }
        try {
            if (verifier instanceof ComparisonVerifier builtIn) {
                return builtIn.draft(samples, question);
            }
            Verdict v = verifier.verify(samples, question);
            if (v == null) {
                throw new IllegalStateException("verifier " + hypothesis.verifier().name() + " returned no verdict");
            }
            return Draft.complete(v);
        } catch (RuntimeException e) {
            String why = "verifier " + hypothesis.verifier().name() + " failed: " + e;
            return Draft.complete(error.error(why + "\n" + stackOf(e))
                    .message(metric + ": " + treatment + " — ERROR: " + why).build());
        }
    }

    /**
     * The hypothesis's verifier, except that the default test hands a 0/1 metric — declared, or
     * every recorded value 0 or 1 in every condition — to the tests made for 0/1 metrics (not with
     * a relative margin, which those refuse: undeclared, such a metric keeps the default test).
     */
    private Verifier verifierFor(String metric) {
        Verifier chosen = hypothesis.verifier();
        if (!(chosen instanceof TTestVerifier t && t.isDefault())) {
            return chosen;
        }
        if (hypothesis.binary()) {
            return new BinaryVerifier(BinaryVerifier.Reason.DECLARED);
        }
        boolean relativeMargin = hypothesis.expectation().relative() && hypothesis.expectation().margin() > 0;
        return !relativeMargin && zeroOrOneEverywhere(metric) ? new BinaryVerifier(BinaryVerifier.Reason.DETECTED)
                : chosen;
    }

    private boolean zeroOrOneEverywhere(String metric) {
        boolean any = false;
        for (Map<String, MetricSeries> condition : evidence.metrics().values()) {
            MetricSeries series = condition.get(metric);
            if (series == null) {
                continue;
            }
            for (double v : series.values()) {
                if (v != 0 && v != 1) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** For a hypothesis declaring its metric 0/1: the first other value, as an ERROR text; else null. */
    private String notZeroOrOne(Samples samples) {
        if (!hypothesis.binary()) {
            return null;
        }
        for (double[] side : new double[][] {samples.baseline(), samples.treatmentValues()}) {
            for (double v : side) {
                if (v != 0 && v != 1) {
                    String where = side == samples.baseline() ? Names.BASELINE : samples.treatment();
                    return "hypothesis '" + hypothesis.name() + "' declares metric '" + samples.metric()
                            + "' 0/1, but " + where + " has " + v + ": record 1 for success and 0 for failure, or do"
                            + " not declare it binary";
                }
            }
        }
        return null;
    }

    /** Every condition's per-run values of the metric, baseline first, for tests of all conditions. */
    private Map<String, double[]> allConditions(String metric) {
        Map<String, double[]> all = new LinkedHashMap<>();
        all.put(Names.BASELINE, perRun(Names.BASELINE, metric).values);
        for (String condition : evidence.metrics().keySet()) {
            if (!Names.BASELINE.equals(condition)) {
                all.put(condition, perRun(condition, metric).values);
            }
        }
        return all;
    }

    private boolean neverRecorded(String metric) {
        return evidence.metrics().values().stream().noneMatch(m -> m.containsKey(metric) && m.get(metric).size() > 0);
    }

    private String recordedHint(String metric) {
        Set<String> recorded = new TreeSet<>();
        evidence.metrics().values().forEach(m -> recorded.addAll(m.keySet()));
        if (recorded.isEmpty()) {
            return evidence.failures().isEmpty() ? "; no run recorded any metric"
                    : "; no run recorded any metric, and " + evidence.failures().size() + " runs failed, e.g. "
                            + evidence.failures().values().iterator().next().describe();
        }
        return Names.didYouMean(metric, recorded) + "; recorded metrics: " + recorded;
    }

    /** ERROR text when too many runs of either side lack the metric, else null. */
    private String missing(String treatment, String metric, PerRun baseline, PerRun treated) {
        List<String> absent = new ArrayList<>();
        absent.addAll(absentRuns(Names.BASELINE, baseline));
        absent.addAll(absentRuns(treatment, treated));
        if (absent.isEmpty()) {
            return null;
        }
        int runs = 2 * evidence.replicates();
        double fraction = absent.size() / (double) runs;
        boolean noData = baseline.size() == 0 || treated.size() == 0;
        if (!noData && fraction <= evidence.toleratedFailureFraction()) {
            return null;
        }
        StringBuilder why = new StringBuilder();
        if (noData) {
            why.append("no data for metric '").append(metric).append("' in ")
                    .append(baseline.size() == 0 ? Names.BASELINE : treatment).append("; ");
        }
        why.append(absent.size()).append(" of ").append(runs).append(" runs have no value of '").append(metric).append("': ")
                .append(absent.size() > 6 ? absent.subList(0, 6) + " ..." : absent);
        RunFailure first = absent.stream().map(evidence.failures()::get).filter(f -> f != null).findFirst().orElse(null);
        if (first != null) {
            why.append("; first failure: ").append(first.describe());
        }
        if (!noData) {
            why.append(String.format(java.util.Locale.ROOT, " (%.0f%% missing; tolerated: %.0f%%)",
                    100 * fraction, 100 * evidence.toleratedFailureFraction()));
        }
        return why.toString();
    }

    private List<String> absentRuns(String condition, PerRun side) {
        List<String> absent = new ArrayList<>();
        int k = 0;
        for (int r = 0; r < evidence.replicates(); r++) {
            if (k < side.replicates.length && side.replicates[k] == r) {
                k++;
            } else {
                absent.add(RunFailure.key(condition, r));
            }
        }
        return absent;
    }

    private PerRun perRun(String condition, String metric) {
        MetricSeries series = evidence.metrics(condition).get(metric);
        if (series == null || series.size() == 0) {
            return new PerRun(new double[0], new int[0]);
        }
        double[] all = series.values();
        int[] reps = series.replicates();
        double[] values = new double[all.length];
        int[] replicates = new int[all.length];
        int n = 0;
        int from = 0;
        while (from < all.length) {
            int to = from + 1;
            while (to < all.length && reps[to] == reps[from]) {
                to++;
            }
            if (to - from > 1 && hypothesis.aggregate() == Aggregate.SINGLE) {
                throw new IllegalStateException("metric '" + metric + "' was recorded " + (to - from) + " times in run "
                        + RunFailure.key(condition, reps[from]) + ", but hypothesis '" + hypothesis.name()
                        + "' uses one value per run: declare an aggregate (mean, sum, last, ...)");
            }
            values[n] = hypothesis.aggregate().apply(all, from, to);
            replicates[n++] = reps[from];
            from = to;
        }
        return new PerRun(Arrays.copyOf(values, n), Arrays.copyOf(replicates, n));
    }

    private List<Verdict> correct(List<Draft> raw) {
        double[] p = new double[raw.size()];
        for (int i = 0; i < p.length; i++) {
            Verdict v = raw.get(i).verdict();
            p[i] = tested(v) ? v.pValue() : Double.NaN;
        }
        double[] adjusted = hypothesis.verifier().comparesAllConditions() ? adjustPerMetric(raw, p)
                : hypothesis.correction().adjust(p);
        List<Verdict> out = new ArrayList<>(raw.size());
        for (int i = 0; i < p.length; i++) {
            Draft draft = raw.get(i);
            Verdict v = draft.verdict();
            if (!tested(v)) {
                out.add(draft.worded());
                continue;
            }
            String note = draft.note() != null ? draft.note() : VerdictMessage.noteOf(v);
            if (Double.isNaN(p[i])) {
                out.add(ComparisonVerifier.withMessage(v, note));
                continue;
            }
            Verdict.Status status = adjusted[i] < hypothesis.alpha() ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED;
            Verdict corrected = v.toBuilder().adjustedPValue(adjusted[i]).correction(hypothesis.correction().label())
                    .alpha(hypothesis.alpha()).status(status).build();
            out.add(ComparisonVerifier.withMessage(corrected, note));
        }
        return out;
    }

    private static boolean tested(Verdict v) {
        return v.status() == Verdict.Status.SUPPORTED || v.status() == Verdict.Status.NOT_SUPPORTED;
    }

    /**
     * A test of all conditions at once gives one p-value per metric, repeated for each treatment:
     * the family is then the metrics, and every treatment's verdict of a metric gets its adjustment.
     */
    private double[] adjustPerMetric(List<Draft> raw, double[] p) {
        List<String> metrics = hypothesis.metrics();
        double[] perMetric = new double[metrics.size()];
        Arrays.fill(perMetric, Double.NaN);
        for (int i = 0; i < p.length; i++) {
            int m = metrics.indexOf(raw.get(i).verdict().metric());
            if (Double.isNaN(perMetric[m]) && !Double.isNaN(p[i])) {
                perMetric[m] = p[i];
            }
        }
        double[] adjustedPerMetric = hypothesis.correction().adjust(perMetric);
        double[] adjusted = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            adjusted[i] = Double.isNaN(p[i]) ? Double.NaN : adjustedPerMetric[metrics.indexOf(raw.get(i).verdict().metric())];
        }
        return adjusted;
    }

    private Ranking rank(List<String> treatments, List<Verdict> verdicts) {
        List<Entry> entries = new ArrayList<>(treatments.size());
        for (int i = 0; i < treatments.size(); i++) {
            String t = treatments.get(i);
            double score = Double.NEGATIVE_INFINITY;
            double effect = Double.NaN;
            for (Verdict v : verdicts) {
                if (!v.treatment().equals(t)) {
                    continue;
                }
                double p = Double.isNaN(v.adjustedPValue()) ? v.pValue() : v.adjustedPValue();
                score = Math.max(score, Double.isNaN(p) ? Double.POSITIVE_INFINITY : p);
                if (Double.isNaN(effect)) {
                    effect = hypothesis.direction().sign() * v.difference();
                }
            }
            entries.add(new Entry(t, i, score == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : score, effect));
        }
        Collections.sort(entries);
        List<Ranking.Ranked> ranked = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ranked.add(new Ranking.Ranked(e.treatment(), e.score()));
        }
        return new Ranking(ranked.isEmpty() ? null : ranked.get(0).treatment(), ranked);
    }

    /** A treatment's place: the lower score first, then the larger effect (none last), then declaration order. */
    private record Entry(String treatment, int order, double score, double effect) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byScore = Double.compare(score, other.score);
            if (byScore != 0) {
                return byScore;
            }
            int byEffect = Double.compare(other.effectOrLowest(), effectOrLowest());
            return byEffect != 0 ? byEffect : Integer.compare(order, other.order);
        }

        private double effectOrLowest() {
            return Double.isNaN(effect) ? Double.NEGATIVE_INFINITY : effect;
        }
    }

    private static String stackOf(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private record PerRun(double[] values, int[] replicates) {
        int size() {
            return values.length;
        }
    }
}
