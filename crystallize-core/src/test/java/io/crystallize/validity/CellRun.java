package io.crystallize.validity;

import io.crystallize.annotation.StatisticalTest;
import io.crystallize.core.Context;
import io.crystallize.core.DataSource;
import io.crystallize.core.Experiment;
import io.crystallize.core.Result;
import io.crystallize.core.SeedPlugin;
import io.crystallize.core.Step;
import io.crystallize.core.Treatment;
import io.crystallize.hypothesis.Expectation;
import io.crystallize.hypothesis.Hypothesis;
import io.crystallize.hypothesis.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Measures one {@link Cell}: runs its Monte-Carlo experiments through the public builder, as a
 * user would, and counts what the verdicts say. Three experiments per Monte-Carlo draw:
 * <ol>
 *   <li>A/A: the baseline and up to four treatments that change nothing (false positives of
 *       better / different / a Holm family of four, coverage of 0, and the MDE each verdict
 *       reports);</li>
 *   <li>margins: treatments at the null boundary of the margin questions, the mean moved by
 *       −m (non-inferiority) and +m (equivalence, better by at least m);</li>
 *   <li>effects: treatments whose mean is moved by the MDE the A/A verdicts reported (their
 *       median standardised MDE times the SD a verdict standardises by on that effect: of the
 *       paired differences when the test paired, pooled otherwise; see
 *       {@link Population#effectAtMde}), plus three A/A treatments for the family.</li>
 * </ol>
 * Every experiment's master seed derives from the run's seed, the cell and the draw, so the same
 * grid gives the same numbers whatever the thread count.
 */
final class CellRun {

    static final String METRIC = "value";
    static final String EFFECT = "effect";
    static final double ALPHA = 0.05;

    private static final String[] NULL_TREATMENTS = {"aa1", "aa2", "aa3", "aa4"};
    private static final String BELOW = "below";
    private static final String ABOVE = "above";

    private final Cell cell;
    private final long seed;
    private final Map<Scenario, Tally> tallies = new LinkedHashMap<>();
    private final Set<StatisticalTest> tests = new LinkedHashSet<>();
    private final Map<StatisticalTest, Map<Question, Reported>> reported = new EnumMap<>(StatisticalTest.class);

    /** The three A/A questions whose verdicts report an MDE a later stage plants. */
    private enum Question {
        BETTER("better"), DIFFERENT("different"), FAMILY("family");

        private final String suffix;

        Question(String suffix) {
            this.suffix = suffix;
        }
    }

    /** The MDEs (standardised) the A/A verdicts of one question reported, and whether they paired. */
    private static final class Reported {
        private final List<Double> mdes = new ArrayList<>();
        private int paired;
        private int unpaired;

        void add(Verdict v) {
            if (Double.isFinite(v.mdeStandardized()) && v.mdeStandardized() > 0) {
                mdes.add(v.mdeStandardized());
                if (v.nPairs() >= 0) {
                    paired++;
                } else {
                    unpaired++;
                }
            }
        }

        double median() {
            if (mdes.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = mdes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int m = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
        }

        boolean paired() {
            return paired > unpaired;
        }
    }

    CellRun(Cell cell, long seed) {
        this.cell = cell;
        this.seed = seed;
        for (Scenario s : cell.scenarios()) {
            tallies.put(s, new Tally(s));
            tests.add(s.test());
        }
    }

    List<Measurement> run() {
        Map<Scenario, Measurement> unmeasured = new LinkedHashMap<>();
        if (wants(Check.Stage.NULL) || wants(Check.Stage.EFFECT)) {
            runNulls();
        }
        if (wants(Check.Stage.MARGIN)) {
            runMargins();
        }
        if (wants(Check.Stage.EFFECT)) {
            runEffects(unmeasured);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Scenario s : cell.scenarios()) {
            measurements.add(unmeasured.containsKey(s) ? unmeasured.get(s) : tallies.get(s).measurement(ALPHA));
        }
        return measurements;
    }

    private boolean wants(Check.Stage stage) {
        return cell.scenarios().stream().anyMatch(s -> s.check().stage() == stage);
    }

    private boolean wants(StatisticalTest test, Check... checks) {
        for (Check c : checks) {
            if (tallies.containsKey(scenario(test, c))) {
                return true;
            }
        }
        return false;
    }

    private Scenario scenario(StatisticalTest test, Check check) {
        return new Scenario(test, check, cell.population(), cell.pairing(), cell.n());
    }

    private Tally tally(StatisticalTest test, Check check) {
        return tallies.get(scenario(test, check));
    }

    // ---- stage 1: A/A ----

    private void runNulls() {
        boolean family = tests.stream().anyMatch(t -> wants(t, Check.FAMILY_FPR, Check.FAMILY_POWER));
        List<String> treatments = family ? Arrays.asList(NULL_TREATMENTS) : List.of(NULL_TREATMENTS[0]);
        List<Hypothesis> hypotheses = new ArrayList<>();
        for (StatisticalTest test : tests) {
            reported.put(test, new EnumMap<>(Question.class));
            if (wants(test, Check.BETTER_FPR, Check.COVERAGE_NULL, Check.BETTER_POWER, Check.COVERAGE_EFFECT)) {
                hypotheses.add(hypothesis(test, Question.BETTER.suffix, Expectation.better(), NULL_TREATMENTS[0]));
            }
            if (wants(test, Check.DIFFERENT_FPR, Check.DIFFERENT_POWER)) {
                hypotheses.add(hypothesis(test, Question.DIFFERENT.suffix, Expectation.different(), NULL_TREATMENTS[0]));
            }
            if (wants(test, Check.FAMILY_FPR, Check.FAMILY_POWER)) {
                hypotheses.add(hypothesis(test, Question.FAMILY.suffix, Expectation.better(), NULL_TREATMENTS));
            }
        }
        Map<String, Double> effects = new LinkedHashMap<>();
        treatments.forEach(t -> effects.put(t, 0.0));
        for (int draw = 0; draw < cell.experiments(); draw++) {
            Result result = experiment(Check.Stage.NULL, draw, effects, hypotheses).run();
            for (StatisticalTest test : tests) {
                Map<Question, Reported> mdes = reported.get(test);
                if (wants(test, Check.BETTER_FPR, Check.COVERAGE_NULL, Check.BETTER_POWER, Check.COVERAGE_EFFECT)) {
                    Verdict v = verdict(result, test, Question.BETTER.suffix, NULL_TREATMENTS[0]);
                    count(test, Check.BETTER_FPR, v);
                    if (wants(test, Check.COVERAGE_NULL)) {
                        tally(test, Check.COVERAGE_NULL).covers(v, 0);
                    }
                    mdes.computeIfAbsent(Question.BETTER, q -> new Reported()).add(v);
                }
                if (wants(test, Check.DIFFERENT_FPR, Check.DIFFERENT_POWER)) {
                    Verdict v = verdict(result, test, Question.DIFFERENT.suffix, NULL_TREATMENTS[0]);
                    count(test, Check.DIFFERENT_FPR, v);
                    mdes.computeIfAbsent(Question.DIFFERENT, q -> new Reported()).add(v);
                }
                if (wants(test, Check.FAMILY_FPR, Check.FAMILY_POWER)) {
                    List<Verdict> verdicts = new ArrayList<>();
                    for (String t : NULL_TREATMENTS) {
                        verdicts.add(verdict(result, test, Question.FAMILY.suffix, t));
                    }
                    if (wants(test, Check.FAMILY_FPR)) {
                        tally(test, Check.FAMILY_FPR).supported(verdicts);
                    }
                    mdes.computeIfAbsent(Question.FAMILY, q -> new Reported()).add(verdicts.get(0));
                }
            }
        }
    }

    private void count(StatisticalTest test, Check check, Verdict v) {
        Tally t = tally(test, check);
        if (t != null) {
            t.supported(v);
        }
    }

    // ---- stage 2: margins at their null boundary ----

    private void runMargins() {
        Population p = cell.population();
        double m = p.margin();
        double percent = p.relativeMarginPercent();
        List<Hypothesis> hypotheses = new ArrayList<>();
        for (StatisticalTest test : tests) {
            add(hypotheses, test, Check.NON_INFERIORITY_FPR, Expectation.notWorseByMoreThan(m), BELOW);
            add(hypotheses, test, Check.NON_INFERIORITY_RELATIVE_FPR,
                    Expectation.notWorseByMoreThan(percent).asRelative(), BELOW);
            add(hypotheses, test, Check.EQUIVALENCE_FPR, Expectation.equivalentWithin(m), ABOVE);
            add(hypotheses, test, Check.EQUIVALENCE_RELATIVE_FPR, Expectation.equivalentWithin(percent).asRelative(),
                    ABOVE);
            add(hypotheses, test, Check.SUPERIORITY_MARGIN_FPR, Expectation.betterByAtLeast(m), ABOVE);
        }
        Map<String, Double> effects = new LinkedHashMap<>();
        effects.put(BELOW, -m);
        effects.put(ABOVE, m);
        for (int draw = 0; draw < cell.experiments(); draw++) {
            Result result = experiment(Check.Stage.MARGIN, draw, effects, hypotheses).run();
            for (Map.Entry<Scenario, Tally> e : tallies.entrySet()) {
                Scenario s = e.getKey();
                if (s.check().stage() == Check.Stage.MARGIN) {
                    String treatment = s.check() == Check.NON_INFERIORITY_FPR
                            || s.check() == Check.NON_INFERIORITY_RELATIVE_FPR ? BELOW : ABOVE;
                    e.getValue().supported(verdict(result, s.test(), s.check().key(), treatment));
                }
            }
        }
    }

    private void add(List<Hypothesis> hypotheses, StatisticalTest test, Check check, Expectation e, String treatment) {
        if (wants(test, check)) {
            hypotheses.add(hypothesis(test, check.key(), e, treatment));
        }
    }

    // ---- stage 3: effects at the reported MDE ----

    private void runEffects(Map<Scenario, Measurement> unmeasured) {
        Population p = cell.population();
        Map<Double, String> treatmentOf = new LinkedHashMap<>();
        Map<Scenario, Double> planted = new LinkedHashMap<>();
        List<Hypothesis> hypotheses = new ArrayList<>();
        boolean family = false;
        for (StatisticalTest test : tests) {
            for (Check check : List.of(Check.BETTER_POWER, Check.DIFFERENT_POWER, Check.FAMILY_POWER,
                    Check.COVERAGE_EFFECT)) {
                Scenario s = scenario(test, check);
                if (!tallies.containsKey(s)) {
                    continue;
                }
                Question question = switch (check) {
                    case DIFFERENT_POWER -> Question.DIFFERENT;
                    case FAMILY_POWER -> Question.FAMILY;
                    default -> Question.BETTER;
                };
                Reported r = reported.get(test).get(question);
                double mde = r == null ? Double.NaN : r.median();
                double effect = Double.isNaN(mde) || !(p.sd() > 0) ? Double.NaN
                        : p.effectAtMde(mde, r.paired(), cell.pairing().correlation());
                String why = !(p.sd() > 0) ? "the metric has no variance, so there is no MDE to plant"
                        : Double.isNaN(mde) ? "no verdict reported an MDE"
                        : Double.isNaN(effect) ? String.format(java.util.Locale.ROOT,
                                "an effect at the MDE (%.3g SD) lies beyond the metric's range", mde)
                        : check == Check.COVERAGE_EFFECT && !TestTraits.reportsMeanDifference(test) && !p.shiftsLocation()
                                ? "the Hodges-Lehmann shift of a change in rate is not the planted difference" : null;
                if (why != null) {
                    unmeasured.put(s, Measurement.notMeasured(s, ALPHA, why));
                    continue;
                }
                planted.put(s, effect);
                String treatment = treatmentOf.computeIfAbsent(effect, e -> "effect" + (treatmentOf.size() + 1));
                switch (check) {
                    case BETTER_POWER, COVERAGE_EFFECT -> {
                        String suffix = "better-" + treatment;
                        if (hypotheses.stream().noneMatch(h -> h.name().equals(hypothesisName(test, suffix)))) {
                            hypotheses.add(hypothesis(test, suffix, Expectation.better(), treatment));
                        }
                    }
                    case DIFFERENT_POWER -> hypotheses.add(hypothesis(test, check.key(), Expectation.different(),
                            treatment));
                    default -> {
                        family = true;
                        hypotheses.add(hypothesis(test, check.key(), Expectation.better(), treatment,
                                NULL_TREATMENTS[1], NULL_TREATMENTS[2], NULL_TREATMENTS[3]));
                    }
                }
            }
        }
        if (planted.isEmpty()) {
            return;
        }
        Map<String, Double> effects = new LinkedHashMap<>();
        treatmentOf.forEach((effect, name) -> effects.put(name, effect));
        if (family) {
            for (int i = 1; i < NULL_TREATMENTS.length; i++) {
                effects.put(NULL_TREATMENTS[i], 0.0);
            }
        }
        for (int draw = 0; draw < cell.experiments(); draw++) {
            Result result = experiment(Check.Stage.EFFECT, draw, effects, hypotheses).run();
            for (Map.Entry<Scenario, Double> e : planted.entrySet()) {
                Scenario s = e.getKey();
                String treatment = treatmentOf.get(e.getValue());
                switch (s.check()) {
                    case BETTER_POWER -> tallies.get(s).supported(verdict(result, s.test(),
                            "better-" + treatment, treatment));
                    case COVERAGE_EFFECT -> tallies.get(s).covers(verdict(result, s.test(),
                            "better-" + treatment, treatment), e.getValue());
                    default -> tallies.get(s).supported(verdict(result, s.test(), s.check().key(), treatment));
                }
            }
        }
    }

    // ---- the experiments, as a user builds them ----

    /**
     * One Monte-Carlo experiment: each run draws a standard normal value from the run's generator
     * (shared by the conditions of a replicate when seeds are shared), mixes in noise the seed
     * does not control, and records the population's value with the condition's effect.
     */
    private Experiment experiment(Check.Stage stage, int draw, Map<String, Double> effects, List<Hypothesis> hypotheses) {
        Population population = cell.population();
        double shared = Math.sqrt(cell.pairing().correlation());
        double own = Math.sqrt(1 - cell.pairing().correlation());
        SeedPlugin seeds = new SeedPlugin(masterSeed(stage, draw));
        Experiment.Builder builder = Experiment.builder("validity")
                .dataSource(DataSource.of(ctx -> ctx.random().nextGaussian()))
                .parameter(EFFECT, 0.0)
                .step(Step.<Double, Double>of("measure", (common, ctx) -> {
                    double z = shared * common + own * uncontrolled(ctx).nextGaussian();
                    ctx.metrics().record(METRIC, population.value(z, ctx.getDouble(EFFECT)));
                    return common;
                }))
                .replicates(cell.n())
                .plugin(cell.pairing() == Pairing.SHARED_SEEDS ? seeds : seeds.independentConditions());
        effects.forEach((name, effect) -> builder.treatment(Treatment.of(name, Map.of(EFFECT, effect))));
        hypotheses.forEach(builder::hypothesis);
        return builder.build();
    }

    /** Noise the seed does not control: a generator of its own per run (condition and seed). */
    private static SplittableRandom uncontrolled(Context ctx) {
        return new SplittableRandom(mix(ctx.seed() * 0x9E3779B97F4A7C15L + ctx.condition().hashCode()));
    }

    private long masterSeed(Check.Stage stage, int draw) {
        long h = mix(seed ^ cell.id().hashCode());
        h = mix(h + stage.ordinal() * 0xBF58476D1CE4E5B9L);
        return mix(h + draw) & 0xFFFF_FFFFL;
    }

    /** SplitMix64's finaliser: spreads nearby inputs over all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Hypothesis hypothesis(StatisticalTest test, String suffix, Expectation expectation,
            String... treatments) {
        return Hypothesis.on(METRIC).name(hypothesisName(test, suffix)).expect(expectation).verifier(test.verifier())
                .alpha(ALPHA).treatments(treatments).build();
    }

    private static String hypothesisName(StatisticalTest test, String suffix) {
        return test.name() + "." + suffix;
    }

    private static Verdict verdict(Result result, StatisticalTest test, String suffix, String treatment) {
        String name = hypothesisName(test, suffix);
        return result.getHypothesis(name).orElseThrow(() -> new IllegalStateException("no hypothesis " + name))
                .verdict(treatment, METRIC).orElseThrow(() -> new IllegalStateException(
                        "no verdict of " + name + " for " + treatment));
    }
}
