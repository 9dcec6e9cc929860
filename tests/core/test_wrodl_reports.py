"""What the Wrodl pages show, checked against oracles that share no code with gdl_core: counts
tallied from the CSV with the csv module, exact fractions, brute-force enumeration of all
4,032 faces with itertools, scikit-learn's CategoricalNB and the book's own numbers.
"""

from __future__ import annotations

import csv
import dataclasses
import itertools
import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
from sklearn.naive_bayes import CategoricalNB as SklearnCategoricalNB

from gdl_core import wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.wrodl.calculator import face_report
from gdl_core.wrodl.counting import counting_report, rarest_face
from gdl_core.wrodl.independence import naive_bayes_report, parameter_table
from gdl_core.wrodl.models import PSEUDOCOUNTS, novelty_by_alpha
from gdl_core.wrodl.samples import draw
from tests.plotly_specs import decoded, validated

NAMES = list(wrodl.FEATURES)
LEVELS = [len(values) for values in wrodl.FEATURES.values()]
with wrodl.CSV_PATH.open(newline="") as _file:
    ROWS = [tuple(row[name] for name in NAMES) for row in csv.DictReader(_file)]
SEEN = Counter(ROWS)  # n_j of every face that occurs
TALLY = [Counter(row[k] for row in ROWS) for k in range(len(NAMES))]  # n_kl
EVERY = list(itertools.product(*wrodl.FEATURES.values()))  # all 4,032 faces, last feature fastest
EXAMPLE = ["topType", "hairColor", "accessoriesType", "clothingType", "clothingColor"]
ALPHAS = [Fraction(0), Fraction(1, 100), Fraction(1, 2), Fraction(1), Fraction(10)]

# Table 1-2 of the book, counts n out of N = 50, in the book's order (BOOK_FACTS.md).
TABLE_1_2 = {
    "topType": [7, 0, 1, 23, 1, 11, 7],
    "hairColor": [7, 6, 2, 3, 8, 24],
    "clothingColor": [0, 4, 10, 5, 2, 4, 3, 22],
    "accessoriesType": [11, 22, 17],
    "clothingType": [7, 18, 19, 6],
}


def multinomial_theta(face: tuple[str, ...], alpha: Fraction) -> Fraction:
    """θ_j = (n_j + α) / (N + d α), d counted by enumeration."""
    return (SEEN[face] + alpha) / (len(ROWS) + len(EVERY) * alpha)


def nb_theta(k: int, value: str, alpha: Fraction) -> Fraction:
    """θ_kl = (n_kl + α) / (N + L_k α)."""
    return (TALLY[k][value] + alpha) / (len(ROWS) + LEVELS[k] * alpha)


def nb_prob(face: tuple[str, ...], alpha: Fraction) -> Fraction:
    return math.prod((nb_theta(k, v, alpha) for k, v in enumerate(face)), start=Fraction(1))






# --- the multinomial ----------------------------------------------------------------------


def test_counting_report_at_alpha_zero_gives_the_books_numbers():
    report = counting_report(0.0)
    assert (report.n_obs, report.d, report.n_params) == (50, 4032, 4031)
    assert report.combination_1 == pytest.approx(0.04)  # seen twice out of 50
    assert report.combination_2 == 0
    assert report.unseen_theta == report.unseen_mass == 0
    assert report.n_distinct == len(SEEN)
    assert report.n_unseen == 4032 - len(SEEN)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_counting_report_against_exact_fractions(alpha):
    report = counting_report(float(alpha))
    face_1 = tuple(wrodl.COMBINATION_1[name] for name in NAMES)
    face_2 = tuple(wrodl.COMBINATION_2[name] for name in NAMES)
    unseen = [face for face in EVERY if face not in SEEN]
    assert report.alpha == float(alpha)
    assert report.combination_1 == pytest.approx(float(multinomial_theta(face_1, alpha)))
    assert report.combination_2 == pytest.approx(float(multinomial_theta(face_2, alpha)))
    assert report.unseen_theta == pytest.approx(float(alpha / (50 + 4032 * alpha)))
    exact_mass = sum((multinomial_theta(face, alpha) for face in unseen), start=Fraction(0))
    assert report.unseen_mass == pytest.approx(float(exact_mass), rel=1e-12)
    # The sorted chart's floor is the θ̂ every unseen face shares (or the "0" band).
    (never,) = [t for t in validated(report.sorted_theta).data if t.name == "never seen"]
    (floor,) = {y for y in never.y if y is not None}
    if alpha:
        assert floor == pytest.approx(float(multinomial_theta(unseen[0], alpha)))
    # The novelty chart marks this α.
    notes = [a.text for a in validated(report.novelty).layout.annotations]
    assert notes == [f"α = {float(alpha):g} now"]


def test_the_novelty_chart_shows_the_multinomials_unseen_mass_at_every_stop():
    (bars,) = [t for t in validated(counting_report(1.0).novelty).data
               if t.name == "chance a sample is new"]
    exact = [float(sum((multinomial_theta(f, Fraction(a)) for f in EVERY if f not in SEEN),
                       start=Fraction(0)))
             for a in PSEUDOCOUNTS]
    np.testing.assert_allclose(decoded(bars.y), exact, rtol=1e-12, atol=1e-15)
    assert list(bars.x) == [f"{a:g}" for a in PSEUDOCOUNTS]


# --- Naive Bayes --------------------------------------------------------------------------


def test_naive_bayes_report_counts_23_parameters_as_the_book_does():
    report = naive_bayes_report(1.0)
    assert report.n_params == 23
    assert report.n_theta == sum(len(counts) for counts in TABLE_1_2.values()) == 28
    assert report.parameter_terms == "(7 − 1) + (6 − 1) + (8 − 1) + (3 − 1) + (4 − 1)"
    assert report.multinomial_n_params == 4031


@pytest.mark.parametrize("alpha", ALPHAS)
def test_naive_bayes_tables_are_table_1_2(alpha):
    report = naive_bayes_report(float(alpha))
    assert list(report.tables) == list(TABLE_1_2)
    for name, counts in TABLE_1_2.items():
        table = report.tables[name]
        k = NAMES.index(name)
        assert table[name].tolist() == [*wrodl.FEATURES[name], "total"]
        assert table["n"].tolist() == [*counts, 50]
        exact = [nb_theta(k, value, alpha) for value in wrodl.FEATURES[name]]
        printed = table["θ̂"].tolist()
        if alpha == 0:  # as the book prints them: n / 50 with two decimals, 2n hundredths
            assert printed == [f"0.{2 * n:02d}" for n in counts] + ["1.00"]
            continue
        assert printed[-1] == "1.0000"
        for text, value in zip(printed, exact, strict=False):
            if text == "< 0.0001":
                assert 0 < value < Fraction(1, 20000)
            else:
                assert len(text.split(".")[1]) == 4
                assert float(text) == pytest.approx(float(value), abs=5e-5)


@pytest.mark.parametrize("alpha", [0.01, 0.5, 1.0, 10.0])
def test_naive_bayes_bars_agree_with_scikit_learn(alpha):
    oracle = SklearnCategoricalNB(alpha=alpha, min_categories=LEVELS, force_alpha=True)
    codes = np.array([[wrodl.FEATURES[n].index(v) for n, v in zip(NAMES, row, strict=True)]
                      for row in ROWS])
    oracle.fit(codes, np.zeros(len(codes), dtype=int))
    bars = [t for t in validated(naive_bayes_report(alpha).bars).data if t.type == "bar"]
    for name, bar in zip(TABLE_1_2, bars, strict=True):
        expected = np.exp(oracle.feature_log_prob_[NAMES.index(name)][0])
        np.testing.assert_allclose(decoded(bar.x), expected, rtol=1e-12)


@pytest.mark.parametrize("alpha", ALPHAS)
def test_chance_new_sums_over_the_distinct_training_faces(alpha):
    exact = 1 - sum((nb_prob(face, alpha) for face in SEEN), start=Fraction(0))
    assert naive_bayes_report(float(alpha)).chance_new == pytest.approx(float(exact), abs=1e-12)


@pytest.mark.parametrize("alpha", [Fraction(0), Fraction(1)])
def test_the_comparison_chart_holds_every_face_by_enumeration(alpha):
    fig = validated(naive_bayes_report(float(alpha)).comparison)
    (dots,) = [t for t in fig.data if t.name == "Naive Bayes p(x): one dot per combination"]
    exact = np.array([float(nb_prob(face, alpha)) for face in EVERY])
    drawn = decoded(dots.y)
    zero_y = fig.layout.yaxis.tickvals[0] if alpha == 0 else None
    np.testing.assert_allclose(np.where(exact > 0, drawn, 0), exact, rtol=1e-12)
    if alpha == 0:  # the faces with p(x) = 0 sit on the "0" band
        assert np.all(drawn[exact == 0] == zero_y) and (exact == 0).sum() == 1008
    assert exact.sum() == pytest.approx(1.0)
    hover = list(dots.hovertext)
    assert hover[EVERY.index(("Round", "White", "ShirtScoopNeck", "Red", "LongHairStraight"))] \
        .startswith("LongHairStraight, Red, Round, ShirtScoopNeck, White<br>")


def test_parameter_table_ends_with_a_total_row():
    model = CategoricalNB(1.0).fit(wrodl.training_codes(), wrodl.N_VALUES)
    table = parameter_table(model, wrodl.FEATURES, "hairColor")
    assert table.columns.tolist() == ["hairColor", "n", "θ̂"]
    assert table.iloc[-1].tolist() == ["total", 50, "1.0000"]
    # (7 + 1) / (50 + 6): four decimals once a pseudocount makes θ̂ inexact.
    assert table["θ̂"].tolist()[0] == "0.1429"
    assert table["n"].tolist()[:-1] == TABLE_1_2["hairColor"]


# --- one face under both models -----------------------------------------------------------


def test_the_calculator_writes_out_the_worked_example():
    report = face_report(0.0, wrodl.COMBINATION_1)
    score = report.score
    assert score.product == "0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054"
    assert score.naive_bayes == pytest.approx(23 * 8 * 22 * 19 * 22 / 50**5)
    assert score.value_counts == (23, 8, 22, 19, 22)
    assert score.times_seen == 2 and score.multinomial == pytest.approx(0.04)
    table = report.comparison
    # Four short columns, so the table fits a phone without scrolling sideways.
    assert table.columns.tolist() == [
        "face", "times in the data", "Naive Bayes p(x)", "multinomial θ̂"
    ]
    assert table["face"].tolist() == ["combination 1", "combination 2", "your face"]
    assert table["Naive Bayes p(x)"].tolist()[1] == "0.46 × 0.16 × 0.44 × 0.38 × 0.08 = 0.00098"
    assert table["times in the data"].tolist() == [2, 0, 2]
    assert table["multinomial θ̂"].tolist() == ["0.04", "0", "0.04"]


def test_the_worked_example_prints_each_factor_with_two_decimals():
    """Gray01 clothing is 10 of 50: the book writes 0.20, not 0.2."""
    face = {**wrodl.COMBINATION_1, "clothingColor": "Gray01"}
    score = face_report(0.0, face).score
    assert score.product == "0.46 × 0.16 × 0.44 × 0.38 × 0.20 = 0.0025"
    # With a pseudocount the factors are not exact at two decimals: three digits.
    assert face_report(1.0, face).score.product.startswith("0.421 × 0.161 × 0.434 × ")


@pytest.mark.parametrize("alpha", [Fraction(0), Fraction(1, 10), Fraction(1)])
def test_any_face_scores_as_exact_fractions_say(alpha):
    rng = np.random.default_rng(11)
    faces = [EVERY[i] for i in rng.choice(len(EVERY), 12, replace=False)] + list(SEEN)[:4]
    for face in faces:
        chosen = dict(zip(NAMES, face, strict=True))
        score = face_report(float(alpha), chosen).score
        ks = [NAMES.index(name) for name in EXAMPLE]
        assert score.factors == pytest.approx([float(nb_theta(k, face[k], alpha)) for k in ks])
        assert score.value_counts == tuple(TALLY[k][face[k]] for k in ks)
        assert score.naive_bayes == pytest.approx(float(nb_prob(face, alpha)), rel=1e-12)
        assert score.times_seen == SEEN[face]
        assert score.multinomial == pytest.approx(float(multinomial_theta(face, alpha)))


# --- samples ------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [CategoricalNB, JointMultinomial])
def test_samples_are_judged_against_the_first_identical_face(model):
    samples = draw(model, 0.5, 300, seed=3)
    first = {}
    for i, row in enumerate(ROWS):
        first.setdefault(row, i)
    faces = [tuple(wrodl.FEATURES[n][c] for n, c in zip(NAMES, row, strict=True))
             for row in samples.codes.tolist()]
    assert list(samples.faces) == faces
    assert samples.copy_of.tolist() == [first.get(face, -1) for face in faces]
    assert list(samples.verdicts) == [
        "new" if face not in first else f"copy of #{first[face]}" for face in faces
    ]
    assert samples.n_new == sum(face not in first for face in faces)
    assert 0 < samples.n_new < 300
    table = samples.table
    assert table.columns.tolist() == ["sample", *EXAMPLE, "copy or new"]
    assert table["sample"].tolist() == list(range(1, 301))
    assert table["clothingColor"].tolist() == [face[NAMES.index("clothingColor")] for face in faces]


def test_samples_are_reproducible_and_read_only():
    once, again = draw(CategoricalNB, 1.0, 10, seed=7), draw(CategoricalNB, 1.0, 10, seed=7)
    assert once.faces == again.faces
    assert draw(CategoricalNB, 1.0, 10, seed=8).faces != once.faces
    with pytest.raises(ValueError):
        once.codes[0, 0] = 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        once.codes = None


def test_without_a_pseudocount_the_multinomial_only_copies():
    samples = draw(JointMultinomial, 0.0, 200, seed=1)
    assert samples.n_new == 0
    assert set(samples.faces) <= set(SEEN)


# --- how often each model invents ---------------------------------------------------------


@pytest.mark.parametrize("model", [CategoricalNB, JointMultinomial])
def test_novelty_by_alpha_against_exact_fractions_and_sampling(model):
    curve = novelty_by_alpha(model)
    assert curve.alphas == PSEUDOCOUNTS and curve.n == 1000
    if model is CategoricalNB:
        chance_copy = [sum((nb_prob(f, Fraction(a)) for f in SEEN), start=Fraction(0))
                       for a in PSEUDOCOUNTS]
    else:
        chance_copy = [sum((multinomial_theta(f, Fraction(a)) for f in SEEN), start=Fraction(0))
                       for a in PSEUDOCOUNTS]
    expected = np.array([1 - float(c) for c in chance_copy])
    np.testing.assert_allclose(curve.expected, expected, atol=1e-12)
    # 1,000 draws: within 4.5 binomial standard deviations of the exact chance.
    spread = 4.5 * np.sqrt(expected * (1 - expected) / 1000) + 1e-9
    assert np.all(np.abs(curve.observed - expected) <= spread)
    assert novelty_by_alpha(model) is curve  # computed once


@pytest.mark.parametrize("alpha", PSEUDOCOUNTS)
def test_every_probability_stays_on_the_charts_at_every_stop(alpha):
    """The axes keep still while α moves, and never cut a face off: at α = 0.001 the unseen
    floor is 1/54,032 and Naive Bayes goes down to about 4 × 10⁻¹³."""
    def inside(fig, values):
        low, high = fig.layout.yaxis.range  # log axis: the range is in decades
        values = np.asarray([v for v in values if v is not None and v > 0], dtype=float)
        return bool(np.all((np.log10(values) >= low) & (np.log10(values) <= high)))

    sorted_theta = validated(counting_report(alpha).sorted_theta)
    for name in ("seen in the data", "never seen"):
        (steps,) = [t for t in sorted_theta.data if t.name == name]
        assert inside(sorted_theta, steps.y), (name, sorted_theta.layout.yaxis.range)
    comparison = validated(naive_bayes_report(alpha).comparison)
    (dots,) = [t for t in comparison.data if (t.name or "").startswith("Naive Bayes p(x)")]
    assert inside(comparison, decoded(dots.y))
    if alpha:  # the same axis at every α > 0 (α = 0 adds a band for exact zeros)
        same = validated(counting_report(1.0).sorted_theta).layout.yaxis.range
        assert tuple(sorted_theta.layout.yaxis.range) == tuple(same)


def test_the_rarest_face_is_each_features_least_common_value():
    faces = wrodl.load()
    expected = {
        feature: min(values, key=lambda v: (list(faces[feature]).count(v), values.index(v)))
        for feature, values in wrodl.FEATURES.items()
    }
    assert rarest_face() == expected


@pytest.mark.parametrize("alpha", [Fraction(1, 10), Fraction(1)])
def test_smoothing_puts_a_near_copy_and_an_odd_face_on_one_floor(alpha):
    report = counting_report(float(alpha))
    floor = alpha / (50 + 4032 * alpha)  # exact: neither face occurs in the data
    assert report.rarest == pytest.approx(float(floor), rel=1e-12)
    assert report.combination_2 == pytest.approx(float(floor), rel=1e-12)
    # Naive Bayes tells them apart, by orders of magnitude.
    assert report.naive_bayes_combination_2 > 100 * report.naive_bayes_rarest > 0
