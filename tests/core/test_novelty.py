"""Copy or new: checked against plain Python sets of tuples."""

import csv
import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from gdl_core import wrodl
from gdl_core.categorical import match_rows
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.novelty import copy_chance, is_copy, novelty_curve, sampled_novelty


@pytest.fixture(scope="module")
def training():
    return wrodl.encode(wrodl.load())


def test_match_rows_finds_the_first_identical_training_row(training):
    rng = np.random.default_rng(3)
    samples = np.concatenate([
        training[rng.integers(0, 50, 40)],
        np.floor(rng.random((200, 5)) * wrodl.N_VALUES).astype(np.int64),
    ])
    first = {}
    for i, row in enumerate(map(tuple, training.tolist())):
        first.setdefault(row, i)
    expected = [first.get(tuple(row), -1) for row in samples.tolist()]
    assert match_rows(samples, training).tolist() == expected
    assert is_copy(samples, training).tolist() == [e >= 0 for e in expected]


def test_a_face_seen_twice_points_at_its_first_occurrence(training):
    combination_1 = wrodl.encode(wrodl.COMBINATION_1)
    twins = [i for i, row in enumerate(training.tolist()) if row == combination_1[0].tolist()]
    assert len(twins) == 2
    assert match_rows(combination_1, training).tolist() == [twins[0]]
    assert match_rows(wrodl.encode(wrodl.COMBINATION_2), training).tolist() == [-1]


def test_empty_inputs_and_bad_shapes(training):
    assert match_rows(np.empty((0, 5), dtype=int), training).shape == (0,)
    assert match_rows(training[:3], np.empty((0, 5), dtype=int)).tolist() == [-1, -1, -1]
    with pytest.raises(ValueError, match="same number of features"):
        match_rows(training[:, :4], training)
    with pytest.raises(ValueError, match="whole numbers"):
        match_rows(training.astype(float), training)


@pytest.mark.parametrize("alpha", [0.0, 0.1, 1.0])
def test_copy_chance_of_the_multinomial_is_one_minus_its_unseen_mass(training, alpha):
    model = JointMultinomial(alpha).fit(training, wrodl.N_VALUES)
    assert copy_chance(model, training) == pytest.approx(1 - model.unseen_mass(), abs=1e-12)


def test_copy_chance_of_naive_bayes_sums_over_the_distinct_training_faces(training):
    """Oracle: p(face) = Π_k n_k(value) / 50 with the counts (Table 1-2) tallied from the CSV
    by hand, summed over the distinct faces, in exact fractions."""
    with wrodl.CSV_PATH.open(newline="") as file:
        rows = [tuple(row[f] for f in wrodl.FEATURES) for row in csv.DictReader(file)]
    tally = [Counter(row[k] for row in rows) for k in range(len(wrodl.FEATURES))]
    expected = sum(
        math.prod((Fraction(tally[k][value], len(rows)) for k, value in enumerate(face)),
                  start=Fraction(1))
        for face in set(rows)
    )
    model = CategoricalNB(0.0).fit(training, wrodl.N_VALUES)
    assert copy_chance(model, training) == pytest.approx(float(expected), rel=1e-12)


def test_novelty_curves_agree_with_sampling(training):
    alphas = [0.0, 0.1, 1.0]
    for model in (JointMultinomial, CategoricalNB):
        expected = novelty_curve(model, training, wrodl.N_VALUES, alphas)
        observed = sampled_novelty(model, training, wrodl.N_VALUES, alphas, 20_000, seed=1)
        np.testing.assert_allclose(observed, expected, atol=0.015)
    multinomial = novelty_curve(JointMultinomial, training, wrodl.N_VALUES, alphas)
    assert multinomial[0] == 0  # without a pseudocount the multinomial only copies
    assert np.all(np.diff(multinomial) > 0)


def test_sampled_novelty_is_reproducible(training):
    first = sampled_novelty(CategoricalNB, training, wrodl.N_VALUES, [0.0, 1.0], 100, seed=5)
    again = sampled_novelty(CategoricalNB, training, wrodl.N_VALUES, [0.0, 1.0], 100, seed=5)
    assert first.tolist() == again.tolist()
