package io.crystallize.validity;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Smoke scenarios that miss their target with today's statistics, one per line: the scenario id,
 * then what it measured and why. The smoke test reports them as skipped instead of failing; one
 * that starts passing fails the test ("now passes: remove from known failures"), so the list
 * cannot go stale. To assert a scenario again, delete its line.
 */
final class KnownFailures {

    static final Set<String> SMOKE = ids("""
            default/family-power/normal/shared/n=2                                       0.285: the MDE ignores the Holm family (stats-rules)
            default/family-power/normal/shared/n=10                                      0.523: the MDE ignores the Holm family (stats-rules)
            default/family-power/normal/independent/n=10                                 0.548: the MDE ignores the Holm family (stats-rules)
            default/different-power/exponential/independent/n=3                          0.715: Welch at n = 3 on skewed data misses its normal-theory MDE
            default/family-power/exponential/independent/n=3                             0.438: the MDE ignores the Holm family (stats-rules)
            default/family-power/log-normal/independent/n=100                            0.660: the MDE ignores the Holm family (stats-rules)
            default/family-power/student-t3/shared/n=30                                  0.658: the MDE ignores the Holm family (stats-rules)
            default/non-inferiority-fpr/binary-05/independent/n=10                       0.468: all-zero sides get a deterministic verdict (stats-rules)
            default/equivalence-fpr/binary-05/independent/n=10                           0.283: all-zero sides get a deterministic verdict (stats-rules)
            default/equivalence-relative-fpr/binary-05/independent/n=10                  0.000: ERROR, a zero baseline mean makes the relative margin 0 (stats-rules)
            default/different-power/binary-05/independent/n=10                           0.718: t-test on rare 0/1 events (stats-binary)
            default/family-power/binary-05/independent/n=10                              0.460: the MDE ignores the Holm family (stats-rules)
            default/equivalence-relative-fpr/binary-50/shared/n=30                       0.128: relative margin from the sample baseline mean (stats-rules)
            default/family-power/binary-50/shared/n=30                                   0.525: the MDE ignores the Holm family (stats-rules)
            default/family-power/poisson/shared/n=5                                      0.455: the MDE ignores the Holm family (stats-rules)
            paired-t/better-power/student-t3/shared/n=10                                 0.875: above the band: the normal-theory MDE is conservative on heavy tails
            paired-t/different-power/student-t3/shared/n=10                              0.883: above the band: the normal-theory MDE is conservative on heavy tails
            paired-t/family-power/student-t3/shared/n=10                                 0.703: the MDE ignores the Holm family (stats-rules)
            wilcoxon/better-power/student-t3/shared/n=10                                 0.895: above the band: the normal-theory MDE is conservative on heavy tails
            wilcoxon/different-power/student-t3/shared/n=10                              0.873: above the band: the normal-theory MDE is conservative on heavy tails
            wilcoxon/family-power/student-t3/shared/n=10                                 0.708: the MDE ignores the Holm family (stats-rules)
            welch/family-power/exponential/independent/n=10                              0.590: the MDE ignores the Holm family (stats-rules)
            student-t/family-power/exponential/independent/n=10                          0.608: the MDE ignores the Holm family (stats-rules)
            mann-whitney/better-power/exponential/independent/n=10                       0.890: above the band: a rank test on skewed data beats its normal-theory MDE
            mann-whitney/different-power/exponential/independent/n=10                    0.875: above the band: a rank test on skewed data beats its normal-theory MDE
            mann-whitney/family-power/exponential/independent/n=10                       0.710: the MDE ignores the Holm family (stats-rules)
            welch/family-power/binary-20/independent/n=30                                0.600: the MDE ignores the Holm family (stats-rules)
            student-t/family-power/binary-20/independent/n=30                            0.600: the MDE ignores the Holm family (stats-rules)
            mann-whitney/non-inferiority-fpr/binary-20/independent/n=30                  0.993: margins shift the values, which on 0/1 data is no change of rate
            mann-whitney/non-inferiority-relative-fpr/binary-20/independent/n=30         0.993: margins shift the values, which on 0/1 data is no change of rate
            mann-whitney/equivalence-fpr/binary-20/independent/n=30                      0.978: margins shift the values, which on 0/1 data is no change of rate
            mann-whitney/equivalence-relative-fpr/binary-20/independent/n=30             0.978: margins shift the values, which on 0/1 data is no change of rate
            mann-whitney/family-power/binary-20/independent/n=30                         0.623: the MDE ignores the Holm family (stats-rules)
            kolmogorov-smirnov/non-inferiority-fpr/binary-20/independent/n=30            1.000: margins shift the values, which on 0/1 data is no change of rate
            kolmogorov-smirnov/non-inferiority-relative-fpr/binary-20/independent/n=30   1.000: margins shift the values, which on 0/1 data is no change of rate
            kolmogorov-smirnov/equivalence-fpr/binary-20/independent/n=30                1.000: margins shift the values, which on 0/1 data is no change of rate
            kolmogorov-smirnov/equivalence-relative-fpr/binary-20/independent/n=30       1.000: margins shift the values, which on 0/1 data is no change of rate
            fisher-exact/better-power/binary-20/independent/n=30                         0.703: the MDE is the t-test's; Fisher's exact test is conservative (stats-binary)
            fisher-exact/family-power/binary-20/independent/n=30                         0.470: the MDE ignores the Holm family (stats-rules)
            chi-square/family-power/binary-20/independent/n=30                           0.600: the MDE ignores the Holm family (stats-rules)
            g-test/family-power/binary-20/independent/n=30                               0.600: the MDE ignores the Holm family (stats-rules)
            binomial/better-fpr/binary-20/independent/n=30                               0.118: the baseline's rate is taken as known, its sampling error ignored
            binomial/different-fpr/binary-20/independent/n=30                            0.175: the baseline's rate is taken as known, its sampling error ignored
            binomial/family-fpr/binary-20/independent/n=30                               0.133: the baseline's rate is taken as known, its sampling error ignored
            """);

    private KnownFailures() {
    }

    /** The first word of every non-blank line. */
    static Set<String> ids(String lines) {
        Set<String> ids = new LinkedHashSet<>();
        for (String line : lines.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                ids.add(trimmed.split("\\s+", 2)[0]);
            }
        }
        return Set.copyOf(ids);
    }
}
