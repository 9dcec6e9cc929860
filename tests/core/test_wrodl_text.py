"""Counts and estimates in words, as both Planet Wrodl pages write them."""

from fractions import Fraction

import pytest

from gdl_core.wrodl.text import percent, plural, theta_column, theta_text, times


@pytest.mark.parametrize(
    ("n", "words"), [(0, "never"), (1, "once"), (2, "twice"), (3, "3 times"), (1200, "1,200 times")]
)
def test_times(n, words):
    assert times(n) == words


def test_plural_agrees_with_the_count():
    assert plural(1, "combination") == "1 combination"
    assert plural(0, "combination") == "0 combinations"
    assert plural(1008, "face") == "1,008 faces"
    assert plural(2, "box", "boxes") == "2 boxes"


def test_table_1_2_prints_two_decimals_without_a_pseudocount():
    """Gray01 10/50, PastelGreen 5/50, Black 0/50 and the total: the book's 0.20, 0.10, 0.00,
    1.00 (not 0.2, 0.1, 0, 1)."""
    values = [Fraction(n, 50) for n in (10, 5, 0, 50)]
    assert theta_column(float(v) for v in values) == ["0.20", "0.10", "0.00", "1.00"]
    assert [theta_text(float(v)) for v in values] == ["0.20", "0.10", "0.00", "1.00"]


def test_smoothed_estimates_get_four_decimals_and_never_a_false_zero():
    # α = 0.001, L = 7: an unseen value has θ̂ = 0.001 / 50.007 ≈ 0.00002, not 0.0000.
    unseen = Fraction(1, 1000) / (50 + Fraction(7, 1000))
    seen = (23 + Fraction(1, 1000)) / (50 + Fraction(7, 1000))
    assert theta_column([float(seen), float(unseen), 1.0]) == ["0.4600", "< 0.0001", "1.0000"]
    assert theta_text(float(Fraction(24, 57))) == "0.421"
    assert theta_text(float(unseen), 2) == "2 × 10⁻⁵"
    # PastelGreen at α = 1: 6 / 58 = 0.1034…, written 0.10 next to 0.086, not 0.1.
    assert theta_text(6 / 58, 2) == "0.10" and theta_text(5 / 58, 2) == "0.086"


def test_percent_never_rounds_to_a_false_certainty():
    assert [percent(p) for p in (0, 0.001, 0.0737, 0.894, 0.996, 1)] == [
        "0%", "< 1%", "7%", "89%", "> 99%", "100%"
    ]
