package io.crystallize.hypothesis;

import org.apache.commons.statistics.distribution.TDistribution;

/** Welch, paired t, or the automatic choice between them; TOST for equivalence. */
final class TTestVerifier implements Verifier {

    enum Mode { AUTO, WELCH, PAIRED }

    private final Mode mode;

    TTestVerifier(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return switch (mode) {
            case AUTO -> "default (paired t, Welch without shared seeds)";
            case WELCH -> "Welch t";
            case PAIRED -> "paired t";
        };
    }

    @Override
    public Verdict verify(Samples s, Question q) {
        boolean paired = mode == Mode.PAIRED || (mode == Mode.AUTO && s.sharedSeeds());
        return paired ? paired(s, q) : welch(s, q);
    }

    private Verdict paired(Samples s, Question q) {
        double[] b = s.pairedBaseline();
        double[] t = s.pairedTreatment();
        int n = b.length;
        boolean equivalence = q.expectation().kind() == Expectation.Kind.EQUIVALENT_WITHIN;
        Verdict.Builder base = Verdict.builder(s.metric(), s.treatment())
                .test(equivalence ? "paired TOST" : "paired t")
                .alternative(q.expectation().alternative(q.direction()))
                .alpha(q.alpha()).n(n, n).nPairs(n);
        Verdict early = Outcomes.tooFew(base, s, n, n, 2, "replicate-matched pairs");
        if (early == null) {
            early = Outcomes.nonFinite(base, s, b, t);
        }
        if (early != null) {
            return early;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = t[i] - b[i];
        }
        double mb = Outcomes.mean(b);
        double mt = Outcomes.mean(t);
        double md = Outcomes.mean(d);
        double vd = Outcomes.variance(d, md);
        double vb = Outcomes.variance(b, mb);
        double vt = Outcomes.variance(t, mt);
        double cov = covariance(b, t, mb, mt);
        base.means(mb, mt).difference(md).relativePercent(100 * md / mb);
        double df = n - 1;
        double se = Math.sqrt(vd / n);
        double tq = TDistribution.of(df).inverseSurvivalProbability(0.025);
        base.ci(md - tq * se, md + tq * se)
                .effectSize("d_z", md / Math.sqrt(vd));
        relativeCi(base, mb, mt, vb / n, vt / n, cov / n, tq);
        if (Outcomes.constant(d)) {
            return deterministic(base, s, q, md, mb, "paired differences");
        }
        double shift = q.expectation().nullDifference(q.direction(), mb);
        base.method("paired t on " + n + " replicate-matched pairs, df=" + (int) df + ", "
                + q.expectation().alternative(q.direction()) + describeShift(q, shift));
        if (equivalence) {
            double m = q.expectation().absoluteMargin(mb);
            double pLower = tail((md + m) / se, df, "greater");
            double pUpper = tail((md - m) / se, df, "less");
            return base.statistic(Math.abs(pLower) > Math.abs(pUpper) ? (md + m) / se : (md - m) / se)
                    .pValue(Math.max(pLower, pUpper)).status(Verdict.Status.NOT_SUPPORTED).build();
        }
        double stat = (md - shift) / se;
        return base.statistic(stat).pValue(tail(stat, df, q.expectation().alternative(q.direction())))
                .status(Verdict.Status.NOT_SUPPORTED).build();
    }

    private Verdict welch(Samples s, Question q) {
        double[] b = s.baseline();
        double[] t = s.treatmentValues();
        boolean equivalence = q.expectation().kind() == Expectation.Kind.EQUIVALENT_WITHIN;
        Verdict.Builder base = Verdict.builder(s.metric(), s.treatment())
                .test(equivalence ? "Welch TOST" : "Welch t")
                .alternative(q.expectation().alternative(q.direction()))
                .alpha(q.alpha()).n(b.length, t.length);
        Verdict early = Outcomes.tooFew(base, s, b.length, t.length, 2, "values");
        if (early == null) {
            early = Outcomes.nonFinite(base, s, b, t);
        }
        if (early != null) {
            return early;
        }
        double mb = Outcomes.mean(b);
        double mt = Outcomes.mean(t);
        double vb = Outcomes.variance(b, mb);
        double vt = Outcomes.variance(t, mt);
        double nb = b.length;
        double nt = t.length;
        double diff = mt - mb;
        base.means(mb, mt).difference(diff).relativePercent(100 * diff / mb);
        if (Outcomes.constant(b) && Outcomes.constant(t)) {
            return deterministic(base, s, q, diff, mb, "either condition");
        }
        double se2 = vt / nt + vb / nb;
        double se = Math.sqrt(se2);
        double df = se2 * se2 / ((vt / nt) * (vt / nt) / (nt - 1) + (vb / nb) * (vb / nb) / (nb - 1));
        double tq = TDistribution.of(df).inverseSurvivalProbability(0.025);
        double pooled = Math.sqrt(((nt - 1) * vt + (nb - 1) * vb) / (nt + nb - 2));
        double g = diff / pooled * (1 - 3 / (4 * (nt + nb) - 9));
        base.ci(diff - tq * se, diff + tq * se).effectSize("hedges_g", g);
        relativeCi(base, mb, mt, vb / nb, vt / nt, 0, tq);
        double shift = q.expectation().nullDifference(q.direction(), mb);
        base.method(String.format(java.util.Locale.ROOT, "Welch t (unequal variances), df=%.1f, %s%s",
                df, q.expectation().alternative(q.direction()), describeShift(q, shift)));
        if (equivalence) {
            double m = q.expectation().absoluteMargin(mb);
            double pLower = tail((diff + m) / se, df, "greater");
            double pUpper = tail((diff - m) / se, df, "less");
            return base.statistic(pLower >= pUpper ? (diff + m) / se : (diff - m) / se)
                    .pValue(Math.max(pLower, pUpper)).status(Verdict.Status.NOT_SUPPORTED).build();
        }
        double stat = (diff - shift) / se;
        return base.statistic(stat).pValue(tail(stat, df, q.expectation().alternative(q.direction())))
                .status(Verdict.Status.NOT_SUPPORTED).build();
    }

    private static String describeShift(Question q, double shift) {
        Expectation e = q.expectation();
        if (e.kind() == Expectation.Kind.EQUIVALENT_WITHIN) {
            return ", two one-sided tests within ±" + Outcomes.number(e.margin()) + (e.relative() ? "%" : "");
        }
        return shift == 0 ? "" : ", null difference " + Outcomes.signed(shift);
    }

    /** Deterministic verdict: no variance, the direction decides (p reported as 0 or 1). */
    static Verdict deterministic(Verdict.Builder base, Samples s, Question q, double diff, double baselineMean,
            String where) {
        Expectation e = q.expectation();
        double better = q.direction().sign() * diff;
        double m = e.absoluteMargin(baselineMean);
        boolean holds = switch (e.kind()) {
            case BETTER -> better > 0;
            case WORSE -> better < 0;
            case DIFFERENT -> diff != 0;
            case BETTER_BY_AT_LEAST -> better > m;
            case NOT_WORSE_BY_MORE_THAN -> better > -m;
            case EQUIVALENT_WITHIN -> Math.abs(diff) < m;
        };
        return base.method("no variance in " + where + ": the difference is deterministic")
                .statistic(Double.NaN)
                .pValue(holds ? 0 : 1)
                .ci(diff, diff)
                .status(holds ? Verdict.Status.SUPPORTED : Verdict.Status.NOT_SUPPORTED)
                .build();
    }

    static double tail(double t, double df, String alternative) {
        TDistribution dist = TDistribution.of(df);
        return switch (alternative) {
            case "greater" -> dist.survivalProbability(t);
            case "less" -> dist.cumulativeProbability(t);
            default -> Math.min(1, 2 * dist.survivalProbability(Math.abs(t)));
        };
    }

    private static double covariance(double[] x, double[] y, double mx, double my) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    /**
     * The 95% CI of the relative difference (treatment/baseline − 1) by the delta method, with the
     * covariance of the two means when paired.
     */
    private static void relativeCi(Verdict.Builder base, double mb, double mt, double varMb, double varMt,
            double covMeans, double quantile) {
        if (mb == 0) {
            return;
        }
        double ratio = mt / mb;
        double var = varMt / (mb * mb) + ratio * ratio * varMb / (mb * mb) - 2 * ratio * covMeans / (mb * mb);
        double se = Math.sqrt(Math.max(var, 0));
        base.relativeCi(100 * (ratio - 1 - quantile * se), 100 * (ratio - 1 + quantile * se));
    }
}
