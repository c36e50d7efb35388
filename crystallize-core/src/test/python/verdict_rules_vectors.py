"""Reference values for the verdict rules, computed with SciPy.

Writes crystallize-core/src/test/resources/verdict-rules-vectors.json, read by
io.crystallize.hypothesis.VerdictRulesVectorsTest. Run from the repository root:

    python3 crystallize-core/src/test/python/verdict_rules_vectors.py

Cases:
- ratio_test: a relative margin tested as a ratio, treatment vs r x baseline, with r = 1 + s * m / 100
  (s the margin's sign toward better or worse); SciPy's ttest_ind / ttest_rel on (treatment, r * baseline).
  Equivalence: the larger p of "greater" against the lower ratio and "less" against the upper.
  relative_ci: the ratios treatment / baseline the same two-sided test does not reject at 5%, in percent
  (paired: Fieller's closed form; Welch and Student: brentq on SciPy's p-value).
- floor: the smallest p-value an exact test can give on data of these sizes (SciPy's exact test on the
  most extreme arrangement), and the fewest replicates per side (pairs) whose extreme data get below a level.
- mde: the standardised minimal detectable effect at 80% power, at the level alpha / family size, from
  SciPy's noncentral t (paired: df n - 1, noncentrality d sqrt(n); two-sample: df 2n - 2, d sqrt(n / 2)).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import optimize, stats

rng = np.random.default_rng(20240519)
cases = []


def values(a):
    return [float(v) for v in a]


def sided_ratio(kind, direction, percent, bound=0, baseline_mean=1.0):
    sign_b = math.copysign(1.0, baseline_mean)
    if kind == "BETTER_BY_AT_LEAST":
        s = direction
    elif kind == "NOT_WORSE_BY_MORE_THAN":
        s = -direction
    else:
        s = bound
    return 1 + s * sign_b * percent / 100.0


def alternative(kind, direction):
    if kind == "EQUIVALENT_WITHIN":
        return "equivalence"
    return "greater" if direction > 0 else "less"


def ttest(verifier, t, b, alt):
    if verifier == "paired":
        return stats.ttest_rel(t, b, alternative=alt)
    return stats.ttest_ind(t, b, equal_var=(verifier == "student"), alternative=alt)


def ratio_ci(verifier, t, b):
    t = np.asarray(t)
    b = np.asarray(b)
    k_hat = t.mean() / b.mean()
    if verifier == "paired":
        n = len(t)
        c = stats.t.isf(0.025, n - 1)
        vt, vb = t.var(ddof=1), b.var(ddof=1)
        cov = np.cov(t, b, ddof=1)[0, 1]
        qa = b.mean() ** 2 - c * c * vb / n
        qb = -2 * (t.mean() * b.mean() - c * c * cov / n)
        qc = t.mean() ** 2 - c * c * vt / n
        root = math.sqrt(qb * qb - 4 * qa * qc)
        lo, hi = sorted(((-qb - root) / (2 * qa), (-qb + root) / (2 * qa)))
    else:
        def excess(k):
            return ttest(verifier, t, k * b, "two-sided").pvalue - 0.05
        step = abs(k_hat) * 1e-3
        while excess(k_hat + step) >= 0:
            step *= 2
        hi = optimize.brentq(excess, k_hat, k_hat + step, xtol=1e-15, rtol=1e-15, maxiter=500)
        step = abs(k_hat) * 1e-3
        while excess(k_hat - step) >= 0:
            step *= 2
        lo = optimize.brentq(excess, k_hat - step, k_hat, xtol=1e-15, rtol=1e-15, maxiter=500)
    return [100 * (lo - 1), 100 * (hi - 1)]


def ratio_case(verifier, kind, direction, percent, b, t, note):
    r = None
    if kind == "EQUIVALENT_WITHIN":
        rl = sided_ratio(kind, direction, percent, -1, np.mean(b))
        ru = sided_ratio(kind, direction, percent, 1, np.mean(b))
        lower = ttest(verifier, t, rl * np.asarray(b), "greater")
        upper = ttest(verifier, t, ru * np.asarray(b), "less")
        p = max(lower.pvalue, upper.pvalue)
        statistic = lower.statistic if lower.pvalue >= upper.pvalue else upper.statistic
    else:
        r = sided_ratio(kind, direction, percent, baseline_mean=np.mean(b))
        res = ttest(verifier, t, r * np.asarray(b), alternative(kind, direction))
        p, statistic = res.pvalue, res.statistic
    cases.append({
        "kind": "ratio_test", "note": note, "verifier": verifier, "expect": kind,
        "direction": "higher" if direction > 0 else "lower", "margin_percent": percent,
        "baseline": values(b), "treatment": values(t),
        "ratio": r, "statistic": float(statistic), "pvalue": float(p),
        "relative_ci": ratio_ci(verifier, t, b),
    })


n = 12
base = 100 + 8 * rng.standard_normal(n)
treat_ind = 104 + 9 * rng.standard_normal(n)
treat_pair = base * 1.03 + 3 * rng.standard_normal(n)
for verifier, t in (("welch", treat_ind), ("student", treat_ind), ("paired", treat_pair)):
    ratio_case(verifier, "BETTER_BY_AT_LEAST", 1, 2, base, t, "higher is better, at least 2% better")
    ratio_case(verifier, "NOT_WORSE_BY_MORE_THAN", -1, 5, base, t, "lower is better, at most 5% worse")
    ratio_case(verifier, "EQUIVALENT_WITHIN", 1, 10, base, t, "within 10%")
negative = -50 + 4 * rng.standard_normal(n)
ratio_case("welch", "NOT_WORSE_BY_MORE_THAN", 1, 5, negative, negative * 0.99 + 2 * rng.standard_normal(n),
           "negative baseline mean: the margin is 5% of |mean|")


def floor_case(verifier, alt, b, t, level, family, correction, smallest, needed, extra=None):
    case = {"kind": "floor", "verifier": verifier, "alternative": alt, "baseline": values(b),
            "treatment": values(t), "alpha": 0.05, "family": family, "correction": correction, "level": level,
            "smallest_p": float(smallest), "needed": needed}
    if extra:
        case.update(extra)
    cases.append(case)


def first_n(floor_at, start, level):
    for m in range(start, 10_001):
        if floor_at(m) < level:
            return m
    raise AssertionError("no n")


def mw_floor(nt, nb, alt):
    top = list(range(nb + 1, nb + nt + 1))
    bottom = list(range(1, nb + 1))
    x = top if alt != "less" else bottom[:nt]
    y = bottom if alt != "less" else list(range(nt + 1, nt + nb + 1))
    return stats.mannwhitneyu(x, y, alternative=alt, method="exact").pvalue


def wilcoxon_floor(k, alt):
    d = np.arange(1, k + 1, dtype=float)
    return stats.wilcoxon(-d if alt == "less" else d, alternative=alt, method="exact").pvalue


def fisher_floor(m, alt):
    table = [[m, 0], [0, m]] if alt != "less" else [[0, m], [m, 0]]
    return stats.fisher_exact(table, alternative=alt).pvalue


for alt, level, family, correction in (("greater", 0.05, 1, "holm"), ("two-sided", 0.05, 1, "holm"),
                                       ("greater", 0.0125, 4, "holm"), ("less", 0.05, 4, "benjamini_hochberg")):
    b = 10 + rng.standard_normal(3)
    t = 10.5 + rng.standard_normal(3)
    floor_case("mann_whitney", alt, b, t, level, family, correction, mw_floor(3, 3, alt),
               first_n(lambda m: mw_floor(m, m, alt), 4, level))
for alt, level, family, correction in (("greater", 0.05, 1, "holm"), ("greater", 0.025, 2, "bonferroni"),
                                       ("two-sided", 0.05, 1, "none")):
    b = 10 + rng.standard_normal(4)
    t = b + 0.5 + rng.standard_normal(4)
    floor_case("wilcoxon", alt, b, t, level, family, correction, wilcoxon_floor(4, alt),
               first_n(lambda m: wilcoxon_floor(m, alt), 5, level))
b01 = [0, 1, 0]
t01 = [1, 1, 0]
# Fisher conditional on the observed margins: 3 successes of 6, at most 3 in the treatment
floor_case("fisher", "greater", b01, t01, 0.05, 1, "holm",
           stats.fisher_exact([[3, 0], [0, 3]], alternative="greater").pvalue,
           first_n(lambda m: fisher_floor(m, "greater"), 4, 0.05))
b01 = [0, 1, 0, 1, 1, 0, 1, 0]
t01 = [1, 1, 0, 1]
rate = float(np.mean(b01))
floor_case("binomial", "greater", b01, t01, 0.05, 1, "holm",
           stats.binomtest(4, 4, rate, alternative="greater").pvalue,
           first_n(lambda m: stats.binomtest(m, m, rate, alternative="greater").pvalue, 5, 0.05))


def power(d, nn, alpha, alt, design):
    if design == "paired_t":
        df, nc = nn - 1, d * math.sqrt(nn)
    else:
        df, nc = 2 * nn - 2, d * math.sqrt(nn / 2)
    if alt == "two-sided":
        c = stats.t.isf(alpha / 2, df)
        return stats.nct.sf(c, df, nc) + stats.nct.cdf(-c, df, nc)
    return stats.nct.sf(stats.t.isf(alpha, df), df, nc)


for design, nn, family, correction, alt in (("paired_t", 10, 4, "holm", "greater"),
                                            ("paired_t", 30, 3, "bonferroni", "two-sided"),
                                            ("two_sample_t", 12, 4, "benjamini_hochberg", "greater"),
                                            ("two_sample_t", 12, 4, "none", "greater"),
                                            ("paired_t", 10, 1, "holm", "greater")):
    level = 0.05 if correction == "none" or family == 1 else 0.05 / family
    d = optimize.brentq(lambda x: power(x, nn, level, alt, design) - 0.8, 1e-6, 3, xtol=1e-15, rtol=1e-15)
    cases.append({"kind": "mde", "design": design, "n": nn, "alpha": 0.05, "family": family,
                  "correction": correction, "alternative": alt, "level": level, "mde_standardized": d})

out = {
    "generator": "crystallize-core/src/test/python/verdict_rules_vectors.py, SciPy " + scipy.__version__
                 + ", NumPy " + np.__version__,
    "tolerance": "relative 1e-9 (relative_ci: 1e-7 of the ratio); needed: exactly",
    "cases": cases,
}
path = os.path.join("crystallize-core", "src", "test", "resources", "verdict-rules-vectors.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(len(cases), "cases written to", path)
