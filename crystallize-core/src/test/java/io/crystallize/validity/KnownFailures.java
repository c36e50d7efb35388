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
            default/different-power/exponential/independent/n=3                          0.715: Welch at n = 3 on skewed data misses its normal-theory MDE
            default/family-power/exponential/independent/n=3                             0.438 (before the Holm-level MDE): family power still off the band on this design
            default/different-power/binary-05/independent/n=10                           0.718: t-test on rare 0/1 events
            default/family-power/binary-50/shared/n=30                                   0.525 (before the Holm-level MDE): family power still off the band on this design
            paired-t/better-power/student-t3/shared/n=10                                 0.875: above the band: the normal-theory MDE is conservative on heavy tails
            paired-t/different-power/student-t3/shared/n=10                              0.883: above the band: the normal-theory MDE is conservative on heavy tails
            paired-t/family-power/student-t3/shared/n=10                                 0.703 (before the Holm-level MDE): family power still off the band on this design
            wilcoxon/better-power/student-t3/shared/n=10                                 0.895: above the band: the normal-theory MDE is conservative on heavy tails
            wilcoxon/different-power/student-t3/shared/n=10                              0.873: above the band: the normal-theory MDE is conservative on heavy tails
            mann-whitney/better-power/exponential/independent/n=10                       0.890: above the band: a rank test on skewed data beats its normal-theory MDE
            mann-whitney/different-power/exponential/independent/n=10                    0.875: above the band: a rank test on skewed data beats its normal-theory MDE
            mann-whitney/non-inferiority-fpr/binary-20/independent/n=30                  0.993: margins shift the values, which on 0/1 data is no change of rate
            mann-whitney/equivalence-fpr/binary-20/independent/n=30                      0.978: margins shift the values, which on 0/1 data is no change of rate
            kolmogorov-smirnov/non-inferiority-fpr/binary-20/independent/n=30            1.000: margins shift the values, which on 0/1 data is no change of rate
            kolmogorov-smirnov/equivalence-fpr/binary-20/independent/n=30                1.000: margins shift the values, which on 0/1 data is no change of rate
            fisher-exact/better-power/binary-20/independent/n=30                         0.703: the MDE is the t-test's; Fisher's exact test is conservative
            fisher-exact/family-power/binary-20/independent/n=30                         0.470 (before the Holm-level MDE): family power still off the band on this design
            binomial/better-fpr/binary-20/independent/n=30                               0.118: the baseline's rate is taken as known, its sampling error ignored
            binomial/different-fpr/binary-20/independent/n=30                            0.175: the baseline's rate is taken as known, its sampling error ignored
            binomial/family-fpr/binary-20/independent/n=30                               0.133: the baseline's rate is taken as known, its sampling error ignored
            default/family-power/log-normal/shared/n=5                                   0.890: above the band: the MDE (now at the Holm level) is conservative on log-normal paired differences
            default/better-power/binary-50/shared/n=30                                   0.658: McNemar's exact test on discordant pairs detects less than the t-approximation MDE promises (the 0/1 MDE is not yet the exact test's)
            default/different-power/binary-50/shared/n=30                                0.653: McNemar's exact test on discordant pairs detects less than the t-approximation MDE promises (the 0/1 MDE is not yet the exact test's)
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
