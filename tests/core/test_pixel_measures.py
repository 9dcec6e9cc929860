"""Planet Pixel's measurements, each checked against a slow, obviously correct oracle."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from gdl_core import pixels
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import measures as pm
from gdl_core.pixels import training

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def data():
    return pixels.make_dataset(training.training_faces(120))


@pytest.fixture(scope="module")
def codes(data):
    return data[0]


@pytest.fixture(scope="module")
def palette(data):
    return data[1]


# --- nearest training face ----------------------------------------------------------------


def brute_force_distances(a, b):
    """Pure Python: count the differing pixels of every pair, one pixel at a time."""
    a, b = a.tolist(), b.tolist()
    return [[sum(1 for x, y in zip(s, t, strict=True) if x != y) for t in b] for s in a]


def test_pixel_distances_agree_with_brute_force(codes, monkeypatch):
    model = CategoricalNB(0.05).fit(codes, 256)
    samples = model.sample(6, seed=11).astype(np.uint8)
    expected = np.array(brute_force_distances(samples, codes[:40]))
    np.testing.assert_array_equal(pm.pixel_distances(samples, codes[:40]), expected)
    # many small blocks give the same answer as one big one
    monkeypatch.setattr(pm, "_BLOCK_BYTES", 3 * 6 * 1024)
    np.testing.assert_array_equal(pm.pixel_distances(samples, codes[:40]), expected)


def test_nearest_is_the_brute_force_minimum_and_a_copy_is_distance_zero(codes):
    model = CategoricalNB(0.0).fit(codes, 256)
    samples = np.vstack([model.sample(8, seed=5).astype(np.uint8), codes[17]])
    index, distance = pm.nearest(samples, codes)
    table = brute_force_distances(samples, codes)
    for i, row in enumerate(table):
        best = min(row)
        assert distance[i] == best
        assert index[i] == row.index(best)  # the first on a tie
    assert distance[-1] == 0
    assert (codes[index[-1]] == codes[17]).all()


def test_count_copies_counts_zeros_and_the_closest_other_sample():
    assert pm.count_copies(np.array([412, 388, 501])) == (0, 388)
    assert pm.count_copies(np.array([0, 388, 0, 17])) == (2, 17)
    assert pm.count_copies(np.array([0, 0])) == (2, None)
    assert pm.count_copies(np.array([], dtype=int)) == (0, None)


def test_count_copies_finds_a_planted_copy(codes):
    model = CategoricalNB(0.0).fit(codes, 256)
    samples = np.vstack([model.sample(5, seed=1).astype(np.uint8), codes[3]])
    _, distance = pm.nearest(samples, codes)
    n_copies, closest = pm.count_copies(distance)
    assert n_copies == 1
    assert closest == distance[:5].min() > 0


def test_nearest_rejects_mismatched_or_empty_inputs(codes):
    with pytest.raises(ValueError, match="same number of pixels"):
        pm.pixel_distances(codes[:2], codes[:2, :100])
    with pytest.raises(ValueError, match="empty"):
        pm.nearest(codes[:2], codes[:0])


# --- likelihood ---------------------------------------------------------------------------


def test_log_likelihood_per_pixel_is_the_sum_of_log_theta_over_1024(codes):
    model = CategoricalNB(0.5).fit(codes, 256)
    per_pixel = pm.log_likelihood_per_pixel(model, codes[:3])
    for i in range(3):
        total = sum(math.log(model.theta_[j, codes[i, j]]) for j in range(1024))
        assert per_pixel[i] == pytest.approx(total / 1024, rel=1e-12)


@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0])
def test_training_likelihood_from_counts_equals_scoring_every_training_face(codes, alpha):
    model = CategoricalNB(alpha).fit(codes, 256)
    direct = pm.summarise_log_likelihood(pm.log_likelihood_per_pixel(model, codes))
    summary = pm.training_likelihood(model)
    assert summary.mean == pytest.approx(direct.mean, rel=1e-12)
    assert (summary.n_faces, summary.n_impossible) == (direct.n_faces, direct.n_impossible)
    assert summary.n_faces == len(codes)


@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0])
def test_stray_colour_share_is_the_unseen_probability_averaged_over_pixels(codes, alpha):
    model = CategoricalNB(alpha).fit(codes, 256)
    by_loop = [
        sum(model.theta_[j, c] for c in range(256) if not (codes[:, j] == c).any())
        for j in range(1024)
    ]
    share = pm.stray_colour_share(model)
    assert share == pytest.approx(sum(by_loop) / 1024, rel=1e-12, abs=1e-15)
    assert (share == 0) == (alpha == 0)
    # It is what samples show: the share of sampled pixels with a colour unseen there.
    samples = model.sample(400, seed=3)
    seen = model.counts_ > 0
    stray = ~seen[np.arange(1024), samples]
    assert stray.mean() == pytest.approx(share, abs=0.01)


@pytest.mark.parametrize("alpha", [0.0, 0.001, 0.1, 5.0])
def test_samples_score_no_higher_than_the_training_faces_in_expectation(codes, alpha):
    """The claim behind stray_colour_share's docstring: E[log p(sample)] = −H(θ) per pixel
    is at most the training faces' average, with equality at α = 0."""
    model = CategoricalNB(alpha).fit(codes, 256)
    theta = model.theta_
    with np.errstate(divide="ignore", invalid="ignore"):
        minus_entropy = np.where(theta > 0, theta * np.log(theta), 0.0).sum() / 1024
    training = pm.training_likelihood(model).mean
    if alpha == 0:
        assert minus_entropy == pytest.approx(training, rel=1e-12)
    else:
        assert minus_entropy < training


def test_an_unseen_colour_makes_a_face_impossible_at_alpha_zero(codes):
    model = CategoricalNB(0.0).fit(codes, 256)
    odd = codes[0].copy()
    odd[0] = (int(odd[0]) + 1) % 256  # pixel 0 is background in every face
    summary = pm.summarise_log_likelihood(pm.log_likelihood_per_pixel(model, [codes[0], odd]))
    assert summary.n_faces == 2 and summary.n_impossible == 1
    assert summary.mean == -math.inf
    assert summary.colours_per_pixel == math.inf


def test_samples_score_like_training_faces_at_alpha_zero(codes):
    """At α = 0 both averages estimate the same Σ θ log θ per pixel (the model's entropy)."""
    model = CategoricalNB(0.0).fit(codes, 256)
    train = pm.summarise_log_likelihood(pm.log_likelihood_per_pixel(model, codes))
    samples = pm.summarise_log_likelihood(
        pm.log_likelihood_per_pixel(model, model.sample(2000, seed=2))
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        neg_entropy = np.where(model.theta_ > 0, model.theta_ * np.log(model.theta_), 0).sum()
    assert train.mean == pytest.approx(neg_entropy / 1024, rel=1e-9)  # exact at α = 0
    assert samples.mean == pytest.approx(train.mean, abs=0.01)
    assert train.colours_per_pixel == pytest.approx(math.exp(-train.mean))


# --- sampling and uncertainty -------------------------------------------------------------


def test_pixel_frequencies_of_5000_samples_match_theta(codes):
    """Every (pixel, colour) count is a Binomial(5000, θ) draw: none may be implausible.

    Exact binomial tails (scipy) with a Bonferroni correction over all 262,144 cells, so the
    test fails by chance less than once in a thousand runs, yet catches any real bias.
    """
    model = CategoricalNB(0.1).fit(codes, 256)
    n = 5000
    samples = model.sample(n, seed=8)
    assert samples.shape == (n, 1024)
    cells = samples + np.arange(1024) * 256
    counts = np.bincount(cells.ravel(), minlength=1024 * 256).reshape(1024, 256)
    theta = model.theta_
    upper = stats.binom.sf(counts - 1, n, theta)  # P(X >= count)
    lower = stats.binom.cdf(counts, n, theta)  # P(X <= count)
    p_value = np.minimum(1.0, 2 * np.minimum(upper, lower))
    assert p_value.min() * counts.size > 1e-3
    # and in aggregate the fit is as close as sampling noise allows
    total_variation = 0.5 * np.abs(counts / n - theta).sum(axis=1)
    assert total_variation.mean() < 0.05


def test_entropy_map_matches_a_loop_and_its_extremes(codes):
    model = CategoricalNB(0.3).fit(codes, 256)
    entropy = pm.entropy_map(model.theta_)
    assert entropy.shape == (32, 32)
    for j in (0, 458, 700, 1023):
        expected = -sum(p * math.log2(p) for p in model.theta_[j] if p > 0)
        assert entropy[divmod(j, 32)] == pytest.approx(expected, rel=1e-12)
    theta = np.zeros((1024, 256))
    theta[:, 0] = 1.0
    theta[5] = 1 / 256
    theta[6, :2] = 0.5
    extremes = pm.entropy_map(theta)
    assert extremes[0, 0] == 0.0
    assert extremes[0, 5] == pytest.approx(8.0)
    assert extremes[0, 6] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="one row per pixel"):
        pm.entropy_map(np.ones((10, 256)) / 256)


def test_pixel_distribution_counts_the_colours_at_one_pixel(codes):
    model = CategoricalNB(0.5).fit(codes, 256)
    for pixel in (0, 458, 900):
        table = pm.pixel_distribution(model, pixel)
        tally = np.bincount(codes[:, pixel], minlength=256)
        assert dict(zip(table["colour"], table["count"], strict=True)) == {
            c: tally[c] for c in np.flatnonzero(tally)
        }
        assert table["share"].sum() == pytest.approx(1.0)
        assert list(table["count"]) == sorted(table["count"], reverse=True)
        np.testing.assert_allclose(table["theta"], model.theta_[pixel, table["colour"]])
        assert table.attrs["n_unseen"] == 256 - len(table)
        assert table.attrs["unseen_theta"] + table["theta"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError):
        pm.pixel_distribution(model, 1024)


# --- neighbour correlation ----------------------------------------------------------------


def test_neighbour_correlation_map_matches_numpy_corrcoef(codes, palette):
    right, below = pm.neighbour_correlation_map(codes, palette)
    assert right.shape == (32, 31) and below.shape == (31, 32)
    grey = pm.luminance(codes, palette)
    checked = 0
    for r in range(32):
        for c in range(31):
            x, y = grey[:, r * 32 + c], grey[:, r * 32 + c + 1]
            if x.std() < 1e-9 or y.std() < 1e-9:  # constant (up to rounding of the mean)
                assert np.isnan(right[r, c])
                continue
            assert right[r, c] == pytest.approx(np.corrcoef(x, y)[0, 1], abs=1e-9)
            checked += 1
    assert checked > 100
    r, c = 20, 9
    x, y = grey[:, r * 32 + c], grey[:, (r + 1) * 32 + c]
    assert below[r, c] == pytest.approx(np.corrcoef(x, y)[0, 1], abs=1e-9)


def test_neighbour_correlation_is_the_mean_over_pairs_that_vary():
    right = np.array([[0.5, np.nan], [1.0, -0.25]])
    below = np.array([[np.nan, 0.0]])
    assert pm.neighbour_correlation(right, below) == pytest.approx((0.5 + 1 - 0.25 + 0) / 4)
    assert math.isnan(pm.neighbour_correlation(np.full((2, 1), np.nan), np.full((1, 2), np.nan)))


def test_neighbours_go_together_in_faces_but_not_in_naive_bayes_samples(codes, palette):
    in_faces = pm.neighbour_correlation(*pm.neighbour_correlation_map(codes, palette))
    model = CategoricalNB(0.0).fit(codes, 256)
    samples = model.sample(2000, seed=4)
    in_samples = pm.neighbour_correlation(*pm.neighbour_correlation_map(samples, palette))
    assert in_faces > 0.5
    assert abs(in_samples) < 0.03


def test_luminance_uses_the_palette_colour(palette):
    grey = pm.luminance(np.array([[0, 1]]), palette)
    expected = palette[[0, 1]].astype(float) @ [0.299, 0.587, 0.114] / 255
    np.testing.assert_allclose(grey[0], expected)
    with pytest.raises(ValueError, match="palette"):
        pm.luminance(np.array([[0]]), palette[:10])
    with pytest.raises(ValueError, match="two faces"):
        pm.neighbour_correlation_map(np.zeros((1, 1024), dtype=np.uint8), palette)
