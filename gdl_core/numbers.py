"""Numbers written for people: scientific notation with superscripts, and a true minus sign.

- :func:`format_number`: ``−54,321.23``: thousands separators, the minus sign U+2212 (never
  a hyphen), no ``−0.00``, ``−∞`` and ``∞`` as such.
- :func:`scientific`: ``4.3 × 10⁻²³⁸`` for a float.
- :func:`scientific_from_log10`: the same from a value's base-10 logarithm, for numbers far
  beyond what a float holds (a likelihood of 10⁻⁵⁰⁰⁰ is routine).
- :func:`format_likelihood`: a likelihood from its logarithm, however far below a float.
- :func:`format_prob` / :func:`format_product`: probabilities as people read them.
- :func:`mantissa_exponent`, :func:`power_of_ten`, :func:`superscript`: the pieces.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "MINUS",
    "format_likelihood",
    "format_number",
    "format_prob",
    "format_product",
    "mantissa_exponent",
    "plural",
    "power_of_ten",
    "scientific",
    "scientific_from_log10",
    "superscript",
]

#: The minus sign (U+2212): as wide as a plus sign, unlike the hyphen ``-``.
MINUS = "\u2212"
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(exponent: int) -> str:
    """An integer in superscript digits: ``-238`` → ``"⁻²³⁸"``."""
    return str(int(exponent)).translate(_SUPERSCRIPT)


def power_of_ten(exponent: int) -> str:
    """``10`` raised to ``exponent``, written out: ``-5`` → ``"10⁻⁵"``."""
    return f"10{superscript(exponent)}"


def format_number(value: float, decimals: int = 2) -> str:
    """``value`` with ``decimals`` decimals, thousands separators and a true minus sign.

    A value that rounds to zero loses its sign (``-0.0001`` → ``"0.00"``, never
    ``"−0.00"``); infinities are ``"∞"`` / ``"−∞"`` and NaN is ``"—"``.
    """
    value = float(value)
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return f"{MINUS}∞" if value < 0 else "∞"
    text = f"{value:,.{decimals}f}"
    if float(text.replace(",", "")) == 0:
        text = text.lstrip("-")
    return text.replace("-", MINUS)


def mantissa_exponent(log10: float, digits: int = 2) -> tuple[float, int]:
    """Mantissa (1 ≤ m < 10, rounded to ``digits`` significant digits) and exponent of the
    number whose base-10 logarithm is ``log10``.

    Rounding may carry: 9.96 × 10⁻⁹¹ to two digits is (1.0, −90), not (10.0, −91).
    """
    exponent = math.floor(log10)
    mantissa = round(10.0 ** (log10 - exponent), digits - 1)
    if mantissa >= 10.0:
        mantissa, exponent = mantissa / 10.0, exponent + 1
    return mantissa, exponent


def scientific_from_log10(log10: float, digits: int = 2) -> str:
    """``"m × 10ⁿ"`` for the positive number whose base-10 logarithm is ``log10``, with
    ``digits`` significant digits: ``-237.37`` → ``"4.3 × 10⁻²³⁸"``."""
    mantissa, exponent = mantissa_exponent(log10, digits)
    return f"{mantissa:.{digits - 1}f} × {power_of_ten(exponent)}"


def scientific(value: float, digits: int = 2, *, trim: bool = False) -> str:
    """``value`` as ``"m × 10ⁿ"`` with ``digits`` significant digits: ``4.3e-238`` →
    ``"4.3 × 10⁻²³⁸"``; ``0`` → ``"0"``; negative values get a true minus sign.

    With ``trim`` the mantissa drops trailing zeros (``"3.1 × 10⁻⁷"`` rather than
    ``"3.10 × 10⁻⁷"`` at three digits). Infinities and NaN are written as by
    :func:`format_number`.
    """
    value = float(value)
    if value == 0:
        return "0"
    if not math.isfinite(value):
        return format_number(value)
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    if trim and "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa.replace('-', MINUS)} × {power_of_ten(int(exponent))}"


def format_likelihood(log_likelihood: float, digits: int = 2) -> str:
    """The likelihood ``L = exp(ℓ)`` written from ``ℓ``, e.g. ``"1.2 × 10⁻⁹⁰"``.

    ``L`` itself is often far below the smallest float (about 1e-308) or above the largest,
    but ``log10 L = ℓ / ln 10`` splits exactly into an exponent and a mantissa. ``ℓ = −∞``
    gives ``"0"``. Values between 0.001 and 1000 are written plainly.
    """
    if math.isnan(log_likelihood):
        return "—"
    if log_likelihood == -math.inf:
        return "0"
    if log_likelihood == math.inf:
        return "∞"
    log10 = log_likelihood / math.log(10.0)
    _, exponent = mantissa_exponent(log10, digits)
    if -3 <= exponent <= 2:
        return format_number(10.0**log10, max(digits - 1 - exponent, 0))
    return scientific_from_log10(log10, digits)


def format_prob(p: float, significant: int = 3) -> str:
    """A probability with ``significant`` digits: "0", "0.04", "0.000245", "3.1 × 10⁻⁷"."""
    p = float(p)
    if p == 0:
        return "0"
    if not math.isfinite(p):
        return str(p)
    if abs(p) >= 1e-4:
        return f"{p:.{significant}g}"
    return scientific(p, significant, trim=True)


def format_product(factors: Sequence[float], total: float | None = None) -> str:
    """The product written out: "0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054".

    Factors get three significant digits (two decimals for the book's n/50 values) and the
    result two, as the book writes it. ``total`` defaults to the product of ``factors``.
    """
    if total is None:
        total = math.prod(float(f) for f in factors)
    terms = " × ".join(format_prob(f) for f in factors)
    return f"{terms} = {format_prob(total, significant=2)}"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``n`` and ``noun``, the noun in the plural (``many``, else ``noun + "s"``) unless
    ``n`` is 1: "1 combination", "0 combinations", "4,032 combinations"."""
    n = int(n)
    return f"{n:,} {noun if n == 1 else (many or noun + 's')}"
