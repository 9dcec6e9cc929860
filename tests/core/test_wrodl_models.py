"""Both models on the Wrodl data reproduce the chapter's numbers and sum to 1 over 4,032 faces."""

import itertools

import numpy as np
import pandas as pd
import pytest

from gdl_core import wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB

ALPHAS = [0.0, 0.1, 1.0, 4.0]


@pytest.fixture(scope="module")
def codes():
    return wrodl.encode(wrodl.load())


@pytest.fixture(scope="module")
def every_face():
    """All 4,032 faces by brute-force enumeration of the vocabulary (not all_combinations)."""
    faces = pd.DataFrame(itertools.product(*wrodl.FEATURES.values()), columns=list(wrodl.FEATURES))
    return wrodl.encode(faces)


def test_sample_space_and_parameter_counts(codes, every_face):
    assert len({tuple(row) for row in every_face.tolist()}) == 4032
    assert CategoricalNB().fit(codes, wrodl.N_VALUES).n_params_ == 23
    multinomial = JointMultinomial().fit(codes, wrodl.N_VALUES)
    assert multinomial.d_ == 4032
    assert multinomial.n_params_ == 4031


@pytest.mark.parametrize("alpha", ALPHAS)
def test_both_models_sum_to_one_over_every_face(codes, every_face, alpha):
    nb = CategoricalNB(alpha).fit(codes, wrodl.N_VALUES)
    multinomial = JointMultinomial(alpha).fit(codes, wrodl.N_VALUES)
    assert np.exp(nb.log_prob(every_face)).sum() == pytest.approx(1.0, abs=1e-12)
    assert multinomial.prob(every_face).sum() == pytest.approx(1.0, abs=1e-12)


def test_worked_example_at_alpha_zero(codes):
    nb = CategoricalNB().fit(codes, wrodl.N_VALUES)
    combination_1 = wrodl.encode(wrodl.COMBINATION_1)
    combination_2 = wrodl.encode(wrodl.COMBINATION_2)
    # The book: 0.46 × 0.16 × 0.44 × 0.38 × 0.44 and, with Blue01 clothing, × 0.08 instead.
    assert round(float(nb.prob(combination_1)[0]), 4) == 0.0054
    assert nb.prob(combination_1)[0] == pytest.approx(0.46 * 0.16 * 0.44 * 0.38 * 0.44)
    assert nb.prob(combination_2)[0] == pytest.approx(0.46 * 0.16 * 0.44 * 0.38 * 0.08)
    multinomial = JointMultinomial().fit(codes, wrodl.N_VALUES)
    assert multinomial.prob(combination_1)[0] == pytest.approx(2 / 50)
    assert multinomial.prob(combination_2)[0] == 0


def test_laplace_smoothing_gives_every_unseen_face_the_same_value(codes, every_face):
    multinomial = JointMultinomial(alpha=1).fit(codes, wrodl.N_VALUES)
    seen = {tuple(row) for row in codes.tolist()}
    unseen = np.array([row for row in every_face.tolist() if tuple(row) not in seen])
    np.testing.assert_allclose(multinomial.prob(unseen), 1 / (50 + 4032))
    assert multinomial.prob(wrodl.encode(wrodl.COMBINATION_1))[0] == pytest.approx(3 / 4082)


def test_smoothing_makes_never_seen_values_possible(codes):
    bun = wrodl.FEATURES["topType"].index("LongHairBun")
    top = list(wrodl.FEATURES).index("topType")
    assert CategoricalNB(0).fit(codes, wrodl.N_VALUES).theta_[top, bun] == 0
    assert CategoricalNB(1).fit(codes, wrodl.N_VALUES).theta_[top, bun] == pytest.approx(1 / 57)
