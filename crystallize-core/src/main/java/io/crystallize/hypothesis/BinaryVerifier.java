package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.IndependentProportions;
import io.crystallize.stats.PairedProportions;
import io.crystallize.stats.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests for 0/1 metrics (success per run) that hold their level at any n, on the difference of
 * success rates treatment − baseline:
 *
 * <ul>
 *   <li>pairs (conditions share seeds), no margin: the exact conditional McNemar test on the
 *       discordant pairs — the replicates where exactly one condition succeeded;</li>
 *   <li>pairs with a margin, or equivalence: Tango's score test, exact unconditional up to
 *       {@link PairedProportions#EXACT_LIMIT} pairs;</li>
 *   <li>independent sides: the Miettinen-Nurminen score test, exact unconditional up to
 *       {@link IndependentProportions#EXACT_LIMIT} per side (Barnard's test without a margin).</li>
 * </ul>
 *
 * <p>The paired t-test the default would otherwise run is not valid here: on 0/1 differences at
 * small n its level is off (with common random numbers, rates 0.2 vs 0.1 and a non-inferiority
 * margin of 0.1: 0.18 false SUPPORTED at 30 replicates where 0.05 was asked; these tests: 0.041 —
 * {@code BinaryLevelSimulation}). Exact
 * tests give no false p-value, but at small n no outcome may be extreme enough: then the verdict is
 * INCONCLUSIVE naming the discordant pairs or replicates the test needs. Data without variance (all
 * 0, all 1) are an outcome like any other for these tests. Margins are in rate units; relative
 * margins are refused (a ratio of rates needs its own test), as are margins of 1 or more.
 */
final class BinaryVerifier extends ComparisonVerifier {

    /** Why this verifier decides. */
    enum Reason {
        /** Chosen by the user ({@link Verifiers#binary()}). */
        CHOSEN,
        /** The default test found every value of the metric 0 or 1 in every condition. */
        DETECTED,
        /** The hypothesis declares the metric 0/1. */
        DECLARED
    }

    private static final int MOST_NEEDED = 100_000;

    private final Reason reason;

    BinaryVerifier(Reason reason) {
        this.reason = reason;
    }

    @Override
    public String name() {
        return "0/1 rates (McNemar exact or Tango score with shared seeds, Miettinen-Nurminen score otherwise)";
    }

    @Override
    boolean paired(Samples s) {
        return s.sharedSeeds();
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        return paired ? "Tango score" + (equivalence ? " TOST" : "")
                : "Miettinen-Nurminen score" + (equivalence ? " TOST" : "");
    }

    @Override
    String testName(boolean paired, Question q) {
        Expectation e = q.expectation();
        boolean equivalence = e.kind() == Expectation.Kind.EQUIVALENT_WITHIN;
        return paired && !equivalence && e.margin() == 0 ? "McNemar exact" : testName(paired, equivalence);
    }

    @Override
    boolean testsConstantData() {
        return true;
    }

    @Override
    Design design(boolean paired) {
        return paired ? Design.PAIRED_T : Design.TWO_SAMPLE_T;
    }

    @Override
    Verdict validate(Verdict.Builder base, Samples s, Sides sides, Question q) {
        String nonBinary = Outcomes.firstNonBinary(s, sides);
        if (nonBinary != null) {
            return Outcomes.error(base, s, "the tests for 0/1 metrics need values 0 or 1 (success per run), but "
                    + nonBinary + ": record 1 for success and 0 for failure, or, for a metric that is not 0/1, do"
                    + " not declare it binary");
        }
        Expectation e = q.expectation();
        if (hasMargin(e) && e.relative()) {
            return Outcomes.error(base, s, "a relative margin (" + Outcomes.trimmed(e.margin()) + "% of the baseline"
                    + " rate) on a 0/1 metric is not supported: give the margin in rate units, e.g. 0.02 for two"
                    + " percentage points");
        }
        if (hasMargin(e) && e.margin() >= 1) {
            return Outcomes.error(base, s, "a margin of " + Outcomes.trimmed(e.margin()) + " on a 0/1 metric covers"
                    + " every possible difference of rates (they differ by at most 1): give a margin below 1,"
                    + " e.g. 0.05");
        }
        return null;
    }

    /**
     * The difference of rates with its Wald-type CI; without variance (every value, or every paired
     * difference, the same) there is no CI nor standardised effect, only the difference.
     */
    @Override
    void describe(Verdict.Builder base, Sides sides) {
        if (!sides.noVariance()) {
            super.describe(base, sides);
            return;
        }
        double mb = sides.baselineMean();
        double difference = sides.treatmentMean() - mb;
        base.means(mb, sides.treatmentMean()).difference(difference)
                .relativePercent(mb == 0 ? Double.NaN : 100 * difference / mb);
    }

    @Override
    Draft decide(Verdict.Builder base, Samples s, Sides sides, Question q, Design design) {
        Draft unreachable = unreachable(base, s, sides, q);
        if (unreachable != null) {
            return unreachable;
        }
        Draft decided = super.decide(base, s, sides, q, design);
        if (!(sides.scale() > 0)) {
            // no SD to carry a standardised figure into rate units
            return new Draft(decided.verdict().toBuilder().mde(Double.NaN, Double.NaN).build(), decided.note());
        }
        return decided;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        if (sides.paired()) {
            int favourTreatment = discordant(sides.treatment(), sides.baseline());
            int favourBaseline = discordant(sides.baseline(), sides.treatment());
            return nullDifference == 0 ? PairedProportions.mcNemarExact(favourTreatment, favourBaseline, alternative)
                    : PairedProportions.tangoTest(favourTreatment, favourBaseline, sides.nBaseline(), nullDifference,
                            alternative);
        }
        return IndependentProportions.scoreTest((int) SuccessVerifier.successes(sides.treatment()), sides.nTreatment(),
                (int) SuccessVerifier.successes(sides.baseline()), sides.nBaseline(), nullDifference, alternative);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        extras.add(switch (reason) {
            case DETECTED -> "default test for a 0/1 metric (every value 0 or 1 in every condition)";
            case DECLARED -> "the hypothesis declares the metric 0/1";
            case CHOSEN -> "test for 0/1 metrics";
        });
        if (sides.paired()) {
            extras.add("discordant pairs: " + discordantText(sides));
            int unmatched = s.baseline().length + s.treatmentValues().length - 2 * sides.nBaseline();
            if (unmatched > 0) {
                extras.add(unmatched + " value" + (unmatched > 1 ? "s" : "") + " without a partner replicate left out");
            }
        } else {
            extras.add("successes: treatment " + SuccessVerifier.successes(sides.treatment()) + "/" + sides.nTreatment()
                    + ", baseline " + SuccessVerifier.successes(sides.baseline()) + "/" + sides.nBaseline());
        }
        extras.add("effect: difference of success rates with its " + (sides.paired() ? "paired" : "Welch")
                + " (Wald-type) 95% CI");
        return extras;
    }

    /**
     * INCONCLUSIVE when no outcome at this n can give p < alpha (exact tests of few counts), saying
     * what the test needs; null when the test can decide.
     */
    private Draft unreachable(Verdict.Builder base, Samples s, Sides sides, Question q) {
        Expectation e = q.expectation();
        double mb = sides.baselineMean();
        double alpha = q.alpha();
        Alternative alternative = Outcomes.alternative(q);
        boolean equivalence = e.kind() == Expectation.Kind.EQUIVALENT_WITHIN;
        double d0 = e.nullDifference(q.direction(), mb);
        double margin = e.absoluteMargin(mb);
        String why;
        double smallest;
        if (sides.paired() && !equivalence && d0 == 0) {
            int k = discordant(sides.treatment(), sides.baseline()) + discordant(sides.baseline(), sides.treatment());
            smallest = PairedProportions.mcNemarSmallestPValue(k, alternative);
            if (smallest < alpha) {
                return null;
            }
            int needed = k;
            while (PairedProportions.mcNemarSmallestPValue(needed, alternative) >= alpha) {
                needed++;
            }
            int n = sides.nBaseline();
            int pairs = k > 0 ? (int) Math.ceil((double) needed * n / k) : 0;
            String pairsNeeded = k > 0 ? " (at this run's " + k + " in " + n + ", about " + pairs + " pairs)"
                    : " (none discordant so far)";
            why = "too few discordant pairs (" + discordantText(sides) + "): with " + k + " the exact McNemar test's"
                    + " smallest " + sidedness(alternative) + " p-value is " + Outcomes.p(smallest)
                    + ", not below alpha " + Outcomes.trimmed(alpha) + "; it needs at least " + needed
                    + " discordant pairs: run more replicates" + pairsNeeded;
        } else if (sides.paired()) {
            int n = sides.nBaseline();
            smallest = tangoSmallest(n, d0, margin, equivalence, alternative);
            if (smallest < alpha) {
                return null;
            }
            int needed = n + 1;
            while (needed < MOST_NEEDED && tangoSmallest(needed, d0, margin, equivalence, alternative) >= alpha) {
                needed++;
            }
            why = "with " + n + " replicate-matched pairs no outcome reaches p < alpha " + Outcomes.trimmed(alpha)
                    + " in Tango's exact test of " + MethodText.hypothesis(q, mb) + ": it needs at least "
                    + count(needed) + " pairs; run more replicates";
        } else {
            int nb = sides.nBaseline();
            int nt = sides.nTreatment();
            smallest = independentSmallest(nt, nb, d0, margin, equivalence, alternative);
            if (smallest < alpha) {
                return null;
            }
            int needed = Math.max(nb, nt) + 1;
            while (needed < MOST_NEEDED
                    && independentSmallest(needed, needed, d0, margin, equivalence, alternative) >= alpha) {
                needed++;
            }
            why = "with " + nb + " baseline and " + nt + " treatment values no outcome reaches p < alpha "
                    + Outcomes.trimmed(alpha) + " in the exact score test of " + MethodText.hypothesis(q, mb)
                    + ": it needs at least " + count(needed) + " values per side; run more replicates";
        }
        base.test(testName(sides.paired(), q)).mde(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)
                .method(testName(sides.paired(), q) + " not run: its smallest p-value at this n is "
                        + Outcomes.p(smallest) + ", not below alpha " + Outcomes.trimmed(alpha) + "; alternative: "
                        + MethodText.hypothesis(q, mb) + "; " + MethodText.n(sides));
        return Draft.complete(Outcomes.inconclusive(base, s, why));
    }

    private static double tangoSmallest(int n, double d0, double margin, boolean equivalence, Alternative alternative) {
        if (equivalence) {
            return Math.max(PairedProportions.tangoSmallestPValue(n, -margin, Alternative.GREATER),
                    PairedProportions.tangoSmallestPValue(n, margin, Alternative.LESS));
        }
        return PairedProportions.tangoSmallestPValue(n, d0, alternative);
    }

    private static double independentSmallest(int nt, int nb, double d0, double margin, boolean equivalence,
            Alternative alternative) {
        if (equivalence) {
            return Math.max(IndependentProportions.smallestPValue(nt, nb, -margin, Alternative.GREATER),
                    IndependentProportions.smallestPValue(nt, nb, margin, Alternative.LESS));
        }
        return IndependentProportions.smallestPValue(nt, nb, d0, alternative);
    }

    private static String count(int needed) {
        return needed >= MOST_NEEDED ? "more than " + MOST_NEEDED : String.valueOf(needed);
    }

    private static String sidedness(Alternative alternative) {
        return alternative == Alternative.TWO_SIDED ? "two-sided" : "one-sided";
    }

    private static String discordantText(Sides sides) {
        return "treatment alone succeeded in " + discordant(sides.treatment(), sides.baseline())
                + ", baseline alone in " + discordant(sides.baseline(), sides.treatment()) + ", of "
                + sides.nBaseline() + " pairs";
    }

    /** Pairs where {@code first} succeeded and {@code second} failed. */
    private static int discordant(double[] first, double[] second) {
        int k = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] == 1 && second[i] == 0) {
                k++;
            }
        }
        return k;
    }

    private static boolean hasMargin(Expectation e) {
        return e.kind() == Expectation.Kind.BETTER_BY_AT_LEAST || e.kind() == Expectation.Kind.NOT_WORSE_BY_MORE_THAN
                || e.kind() == Expectation.Kind.EQUIVALENT_WITHIN;
    }
}
