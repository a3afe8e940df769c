"""Statistics shared by the SimPy peer models: the mean over replications with its 95% Student-t
interval, and Erlang C for the M/M/c queue. Standard library only (no SciPy on /usr/bin/python3).
"""

import math

Z_975 = 1.959963984540054  # the standard normal's 0.975 quantile


def t_quantile_975(df):
    """Student's t 0.975 quantile for df degrees of freedom, by the Cornish-Fisher expansion of t in
    powers of 1/df (Abramowitz and Stegun 1964, 26.7.5); within 3e-4 of the exact value for df >= 5
    and 1e-5 for df >= 10.
    """
    if df < 1:
        return math.inf
    z = Z_975
    z3, z5, z7, z9 = z ** 3, z ** 5, z ** 7, z ** 9
    g1 = (z3 + z) / 4.0
    g2 = (5.0 * z5 + 16.0 * z3 + 3.0 * z) / 96.0
    g3 = (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / 384.0
    g4 = (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / 92160.0
    return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4


def mean_with_ci(values):
    """Mean of `values` with its 95% Student-t interval: {"mean", "ci_low", "ci_high", "n"}."""
    n = len(values)
    if n == 0:
        return {"mean": None, "ci_low": None, "ci_high": None, "n": 0}
    mean = math.fsum(values) / n
    if n == 1:
        return {"mean": mean, "ci_low": None, "ci_high": None, "n": 1}
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    half = t_quantile_975(n - 1) * sd / math.sqrt(n)
    return {"mean": mean, "ci_low": mean - half, "ci_high": mean + half, "n": n}


def erlang_c(servers, offered_load):
    """Erlang's C formula: the probability that an arrival waits in an M/M/c queue with c servers
    and offered load A = lambda / mu < c (Erlang 1917; Gross and Harris, Fundamentals of Queueing
    Theory, section 2.3): C(c, A) = [A^c/c! c/(c - A)] / [sum_{k<c} A^k/k! + A^c/c! c/(c - A)].
    """
    term = 1.0  # A^k / k!
    below = 0.0
    for k in range(servers):
        below += term
        term *= offered_load / (k + 1)
    top = term * servers / (servers - offered_load)
    return top / (below + top)


def inside(estimate, value):
    """Whether `value` lies in the estimate's interval."""
    return estimate["ci_low"] is not None and estimate["ci_low"] <= value <= estimate["ci_high"]
