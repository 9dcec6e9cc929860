"""Numbers written for people: checked against hand-written strings and Decimal arithmetic."""

from __future__ import annotations

import math
from decimal import Decimal, getcontext

import pytest

from gdl_core.numbers import (
    format_likelihood,
    format_number,
    format_prob,
    format_product,
    mantissa_exponent,
    power_of_ten,
    scientific,
    scientific_from_log10,
    superscript,
)


@pytest.mark.parametrize(
    "text",
    [format_number(-3.5), scientific(-4.2e-7), scientific_from_log10(-237.37),
     power_of_ten(-5), format_number(-math.inf)],
)
def test_negative_numbers_are_written_with_the_minus_sign_u2212(text):
    assert "-" not in text
    assert "\u2212" in text or "⁻" in text


def test_superscript_and_power_of_ten():
    assert superscript(-238) == "⁻²³⁸"
    assert superscript(0) == "⁰"
    assert superscript(1234567890) == "¹²³⁴⁵⁶⁷⁸⁹⁰"
    assert power_of_ten(-5) == "10⁻⁵"
    assert power_of_ten(12) == "10¹²"


# --------------------------------------------------------------------------- format_number


def test_format_number_uses_a_real_minus_sign_and_separators():
    assert format_number(-54321.234) == "\u221254,321.23"
    assert format_number(64800, 0) == "64,800"
    assert format_number(0.5) == "0.50"
    assert format_number(-0.724, 3) == "\u22120.724"
    assert "-" not in format_number(-1.0)


@pytest.mark.parametrize("value", [-0.0001, -0.001, -0.004999, -0.0, 0.0, 0.0001])
def test_format_number_never_writes_minus_zero(value):
    assert format_number(value) == "0.00"


def test_format_number_special_values():
    assert format_number(-math.inf) == "\u2212∞"
    assert format_number(math.inf) == "∞"
    assert format_number(math.nan) == "—"


# --------------------------------------------------------------------------- scientific


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (4.3e-238, 2, "4.3 × 10⁻²³⁸"),
        (0.0, 2, "0"),
        (3.14e-7, 3, "3.14 × 10⁻⁷"),
        (1e-5, 2, "1.0 × 10⁻⁵"),
        (2.5e12, 2, "2.5 × 10¹²"),
        (-2.5e12, 2, "\u22122.5 × 10¹²"),
        (9.96e-5, 2, "1.0 × 10⁻⁴"),  # rounding carries into the exponent
        (1.7976931348623157e308, 3, "1.80 × 10³⁰⁸"),
        (5e-324, 1, "5 × 10⁻³²⁴"),  # the smallest float
    ],
)
def test_scientific(value, digits, text):
    assert scientific(value, digits) == text


def test_scientific_trim_drops_trailing_zeros_only():
    assert scientific(3.1e-7, 3, trim=True) == "3.1 × 10⁻⁷"
    assert scientific(5e-5, 3, trim=True) == "5 × 10⁻⁵"
    assert scientific(1.05e-9, 3, trim=True) == "1.05 × 10⁻⁹"
    assert scientific(5e-5, 3) == "5.00 × 10⁻⁵"


def test_scientific_special_values():
    assert scientific(-math.inf) == "\u2212∞"
    assert scientific(math.nan) == "—"


# --------------------------------------------------------------------------- from a logarithm


def _by_decimal(log10: float, digits: int) -> tuple[float, int]:
    """Mantissa and exponent of 10**log10, by 50-digit Decimal arithmetic."""
    getcontext().prec = 50
    value = Decimal(10) ** Decimal(log10)
    exponent = value.adjusted()
    mantissa = float(round(value.scaleb(-exponent), digits - 1))
    if mantissa >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return mantissa, exponent


@pytest.mark.parametrize("log10", [-237.3665, -90.0004, -5000.25, -0.5, 0.0, 2.999, 307.9, 1e4])
@pytest.mark.parametrize("digits", [1, 2, 3])
def test_mantissa_exponent_matches_high_precision_arithmetic(log10, digits):
    mantissa, exponent = mantissa_exponent(log10, digits)
    expected_mantissa, expected_exponent = _by_decimal(log10, digits)
    assert exponent == expected_exponent
    assert mantissa == pytest.approx(expected_mantissa, abs=1e-9)
    assert 1 <= mantissa < 10


def test_scientific_from_log10_reaches_beyond_floats():
    assert scientific_from_log10(math.log10(4.3e-238)) == "4.3 × 10⁻²³⁸"
    assert scientific_from_log10(-5000.25) == "5.6 × 10⁻⁵⁰⁰¹"  # 10^0.75 = 5.62
    assert scientific_from_log10(math.log10(9.996) - 91) == "1.0 × 10⁻⁹⁰"
    assert scientific_from_log10(400.0, 3) == "1.00 × 10⁴⁰⁰"


@pytest.mark.parametrize("value", [4.3e-238, 1.234e-50, 6.02e23, 0.5, 7.0])
def test_both_routes_agree_inside_the_float_range(value):
    assert scientific_from_log10(math.log10(value)) == scientific(value)


# --------------------------------------------------------------------------- a likelihood from ℓ


def _exp_by_decimal(log_l: float, digits: int = 2) -> tuple[float, int]:
    """Mantissa and exponent of exp(log_l), by 50-digit Decimal arithmetic."""
    getcontext().prec = 50
    value = Decimal(log_l).exp()
    exponent = value.adjusted()
    mantissa = float(round(value.scaleb(-exponent), digits - 1))
    if mantissa >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return mantissa, exponent


@pytest.mark.parametrize("log_l", [-207.3, -553.95, -1234.5, -54321.0, 800.0, -13.0, 9.5])
def test_format_likelihood_matches_high_precision_arithmetic(log_l):
    mantissa, exponent = _exp_by_decimal(log_l)
    superscript = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    assert format_likelihood(log_l) == f"{mantissa:.1f} × 10{superscript}"


def test_format_likelihood_special_cases():
    assert format_likelihood(-math.inf) == "0"
    assert format_likelihood(math.log(0.5)) == "0.50"
    assert format_likelihood(math.log(250.0)) == "250"
    assert format_likelihood(math.nan) == "—"
    # 9.996 × 10⁻⁹¹ rounds to 10.0 × 10⁻⁹¹, which must carry to 1.0 × 10⁻⁹⁰.
    assert format_likelihood(math.log(9.996) - 91 * math.log(10)) == "1.0 × 10⁻⁹⁰"


# --------------------------------------------------------------------------- probabilities


def test_format_prob_reads_like_the_book():
    assert format_prob(0) == "0"
    assert format_prob(2 / 50) == "0.04"
    assert format_prob(0.46) == "0.46"
    assert format_prob(1 / 4082) == "0.000245"
    assert format_prob(0.005414567, 4) == "0.005415"
    assert format_prob(3.14e-7) == "3.14 × 10⁻⁷"
    assert format_prob(5e-5) == "5 × 10⁻⁵"


def test_format_product_writes_out_the_worked_example():
    book = [0.46, 0.16, 0.44, 0.38, 0.44]
    assert format_product(book) == "0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054"
    blue = [0.46, 0.16, 0.44, 0.38, 0.08]
    assert format_product(blue) == "0.46 × 0.16 × 0.44 × 0.38 × 0.08 = 0.00098"
    assert format_product([0.5, 0.0]) == "0.5 × 0 = 0"
