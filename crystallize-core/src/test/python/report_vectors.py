#!/usr/bin/env python3
"""Reference values for the report's summary statistics, from NumPy and SciPy.

Writes ../resources/io/crystallize/report/summary-vectors.json: for each sample, the mean, the
standard deviation (ddof=1), the quartiles by linear interpolation (NumPy's default), Tukey's
whiskers (the furthest values within 1.5 IQR of the quartiles) and the two-sided 95% t interval
of the mean. Run: python3 crystallize-core/src/test/python/report_vectors.py
"""
import json
import math
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261204)
samples = {
    "two values": [3.0, 5.0],
    "normal n=7": rng.normal(10, 2, 7).tolist(),
    "with ties": [1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0, 9.0, 9.0, 40.0],
    "outliers n=50": (rng.normal(0, 1, 48).tolist() + [12.5, -9.75]),
    "skewed n=1000": rng.exponential(3.0, 1000).tolist(),
    "large values": (1e9 + rng.normal(0, 5, 30)).tolist(),
}

cases = []
for name, values in samples.items():
    x = np.asarray(values)
    q1, median, q3 = np.quantile(x, [0.25, 0.5, 0.75])
    iqr = q3 - q1
    low = x[x >= q1 - 1.5 * iqr].min()
    high = x[x <= q3 + 1.5 * iqr].max()
    n = len(x)
    mean = x.mean()
    ci = stats.t.interval(0.95, n - 1, loc=mean, scale=stats.sem(x))
    cases.append({
        "name": name, "values": values, "n": n, "mean": mean, "sd": x.std(ddof=1),
        "min": x.min(), "q1": q1, "median": median, "q3": q3, "max": x.max(),
        "whisker_low": low, "whisker_high": high, "ci_low": ci[0], "ci_high": ci[1],
    })

out = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "crystallize", "report", "summary-vectors.json")
with open(out, "w") as f:
    json.dump({"generator": "numpy %s, scipy %s" % (np.__version__, __import__("scipy").__version__),
               "cases": [{k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in c.items()}
                         for c in cases]}, f, indent=1)
    f.write("\n")
print("wrote", os.path.normpath(out))
