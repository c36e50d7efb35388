package io.crystallize.hypothesis;

import io.crystallize.stats.Alternative;
import io.crystallize.stats.Equivalence;
import io.crystallize.stats.EquivalenceResult;
import io.crystallize.stats.Interval;
import io.crystallize.stats.TestResult;
import io.crystallize.stats.TTests;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Welch, Student and paired t-tests on {@link TTests}, TOST by {@link Equivalence} (Student TOST
 * by two one-sided Student tests), and the default test: paired t on the replicate-matched pairs
 * when conditions share seeds, Welch otherwise.
 */
final class TTestVerifier extends ComparisonVerifier {

    enum Mode { AUTO, WELCH, STUDENT, PAIRED }

    private final Mode mode;

    TTestVerifier(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return switch (mode) {
            case AUTO -> "default (paired t with shared seeds, else Welch t)";
            case WELCH -> "Welch t";
            case STUDENT -> "Student t";
            case PAIRED -> "paired t";
        };
    }

    /** Whether this is the default test, which hands 0/1 metrics to the tests made for them. */
    boolean isDefault() {
        return mode == Mode.AUTO;
    }

    @Override
    boolean paired(Samples s) {
        return mode == Mode.PAIRED || (mode == Mode.AUTO && s.sharedSeeds());
    }

    @Override
    String testName(boolean paired, boolean equivalence) {
        String kind = paired ? "paired" : mode == Mode.STUDENT ? "Student" : "Welch";
        return kind + (equivalence ? " TOST" : " t");
    }

    @Override
    Design design(boolean paired) {
        return paired ? Design.PAIRED_T : Design.TWO_SAMPLE_T;
    }

    @Override
    TestResult test(Sides sides, Alternative alternative, double nullDifference) {
        if (sides.paired()) {
            return sides.pairedMeans().pairedT(alternative, nullDifference);
        }
        return mode == Mode.STUDENT ? TTests.student(sides.treatment(), sides.baseline(), alternative, nullDifference)
                : sides.independentMeans().welch(alternative, nullDifference);
    }

    @Override
    EquivalenceResult equivalence(Sides sides, double margin) {
        if (sides.paired()) {
            return Equivalence.tostPaired(sides.treatment(), sides.baseline(), margin);
        }
        return mode == Mode.STUDENT ? super.equivalence(sides, margin)
                : Equivalence.tostWelch(sides.treatment(), sides.baseline(), margin);
    }

    @Override
    List<String> extras(Samples s, Sides sides, TestResult result, double nullDifference) {
        List<String> extras = new ArrayList<>();
        if (mode == Mode.AUTO) {
            extras.add(sides.paired() ? "default test: paired, conditions share seeds (common random numbers)"
                    : "default test: Welch, conditions do not share seeds");
        }
        if (sides.paired()) {
            int unmatched = s.baseline().length + s.treatmentValues().length - 2 * sides.nBaseline();
            if (unmatched > 0) {
                extras.add(unmatched + " value" + (unmatched > 1 ? "s" : "") + " without a partner replicate left out");
            }
        }
        extras.add("effect: difference of means, " + (sides.paired() ? "d_z" : "Hedges' g"));
        return extras;
    }

    @Override
    boolean invertsRatioTest() {
        return true;
    }

    /**
     * Paired and Student: Fieller's interval, the closed form of the ratios whose two-sided t-test
     * at 5% does not reject (their df does not depend on the ratio). Welch: its df does, so the
     * interval is found numerically on the same test.
     */
    @Override
    Interval ratioInterval(Sides sides) {
        boolean paired = sides.paired();
        if (!paired && mode != Mode.STUDENT) {
            return super.ratioInterval(sides);
        }
        double[] t = sides.treatment();
        double[] b = sides.baseline();
        Moments m = Moments.of(sides);
        double mt = m.treatmentMean();
        double mb = m.baselineMean();
        double vt = m.treatmentVariance();
        double vb = m.baselineVariance();
        double a;
        double linear;
        double c0;
        if (paired) {
            int n = t.length;
            double cov = 0;
            for (int i = 0; i < n; i++) {
                cov += (t[i] - mt) * (b[i] - mb);
            }
            cov /= n - 1;
            double c2 = square(Outcomes.tCritical95(n - 1)) / n;
            a = mb * mb - c2 * vb;
            linear = -2 * (mt * mb - c2 * cov);
            c0 = mt * mt - c2 * vt;
        } else {
            int df = t.length + b.length - 2;
            double c2 = square(Outcomes.tCritical95(df)) * (1.0 / t.length + 1.0 / b.length) / df;
            a = mb * mb - c2 * (b.length - 1) * vb;
            linear = -2 * mt * mb;
            c0 = mt * mt - c2 * (t.length - 1) * vt;
        }
        double discriminant = linear * linear - 4 * a * c0;
        if (!(a > 0) || discriminant < 0) {
            return null;
        }
        double root = Math.sqrt(discriminant);
        double low = (-linear - root) / (2 * a);
        double high = (-linear + root) / (2 * a);
        return new Interval(100 * (low - 1), 100 * (high - 1), 1 - RATIO_CI_ALPHA);
    }

    /** Welch's two-sided p of treatment vs ratio × baseline from the sides' means and variances. */
    @Override
    DoubleUnaryOperator ratioPValue(Sides sides) {
        if (sides.paired() || mode == Mode.STUDENT) {
            return super.ratioPValue(sides);
        }
        Moments m = Moments.of(sides);
        int nt = sides.treatment().length;
        int nb = sides.baseline().length;
        TTest welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);
        return k -> welch.test(m.treatmentMean(), m.treatmentVariance(), nt, k * m.baselineMean(),
                k * k * m.baselineVariance(), nb).getPValue();
    }

    /** Each side's mean and sample variance. */
    private record Moments(double treatmentMean, double baselineMean, double treatmentVariance,
            double baselineVariance) {

        static Moments of(Sides sides) {
            double mt = Outcomes.mean(sides.treatment());
            double mb = Outcomes.mean(sides.baseline());
            return new Moments(mt, mb, Outcomes.variance(sides.treatment(), mt), Outcomes.variance(sides.baseline(), mb));
        }
    }

    private static double square(double x) {
        return x * x;
    }

    @Override
    String relativeCiNote(Sides sides, boolean ratio) {
        if (ratio) {
            return "relative % CI: the ratios treatment / baseline that the same two-sided test does not reject at 5%"
                    + (sides.paired() ? " (Fieller)" : "");
        }
        return "relative % CI by the delta method" + (sides.paired() ? " with the covariance term" : "");
    }
}
