#!/usr/bin/python3
"""Reference vectors for the tests of 0/1 metrics (io.crystallize.stats.PairedProportions and
IndependentProportions), written to binary-vectors.json beside this script in the format of
shared/reference/stats-vectors.json.

Run with Debian's python3 (apt-get install python3-scipy python3-statsmodels):
    /usr/bin/python3 make_binary_vectors.py

Oracles, and where none exists, the independent implementation used instead:
- mcnemar_exact: scipy.stats.binomtest on the discordant pairs; two-sided cases are also checked
  against statsmodels' mcnemar(exact=True).
- tango_score: no library implements Tango's paired score test. Its statistic is written here from
  the closed form in Tango (1998), Statistics in Medicine 17:891-908, and the closed-form restricted
  maximum-likelihood estimate is checked against a numerical maximisation of the trinomial
  likelihood (scipy.optimize); at a null difference of 0 the statistic is checked against
  statsmodels' asymptotic McNemar statistic. Exact unconditional p-values (the supremum over the
  nuisance parameter of the tail probability) are enumerated here over all trinomial outcomes on a
  dense grid refined by scipy.optimize.minimize_scalar.
- miettinen_nurminen_score: statsmodels 0.13.5's score_test_proportions_2indep is wrong for a
  non-zero difference (its restricted MLE cubic has count0 where nobs0 belongs: statsmodels issue
  #10269, and it ignores correction=False: #8704), so the statistic is written here: the restricted
  MLE is the root of the score equation, found by numpy.roots and checked against a numerical
  maximisation. At a difference of 0 (no restricted MLE needed) it is checked against statsmodels,
  and exact p-values against scipy.stats.barnard_exact (pooled), which is the same test there.
"""
import json
import math
import os

import numpy as np
import scipy
import statsmodels
from scipy import optimize
from scipy.special import gammaln
from scipy.stats import barnard_exact, binomtest, norm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.proportion import score_test_proportions_2indep

SEED = 20261127
TIE = 1e-10          # statistics within this relative distance of the observed one count as equal
GRID = 4001          # nuisance grid; the highest local maxima are then refined
HILLS = 5


def p_normal(z, alternative):
    if alternative == "greater":
        return norm.sf(z)
    if alternative == "less":
        return norm.cdf(z)
    return min(1.0, 2 * norm.sf(abs(z)))


def supremum(f, lo, hi):
    """Largest f on [lo, hi]: dense grid, then bounded Brent around the highest grid maxima."""
    if hi <= lo:
        return f(lo)
    grid = np.linspace(lo, hi, GRID)
    values = np.array([f(t) for t in grid])
    peaks = [i for i in range(GRID)
             if (i == 0 or values[i] >= values[i - 1]) and (i == GRID - 1 or values[i] >= values[i + 1])]
    peaks.sort(key=lambda i: -values[i])
    best = values.max()
    for i in peaks[:HILLS]:
        a, b = grid[max(0, i - 1)], grid[min(GRID - 1, i + 1)]
        r = optimize.minimize_scalar(lambda t: -f(t), bounds=(a, b), method="bounded",
                                     options={"xatol": 1e-14, "maxiter": 500})
        best = max(best, -r.fun)
    return min(1.0, best)


# ---------------------------------------------------------------- Tango (paired)

def tango_q(x, y, n, d0):
    """Restricted MLE of the probability of a pair favouring y (Tango 1998, closed form)."""
    a = 2.0 * n
    b = -x - y + (2.0 * n - x + y) * d0
    c = -y * d0 * (1 - d0)
    return (math.sqrt(b * b - 4 * a * c) - b) / (2 * a)


def tango_q_numeric(x, y, n, d0):
    lo, hi = max(0.0, -d0), (1 - d0) / 2

    def nll(q):
        qx, r = q + d0, 1 - 2 * q - d0
        t = 0.0
        for k, p in ((x, qx), (y, q), (n - x - y, r)):
            if k:
                t += k * math.log(max(p, 1e-300))
        return -t
    res = optimize.minimize_scalar(nll, bounds=(lo, hi), method="bounded", options={"xatol": 1e-13})
    cands = [res.x, lo, hi]
    return min(cands, key=nll)


def tango_z(x, y, n, d0):
    num = x - y - n * d0
    if num == 0:
        return 0.0
    return num / math.sqrt(n * (2 * tango_q(x, y, n, d0) + d0 * (1 - d0)))


def tango_exact(x, y, n, d0, alternative):
    if alternative == "less":
        return tango_exact(y, x, n, -d0, "greater")
    two = alternative == "two-sided"
    obs = tango_z(x, y, n, d0)
    obs = abs(obs) if two else obs
    thr = obs - TIE * max(1.0, abs(obs))
    cells = [(i, j) for i in range(n + 1) for j in range(n + 1 - i)]
    zs = np.array([tango_z(i, j, n, d0) for i, j in cells])
    keep = (np.abs(zs) if two else zs) >= thr
    xs = np.array([c[0] for c in cells])[keep].astype(float)
    ys = np.array([c[1] for c in cells])[keep].astype(float)
    ms = n - xs - ys
    logc = gammaln(n + 1) - gammaln(xs + 1) - gammaln(ys + 1) - gammaln(ms + 1)

    def tail(q):
        qx, r = max(0.0, q + d0), max(0.0, 1 - 2 * q - d0)
        with np.errstate(divide="ignore", invalid="ignore"):
            lp = logc + np.where(xs > 0, xs * np.log(qx), 0) + np.where(ys > 0, ys * np.log(q), 0) \
                + np.where(ms > 0, ms * np.log(r), 0)
        return float(np.exp(lp).sum())
    return supremum(tail, max(0.0, -d0), (1 - d0) / 2)


def tango_case(x, y, n, d0, alternative, computation):
    q, qn = tango_q(x, y, n, d0), tango_q_numeric(x, y, n, d0)
    assert abs(q - qn) < 1e-6, (x, y, n, d0, q, qn)
    z = tango_z(x, y, n, d0)
    if d0 == 0 and x + y > 0:
        chi2 = mcnemar([[0, x], [y, 0]], exact=False, correction=False).statistic
        assert abs(z * z - chi2) <= 1e-12 * chi2 + 1e-15, (x, y, z, chi2)
    p = tango_exact(x, y, n, d0, alternative) if computation == "exact" else p_normal(z, alternative)
    return {"test": "tango_score", "inputs": {"favour_x": x, "favour_y": y, "n": n},
            "options": {"null_difference": d0, "alternative": alternative, "computation": computation},
            "statistic": z, "pvalue": p}


def tango_smallest(n, d0, alternative):
    if alternative == "less":
        return tango_smallest(n, -d0, "greater")
    two = alternative == "two-sided"
    cells = [(i, j) for i in range(n + 1) for j in range(n + 1 - i)]
    ext = [abs(tango_z(i, j, n, d0)) if two else tango_z(i, j, n, d0) for i, j in cells]
    i, j = cells[int(np.argmax(ext))]
    return tango_exact(i, j, n, d0, alternative)


# ---------------------------------------------------------------- Miettinen-Nurminen (independent)

def mn_rate_y(x, nx, y, ny, d0):
    """Restricted MLE of y's rate under p_x - p_y = d0: root of the score equation or an end."""
    lo, hi = max(0.0, -d0), min(1.0, 1 - d0)

    def ll(p):
        px = p + d0
        t = 0.0
        for k, r in ((x, px), (nx - x, 1 - px), (y, p), (ny - y, 1 - p)):
            if k:
                t += k * math.log(r) if r > 0 else -math.inf
        return t
    # (x - nx (p + d0)) p (1 - p) + (y - ny p)(p + d0)(1 - p - d0) = 0, expanded by numpy
    P = np.polynomial.Polynomial
    p = P([0, 1])
    poly = (x - nx * (p + d0)) * p * (1 - p) + (y - ny * p) * (p + d0) * (1 - p - d0)
    cands = [lo, hi] + [r.real for r in poly.roots() if abs(r.imag) < 1e-9 and lo < r.real < hi]
    best = max(cands, key=ll)
    num = optimize.minimize_scalar(lambda t: -ll(t), bounds=(lo, hi), method="bounded",
                                   options={"xatol": 1e-13})
    numeric = max([num.x, lo, hi], key=ll)
    assert abs(best - numeric) < 1e-6, (x, nx, y, ny, d0, best, numeric)
    return best


def mn_z(x, nx, y, ny, d0):
    num = x / nx - y / ny - d0
    if num == 0:
        return 0.0
    ry = (x + y) / (nx + ny) if d0 == 0 else mn_rate_y(x, nx, y, ny, d0)
    rx = ry + d0
    n = nx + ny
    var = (rx * (1 - rx) / nx + ry * (1 - ry) / ny) * n / (n - 1)
    return num / math.sqrt(var)


def mn_exact(x, nx, y, ny, d0, alternative, tie=TIE):
    if alternative == "less":
        return mn_exact(y, ny, x, nx, -d0, "greater", tie)
    two = alternative == "two-sided"
    obs = mn_z(x, nx, y, ny, d0)
    obs = abs(obs) if two else obs
    thr = obs - tie * max(1.0, abs(obs))
    zs = np.array([[mn_z(i, nx, j, ny, d0) for j in range(ny + 1)] for i in range(nx + 1)])
    region = (np.abs(zs) if two else zs) >= thr
    kx, ky = np.arange(nx + 1), np.arange(ny + 1)
    lcx = gammaln(nx + 1) - gammaln(kx + 1) - gammaln(nx - kx + 1)
    lcy = gammaln(ny + 1) - gammaln(ky + 1) - gammaln(ny - ky + 1)

    def pmf(lc, k, n, p):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.exp(lc + np.where(k > 0, k * np.log(p), 0) + np.where(n - k > 0, (n - k) * np.log1p(-p), 0))

    def tail(py):
        px = min(1.0, max(0.0, py + d0))
        return float((np.outer(pmf(lcx, kx, nx, px), pmf(lcy, ky, ny, py)) * region).sum())
    return supremum(tail, max(0.0, -d0), min(1.0, 1 - d0))


def mn_case(x, nx, y, ny, d0, alternative, computation):
    note = None
    z = mn_z(x, nx, y, ny, d0)
    if d0 == 0:
        sm_alternative = {"greater": "larger", "less": "smaller"}.get(alternative, alternative)
        sm = score_test_proportions_2indep(x, nx, y, ny, value=0, compare="diff", alternative=sm_alternative)
        if not math.isnan(sm[0]):
            assert abs(sm[0] - z) <= 1e-12 * max(1.0, abs(z)), (x, nx, y, ny, sm[0], z)
    if computation == "exact":
        p = mn_exact(x, nx, y, ny, d0, alternative)
        if d0 == 0:
            b = barnard_exact([[x, y], [nx - x, ny - y]], alternative=alternative, pooled=True, n=256)
            n = nx + ny
            if not math.isnan(b.statistic):
                assert abs(b.statistic * math.sqrt((n - 1) / n) - z) <= 1e-9 * max(1.0, abs(z))
            if abs(b.pvalue - p) > 1e-7 * p:
                # SciPy compares statistics without tolerance: a table whose statistic equals the
                # observed one but rounds to the wrong side is left out. Without the tolerance the
                # computation here must agree with SciPy's.
                strict = mn_exact(x, nx, y, ny, d0, alternative, tie=0.0)
                assert abs(b.pvalue - strict) <= 1e-7 * strict, ("barnard", x, nx, y, ny, alternative, b.pvalue, p)
                note = ("scipy.stats.barnard_exact gives %.12g: it leaves out a table whose statistic equals the "
                        "observed one but rounds past it" % b.pvalue)
    else:
        p = p_normal(z, alternative)
    case = {"test": "miettinen_nurminen_score",
            "inputs": {"successes_x": x, "n_x": nx, "successes_y": y, "n_y": ny},
            "options": {"null_difference": d0, "alternative": alternative, "computation": computation},
            "statistic": z, "pvalue": p}
    if note:
        case["note"] = note
        case["regression"] = True
    return case


def mn_smallest(nx, ny, d0, alternative):
    if alternative == "less":
        return mn_smallest(ny, nx, -d0, "greater")
    two = alternative == "two-sided"
    best, arg = -math.inf, None
    for i in range(nx + 1):
        for j in range(ny + 1):
            z = mn_z(i, nx, j, ny, d0)
            e = abs(z) if two else z
            if e > best:
                best, arg = e, (i, j)
    return mn_exact(arg[0], nx, arg[1], ny, d0, alternative)


# ---------------------------------------------------------------- McNemar exact

def mcnemar_case(x, y, alternative):
    k = x + y
    p = 1.0 if k == 0 else binomtest(x, k, 0.5, alternative=alternative).pvalue
    if alternative == "two-sided" and k > 0:
        sm = mcnemar([[0, x], [y, 0]], exact=True).pvalue
        assert abs(sm - p) <= 1e-12 * p, (x, y, sm, p)
    return {"test": "mcnemar_exact", "inputs": {"favour_x": x, "favour_y": y},
            "options": {"alternative": alternative}, "statistic": x, "pvalue": p}


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    alts = ["greater", "less"]

    # McNemar: edges (no discordant pair, all one way, balanced) and random tables
    for x, y in [(0, 0), (5, 0), (0, 5), (4, 0), (3, 3), (10, 2), (1, 12), (17, 9), (40, 25)]:
        for alt in ["greater", "less", "two-sided"]:
            cases.append(mcnemar_case(x, y, alt))

    # Tango: the scenario (30 pairs, baseline 0.2 vs treatment 0.1, margin 0.1), edges, random
    tango = [(0, 3, 30, -0.1), (0, 0, 30, -0.1), (0, 0, 10, -0.1), (2, 5, 10, -0.1), (10, 0, 10, -0.2),
             (0, 10, 10, 0.2), (3, 3, 20, 0.1), (6, 1, 25, -0.15), (12, 4, 40, 0.05), (1, 1, 5, -0.3),
             (4, 9, 60, -0.1), (0, 0, 100, -0.05), (20, 11, 100, -0.1)]
    for _ in range(8):
        n = int(rng.integers(6, 61))
        x = int(rng.integers(0, n // 2 + 1))
        y = int(rng.integers(0, n - x + 1) // 2)
        d0 = float(rng.choice([-0.2, -0.1, -0.05, 0.05, 0.1]))
        tango.append((x, y, n, d0))
    for x, y, n, d0 in tango:
        for alt in alts:
            cases.append(tango_case(x, y, n, d0, alt, "exact"))
    for x, y, n, d0 in [(2, 5, 10, -0.1), (30, 20, 250, -0.05), (7, 41, 500, 0.1), (0, 0, 150, -0.1)]:
        for alt in alts:
            cases.append(tango_case(x, y, n, d0, alt, "asymptotic"))
    for x, y, n in [(6, 1, 12), (0, 0, 8), (3, 3, 15)]:
        cases.append(tango_case(x, y, n, 0.0, "two-sided", "exact"))
    for n, d0, alt in [(3, -0.1, "greater"), (4, -0.1, "greater"), (5, -0.1, "less"), (6, 0.2, "less"),
                       (2, -0.3, "greater"), (30, -0.1, "greater")]:
        cases.append({"test": "tango_smallest_pvalue", "inputs": {"n": n},
                      "options": {"null_difference": d0, "alternative": alt}, "pvalue": tango_smallest(n, d0, alt)})

    # Miettinen-Nurminen: margin 0 (Barnard's test: checked against SciPy), margins, random, asymptotic
    for x, nx, y, ny in [(7, 15, 12, 15), (3, 10, 0, 10), (0, 10, 0, 10), (10, 10, 10, 10), (5, 12, 2, 9),
                         (1, 4, 3, 4), (22, 30, 14, 30)]:
        for alt in ["greater", "less", "two-sided"]:
            cases.append(mn_case(x, nx, y, ny, 0.0, alt, "exact"))
    mn = [(3, 10, 5, 12, -0.1), (7, 15, 12, 15, 0.05), (0, 10, 0, 10, -0.2), (10, 10, 10, 10, -0.1),
          (3, 30, 6, 30, -0.1), (27, 30, 29, 30, -0.1), (12, 20, 9, 25, 0.1), (0, 8, 1, 8, -0.25),
          (45, 60, 40, 50, -0.1), (60, 120, 50, 120, -0.05)]
    for _ in range(8):
        nx, ny = int(rng.integers(5, 41)), int(rng.integers(5, 41))
        x, y = int(rng.integers(0, nx + 1)), int(rng.integers(0, ny + 1))
        d0 = float(rng.choice([-0.2, -0.1, -0.05, 0.05, 0.1]))
        mn.append((x, nx, y, ny, d0))
    for x, nx, y, ny, d0 in mn:
        for alt in alts:
            cases.append(mn_case(x, nx, y, ny, d0, alt, "exact"))
    for x, nx, y, ny, d0 in [(3, 10, 5, 12, -0.1), (150, 300, 160, 280, -0.1), (500, 1000, 470, 900, 0.05),
                             (0, 400, 0, 400, -0.02)]:
        for alt in alts:
            cases.append(mn_case(x, nx, y, ny, d0, alt, "asymptotic"))
    for x, nx, y, ny in [(150, 300, 160, 280), (12, 250, 30, 260)]:
        cases.append(mn_case(x, nx, y, ny, 0.0, "two-sided", "asymptotic"))
    for nx, ny, d0, alt in [(2, 2, 0.0, "greater"), (3, 3, 0.0, "greater"), (3, 3, 0.0, "two-sided"),
                            (4, 3, -0.1, "greater"), (3, 4, 0.1, "less"), (10, 10, -0.1, "greater")]:
        cases.append({"test": "mn_smallest_pvalue", "inputs": {"n_x": nx, "n_y": ny},
                      "options": {"null_difference": d0, "alternative": alt},
                      "pvalue": mn_smallest(nx, ny, d0, alt)})

    out = {
        "generator": "make_binary_vectors.py: scipy %s, statsmodels %s, numpy %s"
                     % (scipy.__version__, statsmodels.__version__, np.__version__),
        "seed": SEED,
        "tolerance": {"relative": 1e-09, "zero_absolute": 1e-12, "underflow": 1e-300,
                      "rule": "expected == 0: |actual| <= zero_absolute; |expected| < underflow: "
                              "|actual| < underflow; otherwise |actual - expected| <= relative * |expected|"},
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "binary-vectors.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote %d cases to %s" % (len(cases), path))


if __name__ == "__main__":
    main()
