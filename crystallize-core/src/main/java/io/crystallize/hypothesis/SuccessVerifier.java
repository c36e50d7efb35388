package io.crystallize.hypothesis;

/**
 * Tests of 0/1 metrics (success per run). The values must be exactly 0 or 1, else the verdict is
 * an ERROR naming the first other value; margins and equivalence are not defined for these tests
 * (ERROR: use a t-test on the 0/1 values). Effects are those of the difference of means, i.e.
 * of success rates, with a Welch (Wald-type) 95% CI.
 */
abstract class SuccessVerifier extends ComparisonVerifier {

    @Override
    boolean paired(Samples s) {
        return false;
    }

    @Override
    Design design(boolean paired) {
        return Design.TWO_SAMPLE_T;
    }

    @Override
    Verdict validate(Verdict.Builder base, Samples s, Sides sides, Question q) {
        String nonBinary = Outcomes.firstNonBinary(s, sides);
        if (nonBinary != null) {
            return Outcomes.error(base, s, name() + " needs 0/1 values (success per run), but " + nonBinary
                    + ": record 1 for success and 0 for failure, or use a t-test");
        }
        Expectation.Kind kind = q.expectation().kind();
        if (kind != Expectation.Kind.BETTER && kind != Expectation.Kind.WORSE && kind != Expectation.Kind.DIFFERENT) {
            return Outcomes.error(base, s, name() + " tests better / worse / different only, not '" + q.expectation()
                    + "': use welch() or pairedT() on the 0/1 values for margins");
        }
        return null;
    }

    static long successes(double[] values) {
        long k = 0;
        for (double v : values) {
            k += v == 1 ? 1 : 0;
        }
        return k;
    }

    /** [[treatment successes, failures], [baseline successes, failures]]. */
    static long[][] table(Sides sides) {
        long ts = successes(sides.treatment());
        long bs = successes(sides.baseline());
        return new long[][] {{ts, sides.nTreatment() - ts}, {bs, sides.nBaseline() - bs}};
    }

    static String tableText(long[][] t) {
        return "successes table [[" + t[0][0] + ", " + t[0][1] + "], [" + t[1][0] + ", " + t[1][1]
                + "]] (rows treatment, baseline; columns successes, failures)";
    }
}
