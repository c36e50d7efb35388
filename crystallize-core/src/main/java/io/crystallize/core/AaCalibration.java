package io.crystallize.core;

import io.crystallize.base.ConfigurationException;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.HypothesisResult;
import io.crystallize.hypothesis.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An A/A calibration of an experiment: how often its hypotheses pass when nothing changes.
 *
 * <p>{@link #run(int)} executes the experiment that many times with fresh master seeds, each time
 * with every treatment replaced by a copy of the baseline under the treatment's name (so every
 * condition runs the same code with the same parameters) and the hypotheses as configured. For a
 * hypothesis whose null holds when nothing changes (better, worse, different, better by at least
 * a margin), every execution in which a covered treatment is SUPPORTED is a false positive, so
 * the report's rate estimates the gate's false-positive rate on this experiment's own metrics, to
 * compare with its alpha. For non-inferiority and equivalence "nothing changes" lies inside the
 * margin, so SUPPORTED is right and the rate is the support the gate gives a harmless change.
 *
 * <p>What it can see: noise that differs between the conditions of a replicate. With shared seeds
 * (the default) a pipeline that depends on nothing but its seed gives every copy the baseline's
 * values, and its verdicts see no variance; the calibration is informative when runs also vary
 * by what seeds do not control (timings, concurrency, external services) or with independent
 * seeds ({@link SeedPlugin#independentConditions()}).
 *
 * <p>Guarantees: the experiment itself is not changed; the plugins run as configured except that
 * artifact stores ({@link ArtifactStore}) are left out, so calibrating writes no results; seeding
 * keeps its seed function and its shared or independent conditions, with master seed
 * {@code floorMod(mix(master + k), 2^32)} for execution k (a fixed mixing function), so the same
 * calibration gives the same report.
 */
public final class AaCalibration {

    private final Experiment experiment;

    private AaCalibration(Experiment experiment) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
    }

    /** A calibration of {@code experiment} (its configured replicates, treatments and hypotheses). */
    public static AaCalibration of(Experiment experiment) {
        return new AaCalibration(experiment);
    }

    /**
     * Runs {@code executions} A/A executions and counts what each hypothesis concluded.
     *
     * @throws ConfigurationException when executions is below 1 or the experiment has no
     *         hypothesis or no treatment to compare
     */
    public Report run(int executions) {
        List<String> problems = new ArrayList<>();
        if (executions < 1) {
            problems.add("an A/A calibration needs at least 1 execution, got " + executions);
        }
        if (experiment.hypotheses().isEmpty()) {
            problems.add("experiment '" + experiment.name() + "' has no hypothesis to calibrate: add one");
        }
        if (experiment.treatments().isEmpty()) {
            problems.add("experiment '" + experiment.name() + "' has no treatment: an A/A calibration runs the "
                    + "baseline against copies of its treatments, so add one");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        SeedPlugin seeds = experiment.getPlugin(SeedPlugin.class).orElseThrow();
        List<Treatment> copies = new ArrayList<>();
        for (Treatment t : experiment.treatments()) {
            copies.add(Treatment.of(t.name(), Map.of()));
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Hypothesis h : experiment.hypotheses()) {
            counts.put(h.name(), new Counts(h, experiment.treatments().stream().map(Treatment::name).toList()));
        }
        for (int k = 0; k < executions; k++) {
            long master = mix(seeds.masterSeed() + k) & 0xFFFF_FFFFL;
            Result result = copy(seeds.withMasterSeed(master), copies).run();
            for (HypothesisResult h : result.hypotheses()) {
                counts.get(h.name()).add(h);
            }
        }
        List<HypothesisCalibration> hypotheses = new ArrayList<>();
        counts.values().forEach(c -> hypotheses.add(c.calibration(executions)));
        return new Report(experiment.name(), executions,
                experiment.dataSource().replicates().orElse(experiment.replicates()), List.copyOf(hypotheses));
    }

    private Experiment copy(SeedPlugin seeds, List<Treatment> treatments) {
        Experiment.Builder b = Experiment.builder(experiment.name()).id(experiment.id())
                .dataSource(experiment.dataSource()).pipeline(experiment.pipeline())
                .replicates(experiment.replicates()).options(experiment.options());
        experiment.parameters().defaults().forEach(b::parameter);
        treatments.forEach(b::treatment);
        experiment.hypotheses().forEach(b::hypothesis);
        for (Plugin p : experiment.plugins()) {
            if (p instanceof SeedPlugin) {
                b.plugin(seeds);
            } else if (!(p instanceof ArtifactStore)) {
                b.plugin(p);
            }
        }
        return b.build();
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Whether "nothing changes" satisfies the hypothesis's null, making every SUPPORTED a false positive. */
    static boolean nullHoldsWhenNothingChanges(Expectation expectation) {
        return switch (expectation.kind()) {
            case BETTER, WORSE, DIFFERENT, BETTER_BY_AT_LEAST -> true;
            case NOT_WORSE_BY_MORE_THAN, EQUIVALENT_WITHIN -> false;
        };
    }

    private static final class Counts {
        private final Hypothesis hypothesis;
        private final Map<String, Integer> supported = new LinkedHashMap<>();
        private int anySupported;
        private int inconclusive;
        private int errors;

        Counts(Hypothesis hypothesis, List<String> treatments) {
            this.hypothesis = hypothesis;
            hypothesis.coveredTreatments(treatments).forEach(t -> supported.put(t, 0));
        }

        void add(HypothesisResult result) {
            boolean any = false;
            for (String t : result.treatments()) {
                if (result.supported(t)) {
                    supported.merge(t, 1, Integer::sum);
                    any = true;
                }
            }
            anySupported += any ? 1 : 0;
            inconclusive += result.verdicts().stream().anyMatch(v -> v.status() == Verdict.Status.INCONCLUSIVE) ? 1 : 0;
            errors += result.verdicts().stream().anyMatch(v -> v.status() == Verdict.Status.ERROR) ? 1 : 0;
        }

        HypothesisCalibration calibration(int executions) {
            return new HypothesisCalibration(hypothesis.name(), hypothesis.expectation(), hypothesis.alpha(),
                    nullHoldsWhenNothingChanges(hypothesis.expectation()), executions, anySupported,
                    Map.copyOf(supported), inconclusive, errors);
        }
    }

    /**
     * What one hypothesis concluded over the A/A executions.
     *
     * @param hypothesis     its name
     * @param expectation    what it expects of a treatment
     * @param alpha          its alpha, which the false-positive rate should not exceed
     * @param nullHolds      whether "nothing changes" satisfies its null (then SUPPORTED is a false positive)
     * @param executions     A/A executions run
     * @param supported      executions in which any covered treatment was SUPPORTED (family-wise)
     * @param supportedByTreatment executions in which each covered treatment was SUPPORTED
     * @param inconclusive   executions with an INCONCLUSIVE verdict
     * @param errors         executions with an ERROR verdict
     */
    public record HypothesisCalibration(String hypothesis, Expectation expectation, double alpha, boolean nullHolds,
            int executions, int supported, Map<String, Integer> supportedByTreatment, int inconclusive, int errors) {

        /** Share of executions with a SUPPORTED covered treatment. */
        public double supportRate() {
            return (double) supported / executions;
        }

        /** The support rate when it counts false positives, NaN when "nothing changes" is not a null. */
        public double falsePositiveRate() {
            return nullHolds ? supportRate() : Double.NaN;
        }

        /** Monte-Carlo standard error of the support rate, sqrt(p(1 − p)/executions) at the measured rate. */
        public double standardError() {
            double p = supportRate();
            return Math.sqrt(p * (1 - p) / executions);
        }

        /**
         * Whether the false-positive rate is above alpha by more than Monte-Carlo error allows:
         * above alpha + 3.5·sqrt(alpha(1 − alpha)/executions).
         */
        public boolean exceedsAlpha() {
            return nullHolds && supportRate() > alpha + 3.5 * Math.sqrt(alpha * (1 - alpha) / executions);
        }

        /** One line, e.g. {@code lruBeatsFifo (better): false positives 3/200 = 0.015 ± 0.009 at alpha 0.05}. */
        public String summary() {
            String rate = String.format(Locale.ROOT, "%d/%d = %.3f ± %.3f", supported, executions, supportRate(),
                    standardError());
            String line = nullHolds
                    ? String.format(Locale.ROOT, "%s (%s): false positives %s at alpha %s%s", hypothesis, expectation,
                            rate, alpha, exceedsAlpha() ? " — ABOVE ALPHA: this gate passes changes that do nothing" : "")
                    : String.format(Locale.ROOT, "%s (%s): SUPPORTED in %s when nothing changes (inside the margin, "
                            + "so not false positives)", hypothesis, expectation, rate);
            if (inconclusive > 0 || errors > 0) {
                line += String.format(Locale.ROOT, "; INCONCLUSIVE in %d, ERROR in %d", inconclusive, errors);
            }
            return line;
        }
    }

    /**
     * The calibration of every hypothesis of one experiment.
     *
     * @param experiment the experiment's name
     * @param executions A/A executions run
     * @param replicates replicates per condition in each
     * @param hypotheses one entry per hypothesis, in declaration order
     */
    public record Report(String experiment, int executions, int replicates, List<HypothesisCalibration> hypotheses) {

        /** The entry of one hypothesis. */
        public HypothesisCalibration hypothesis(String name) {
            return hypotheses.stream().filter(h -> h.hypothesis().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no hypothesis '" + name + "' in the calibration of '"
                            + experiment + "'; hypotheses: " + hypotheses.stream().map(HypothesisCalibration::hypothesis)
                            .toList()));
        }

        /** A heading line and one line per hypothesis. */
        public String summary() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "A/A calibration of %s: %d executions of %d replicates, every treatment a copy of the baseline%n",
                    experiment, executions, replicates));
            hypotheses.forEach(h -> out.append("  ").append(h.summary()).append(System.lineSeparator()));
            return out.toString();
        }
    }
}
