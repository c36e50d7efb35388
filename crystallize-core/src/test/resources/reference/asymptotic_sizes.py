#!/usr/bin/python3
"""Exact size of the normal approximations of Tango's paired score test and the Miettinen-Nurminen
score test for non-inferiority (alpha 0.05 one-sided, margin 0.1 unless given): the rejection
probability at the margin, maximised over the nuisance rate on a grid, by enumerating every outcome.
Why the tests of 0/1 metrics use exact unconditional p-values at small n:

    /usr/bin/python3 asymptotic_sizes.py

Statistics as in make_binary_vectors.py (imported from it).
"""
import numpy as np
from scipy.special import gammaln
from scipy.stats import binom, norm

from make_binary_vectors import mn_z, tango_z

ALPHA = 0.05


def tango_size(n, d0, points=300):
    cells = [(i, j) for i in range(n + 1) for j in range(n + 1 - i)]
    x = np.array([c[0] for c in cells], float)
    y = np.array([c[1] for c in cells], float)
    reject = np.array([norm.sf(tango_z(int(i), int(j), n, d0)) < ALPHA for i, j in cells])
    logc = gammaln(n + 1) - gammaln(x + 1) - gammaln(y + 1) - gammaln(n - x - y + 1)
    worst = (0.0, 0.0)
    for q in np.linspace(max(0, -d0) + 1e-9, (1 - d0) / 2 - 1e-9, points):
        lp = logc + x * np.log(q + d0) + y * np.log(q) + (n - x - y) * np.log(1 - 2 * q - d0)
        worst = max(worst, (float(np.exp(lp[reject]).sum()), round(float(q), 3)))
    return worst


def mn_size(n, d0, points=300):
    k = np.arange(n + 1)
    reject = np.array([[norm.sf(mn_z(i, n, j, n, d0)) < ALPHA for j in k] for i in k])
    worst = (0.0, 0.0)
    for py in np.linspace(max(0, -d0), min(1, 1 - d0), points):
        p = np.outer(binom.pmf(k, n, py + d0), binom.pmf(k, n, py))
        worst = max(worst, (float(p[reject].sum()), round(float(py), 3)))
    return worst


if __name__ == "__main__":
    for n in (10, 30, 100, 200):
        print("Tango, %3d pairs, margin 0.1: size %.4f at q = %s" % ((n,) + tango_size(n, -0.1)))
    for n in (10, 30, 100, 200):
        print("Miettinen-Nurminen, %3d per side, margin 0.1: size %.4f at p_y = %s" % ((n,) + mn_size(n, -0.1)))
