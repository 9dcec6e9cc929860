"""Numbers and counts in words, the same way on both Planet Wrodl pages.

- :func:`times`: how often something occurs: "never", "once", "twice", "3 times".
- :func:`plural` (from :mod:`gdl_core.numbers`): a count and its noun: "1,008 combinations".
- :func:`percent`: a chance as a whole percentage that never rounds to a false 0% or 100%.
- :func:`theta_text` / :func:`theta_column`: an estimate θ̂ as the book prints it. At α = 0
  every θ̂ is n / 50, a multiple of 0.02, so two decimals are exact ("0.20", "0.00",
  "1.00", as in Table 1-2); smoothed values are not, and get more digits.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from gdl_core.numbers import format_prob, plural  # plural re-exported: the pages use it

__all__ = ["percent", "plural", "theta_column", "theta_text", "times"]

_TIMES = {0: "never", 1: "once", 2: "twice"}


def times(n: int) -> str:
    """How often, in words: 0 → "never", 1 → "once", 2 → "twice", 5 → "5 times"."""
    n = int(n)
    return _TIMES.get(n, f"{n:,} times")


def percent(p: float) -> str:
    """``p`` as a whole percentage: "7%", "89%"; "< 1%" and "> 99%" rather than "0%" or
    "100%" for a chance that is not exactly 0 or 1."""
    p = float(p)
    if 0 < p < 0.005:
        return "< 1%"
    if 0.995 <= p < 1:
        return "> 99%"
    return f"{p:.0%}"


def _two_decimals_exact(value: float) -> bool:
    return math.isclose(value * 100, round(value * 100), rel_tol=0, abs_tol=1e-9)


def theta_text(value: float, significant: int = 3) -> str:
    """One θ̂: with two decimals when that is exact ("0.20", "0.00"), otherwise with
    ``significant`` digits, trailing zeros kept so that neighbours read alike ("0.0175",
    "0.100" rather than "0.1"; "2 × 10⁻⁵" below 0.0001, as
    :func:`~gdl_core.numbers.format_prob` writes it)."""
    value = float(value)
    if _two_decimals_exact(value):
        return f"{value:.2f}"
    if value < 1e-4:
        return format_prob(value, significant)
    return f"{value:#.{significant}g}"


def theta_column(values: Iterable[float]) -> list[str]:
    """A column of θ̂ with one number of decimals: two when every value has at most two
    (θ̂ = n / 50 without a pseudocount: "0.20", "0.00", "1.00"), else four, with a value
    too small for four decimals written "< 0.0001" rather than a misleading "0.0000"."""
    values = [float(v) for v in values]
    if all(_two_decimals_exact(v) for v in values):
        return [f"{v:.2f}" for v in values]
    return ["< 0.0001" if 0 < v < 0.00005 else f"{v:.4f}" for v in values]
