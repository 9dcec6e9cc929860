"""CategoricalNB against scikit-learn, brute-force counting and the book's worked example."""

import itertools
from collections import Counter

import numpy as np
import pytest
from sklearn.naive_bayes import CategoricalNB as SklearnCategoricalNB

from gdl_core.naive_bayes import CategoricalNB

pytestmark = pytest.mark.filterwarnings("error")

LEVELS = [5, 2, 7, 3]


def random_codes(seed, n=40):
    """Codes that leave some values unseen: each feature uses only part of its range."""
    rng = np.random.default_rng(seed)
    return np.column_stack([rng.integers(0, max(1, level - 1), n) for level in LEVELS])


@pytest.mark.parametrize("alpha", [0.01, 0.5, 1.0, 3.0])
def test_theta_matches_scikit_learn(alpha):
    codes = random_codes(1)
    ours = CategoricalNB(alpha=alpha).fit(codes, LEVELS)
    oracle = SklearnCategoricalNB(alpha=alpha, min_categories=LEVELS)
    oracle.fit(codes, np.zeros(len(codes), dtype=int))
    for k, level in enumerate(LEVELS):
        expected = np.exp(oracle.feature_log_prob_[k][0])
        np.testing.assert_allclose(ours.theta_[k, :level], expected, rtol=1e-12)
        assert np.all(ours.theta_[k, level:] == 0), "cells past L_k must stay zero"


def test_alpha_zero_is_the_count_over_n_by_brute_force():
    codes = random_codes(2)
    model = CategoricalNB(alpha=0).fit(codes, LEVELS)
    for k, level in enumerate(LEVELS):
        tally = Counter(int(v) for v in codes[:, k])
        for value in range(level):
            assert model.counts_[k, value] == tally[value]
            assert model.theta_[k, value] == tally[value] / len(codes)


def test_unseen_value_at_alpha_zero_gives_minus_infinity_without_warning():
    codes = np.array([[0, 1], [0, 0], [1, 1]])
    model = CategoricalNB().fit(codes, [3, 2])
    log_p = model.log_prob(np.array([[2, 0], [0, 1]]))
    assert log_p[0] == -np.inf
    assert log_p[1] == pytest.approx(np.log(2 / 3 * 2 / 3))


@pytest.mark.parametrize("alpha", [0.0, 0.3, 2.0])
def test_probabilities_over_the_whole_sample_space_sum_to_one(alpha):
    model = CategoricalNB(alpha).fit(random_codes(3), LEVELS)
    space = np.array(list(itertools.product(*(range(level) for level in LEVELS))))
    assert model.prob(space).sum() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("alpha", [0.2, 2.0])
def test_log_prob_matches_scikit_learn_joint_log_likelihood(alpha):
    codes = random_codes(4)
    queries = np.column_stack([np.arange(20) % level for level in LEVELS])
    ours = CategoricalNB(alpha=alpha).fit(codes, LEVELS).log_prob(queries)
    oracle = SklearnCategoricalNB(alpha=alpha, min_categories=LEVELS)
    oracle.fit(codes, np.zeros(len(codes), dtype=int))  # one class: its prior is 1
    np.testing.assert_allclose(ours, oracle.predict_joint_log_proba(queries)[:, 0], rtol=1e-12)


@pytest.mark.parametrize("alpha", [0.2, 2.0])
def test_factors_match_scikit_learn_feature_probabilities(alpha):
    codes = random_codes(4)
    queries = np.column_stack([np.arange(20) % level for level in LEVELS])
    model = CategoricalNB(alpha=alpha).fit(codes, LEVELS)
    oracle = SklearnCategoricalNB(alpha=alpha, min_categories=LEVELS)
    oracle.fit(codes, np.zeros(len(codes), dtype=int))
    expected = np.column_stack([
        np.exp(oracle.feature_log_prob_[k][0][queries[:, k]]) for k in range(len(LEVELS))
    ])
    factors = model.factors(queries)
    assert factors.shape == (20, len(LEVELS))
    np.testing.assert_allclose(factors, expected, rtol=1e-12)
    np.testing.assert_allclose(factors.prod(axis=1), model.prob(queries), rtol=1e-12)


def test_n_params_counts_free_parameters():
    assert CategoricalNB().fit(random_codes(5), LEVELS).n_params_ == sum(LEVELS) - len(LEVELS)


def test_sample_frequencies_match_theta_within_sampling_error():
    model = CategoricalNB(alpha=0.5).fit(random_codes(6), LEVELS)
    n = 20_000
    samples = model.sample(n, seed=11)
    assert samples.shape == (n, len(LEVELS))
    for k, level in enumerate(LEVELS):
        freq = np.bincount(samples[:, k], minlength=level) / n
        assert len(freq) == level, "a sample fell outside the feature's values"
        theta = model.theta_[k, :level]
        tolerance = 5 * np.sqrt(theta * (1 - theta) / n) + 1e-9
        assert np.all(np.abs(freq - theta) <= tolerance)


def test_sampling_never_draws_a_zero_probability_value():
    codes = np.array([[1, 0], [2, 0], [1, 0]])
    samples = CategoricalNB(alpha=0).fit(codes, [4, 3]).sample(5_000, seed=3)
    assert set(samples[:, 0]) == {1, 2}
    assert set(samples[:, 1]) == {0}


class _TopOfTheUnitInterval(np.random.Generator):
    """A generator whose uniform draws are all the largest double below 1."""

    def random(self, size=None):
        return np.full(size, np.nextafter(1.0, 0.0))


def test_a_draw_at_the_very_top_never_lands_on_an_impossible_value():
    codes = np.array([[0, 1], [1, 0], [1, 1]])
    model = CategoricalNB(alpha=0).fit(codes, [3, 4])  # values 2 and 2, 3 have θ = 0
    samples = model.sample(4, seed=_TopOfTheUnitInterval(np.random.PCG64(0)))
    assert (samples == [1, 1]).all()


def test_same_seed_same_samples_and_global_state_untouched():
    model = CategoricalNB(alpha=1).fit(random_codes(7), LEVELS)
    legacy_state = np.random.get_state()[1].copy()  # noqa: NPY002 - checking it is untouched
    first = model.sample(50, seed=42)
    np.testing.assert_array_equal(np.random.get_state()[1], legacy_state)  # noqa: NPY002
    np.testing.assert_array_equal(first, model.sample(50, seed=42))
    assert not np.array_equal(first, model.sample(50, seed=43))


def test_works_on_pixels_uint8_with_256_values():
    rng = np.random.default_rng(8)
    pixels = rng.integers(0, 256, (30, 1024), dtype=np.uint8)
    model = CategoricalNB(alpha=1).fit(pixels, 256)
    assert model.theta_.shape == (1024, 256)
    assert model.n_params_ == 1024 * 255
    np.testing.assert_allclose(model.theta_.sum(axis=1), 1.0)
    assert model.sample(3, seed=0).shape == (3, 1024)


@pytest.mark.parametrize(
    ("alpha", "codes", "n_values", "message"),
    [
        (-1, [[0]], 2, "alpha must be ≥ 0"),
        ("a lot", [[0]], 2, "alpha must be a number"),
        (0, [[0, 3]], [2, 3], "feature 1 has a code 3"),
        (0, [[-1]], 2, "≥ 0"),
        (0, [0, 1], 2, "2-D"),
        (0, np.zeros((0, 2), int), 2, "at least one observation"),
    ],
)
def test_bad_input_is_explained(alpha, codes, n_values, message):
    with pytest.raises(ValueError, match=message):
        CategoricalNB(alpha).fit(np.asarray(codes), n_values)
