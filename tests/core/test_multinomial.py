"""JointMultinomial against brute-force enumeration and closed forms."""

import itertools
import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from gdl_core.multinomial import JointMultinomial

pytestmark = pytest.mark.filterwarnings("error")

LEVELS = [3, 4, 2]
SPACE = np.array(list(itertools.product(*(range(level) for level in LEVELS))))


def training(seed=0, n=25):
    rng = np.random.default_rng(seed)
    return np.column_stack([rng.integers(0, level, n) for level in LEVELS])


@pytest.mark.parametrize("alpha", [0, 0.25, 1, 5])
def test_prob_of_every_combination_matches_exact_fractions(alpha):
    codes = training()
    model = JointMultinomial(alpha).fit(codes, LEVELS)
    tally = Counter(map(tuple, codes.tolist()))
    d = math.prod(LEVELS)
    a = Fraction(alpha)
    expected = [float((tally[tuple(row)] + a) / (len(codes) + d * a)) for row in SPACE.tolist()]
    np.testing.assert_allclose(model.prob(SPACE), expected, rtol=1e-12)
    assert model.prob(SPACE).sum() == pytest.approx(1.0)


def test_sizes_and_unseen_mass():
    codes = training()
    model = JointMultinomial(alpha=2).fit(codes, LEVELS)
    seen = {tuple(row) for row in codes.tolist()}
    assert model.d_ == 24 and model.n_params_ == 23
    assert model.n_distinct_ == len(seen)
    unseen = [row for row in SPACE.tolist() if tuple(row) not in seen]
    assert model.unseen_mass() == pytest.approx(model.prob(np.array(unseen)).sum())
    assert JointMultinomial(0).fit(codes, LEVELS).unseen_mass() == 0


@pytest.mark.parametrize("alpha", [0, 0.25, 1, 5])
def test_unseen_theta_is_alpha_over_n_plus_d_alpha_exactly(alpha):
    codes = training(n=10)
    model = JointMultinomial(alpha).fit(codes, LEVELS)
    a = Fraction(alpha)
    expected = a / (len(codes) + math.prod(LEVELS) * a)
    assert model.unseen_theta() == pytest.approx(float(expected), rel=1e-12, abs=0)
    seen = {tuple(row) for row in codes.tolist()}
    unseen = np.array([row for row in SPACE.tolist() if tuple(row) not in seen])
    np.testing.assert_allclose(model.prob(unseen), model.unseen_theta(), rtol=1e-12)


def test_unseen_theta_on_a_planet_pixel_sized_space():
    pixels = np.random.default_rng(3).integers(0, 256, (20, 1024), dtype=np.uint8)
    tiny = JointMultinomial(alpha=1).fit(pixels, 256).unseen_theta()
    assert tiny == 0.0  # 1 / (20 + 256**1024) underflows, without an overflow on the way
    assert JointMultinomial(alpha=1).fit(pixels[:, :2], 256).unseen_theta() == pytest.approx(
        float(Fraction(1, 20 + 256**2)), rel=1e-12
    )


def test_alpha_zero_samples_only_reproduce_training_rows():
    codes = training(1, n=6)
    samples = JointMultinomial(0).fit(codes, LEVELS).sample(2_000, seed=5)
    assert {tuple(r) for r in samples.tolist()} <= {tuple(r) for r in codes.tolist()}


def test_smoothed_sample_frequencies_match_theta():
    model = JointMultinomial(alpha=1).fit(training(2, n=10), LEVELS)
    n = 40_000
    samples = model.sample(n, seed=9)
    freq = model.count(samples)  # sanity: count() works on samples too
    assert freq.shape == (n,)
    index = np.ravel_multi_index(samples.T, LEVELS)
    observed = np.bincount(index, minlength=model.d_) / n
    expected = model.prob(SPACE)  # SPACE is in ravel order
    tolerance = 5 * np.sqrt(expected * (1 - expected) / n)
    assert np.all(np.abs(observed - expected) <= tolerance)


def test_same_seed_same_samples():
    model = JointMultinomial(alpha=0.5).fit(training(), LEVELS)
    np.testing.assert_array_equal(model.sample(30, seed=1), model.sample(30, seed=1))


def test_planet_pixel_sized_space_needs_no_d_cells_and_does_not_overflow():
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, (20, 1024), dtype=np.uint8)
    model = JointMultinomial(alpha=1).fit(pixels, 256)
    assert model.d_ == 256**1024 and model.n_params_ == 256**1024 - 1
    unseen = (pixels[:1] ^ np.uint8(1)).astype(np.uint8)
    log_p = model.log_prob(np.vstack([pixels[:1], unseen]))
    exact_denominator = math.log(20 + 256**1024)  # math.log takes the exact big int
    assert log_p[0] == pytest.approx(math.log(2) - exact_denominator)
    assert log_p[1] == pytest.approx(-exact_denominator)
    # With d this large, smoothing mass swamps the data: samples are (almost surely) new.
    samples = model.sample(5, seed=0)
    assert samples.shape == (5, 1024)
    assert not any((samples[i] == pixels).all(axis=1).any() for i in range(5))
    # Without smoothing every sample is a training face.
    copies = JointMultinomial(0).fit(pixels, 256).sample(5, seed=0)
    assert all((row == pixels).all(axis=1).any() for row in copies)


def test_bad_alpha_and_codes_are_explained():
    unchecked = JointMultinomial(-0.1)  # checked in fit, as in scikit-learn
    with pytest.raises(ValueError, match="alpha must be ≥ 0"):
        unchecked.fit(training(), LEVELS)
    with pytest.raises(ValueError, match="feature 0 has a code 5"):
        JointMultinomial().fit(np.array([[5, 0, 0]]), LEVELS)
    model = JointMultinomial().fit(training(), LEVELS)
    with pytest.raises(ValueError, match="expected 3 features"):
        model.prob(np.array([[0, 0]]))
    with pytest.raises(ValueError, match="number of samples"):
        model.sample(-1, seed=0)
