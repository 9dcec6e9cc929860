"""Planet Pixel's measurements, each checked against a slow, obviously correct oracle."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from gdl_core import pixels, wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import analysis as pa

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def faces() -> pd.DataFrame:
    return pa.training_faces(120)


@pytest.fixture(scope="module")
def data(faces):
    return pixels.make_dataset(faces)


@pytest.fixture(scope="module")
def codes(data):
    return data[0]


@pytest.fixture(scope="module")
def palette(data):
    return data[1]


# --- the training set ---------------------------------------------------------------------


def test_training_faces_start_with_the_50_wrodlers_then_draw_from_their_model():
    faces = pa.training_faces(80)
    assert len(faces) == 80
    assert list(faces.index) == list(range(80))
    observed = wrodl.load()
    np.testing.assert_array_equal(wrodl.encode(faces.iloc[:50]), wrodl.encode(observed))
    extra = wrodl.encode(pa.draw_wrodl_faces(30, pa.DATA_SEED))
    np.testing.assert_array_equal(wrodl.encode(faces.iloc[50:]), extra)
    # the same call gives the same faces: the data never moves
    np.testing.assert_array_equal(wrodl.encode(pa.training_faces(80)), wrodl.encode(faces))
    assert len(pa.training_faces(7)) == 7
    with pytest.raises(ValueError, match="at least one face"):
        pa.training_faces(0)


def test_faces_drawn_from_the_wrodl_model_never_use_values_unseen_in_the_50():
    drawn = pa.draw_wrodl_faces(2000, seed=3)
    assert not (drawn["topType"] == "LongHairBun").any()  # count 0 in Table 1-2
    assert not (drawn["clothingColor"] == "Black").any()
    # and their feature frequencies follow Table 1-2 (θ = n / 50) within sampling error
    share = (drawn["topType"] == "LongHairStraight").mean()
    assert abs(share - 23 / 50) < 5 * math.sqrt(0.46 * 0.54 / 2000)


def test_held_out_faces_are_new_combinations(faces):
    held_out = pa.held_out_faces(150, faces)
    assert len(held_out) == 150
    seen = {tuple(row) for row in wrodl.encode(faces)}
    assert all(tuple(row) not in seen for row in wrodl.encode(held_out))


def test_make_dataset_gives_uint8_rows_of_1024_and_one_palette_that_round_trip(faces, data):
    codes, palette = data
    assert codes.dtype == np.uint8 and codes.shape == (len(faces), 1024)
    assert palette.dtype == np.uint8 and palette.shape == (256, 3)
    for i in (0, 3, 57, 119):
        image = np.asarray(pixels.to_image(codes[i], palette))
        for r, c in ((0, 0), (14, 10), (31, 31), (20, 5)):
            assert tuple(image[r, c]) == tuple(palette[codes[i, r * 32 + c]])


def test_build_dataset_equals_make_dataset_and_reports_progress(faces, data):
    reports = []
    codes, palette = pa.build_dataset(
        faces, chunks=7, on_progress=lambda done, total: reports.append((done, total))
    )
    np.testing.assert_array_equal(codes, data[0])
    np.testing.assert_array_equal(palette, data[1])
    distinct = len({tuple(row) for row in wrodl.encode(faces)})
    assert len(reports) == 7
    assert [t for _, t in reports] == [distinct] * 7
    done = [d for d, _ in reports]
    assert done == sorted(done) and done[-1] == distinct
    with pytest.raises(ValueError, match="chunks"):
        pa.build_dataset(faces, chunks=0)


def test_table_1_3_is_pixels_458_to_467_of_faces_0_to_9(codes):
    table = pa.table_1_3(codes)
    assert list(table.columns) == [f"px_{j}" for j in range(458, 468)]
    assert list(table.index) == list(range(10)) and table.index.name == "face_id"
    for face in range(10):
        for j in range(458, 468):
            assert table.loc[face, f"px_{j}"] == codes[face][j]
    values = table.to_numpy()
    assert values.dtype.kind == "i" and values.min() >= 0 and values.max() <= 255


def test_pixel_numbers_count_row_by_row_from_the_top_left():
    assert pa.pixel_index(14, 10) == 458
    assert pa.pixel_position(467) == (14, 19)
    for index in (0, 31, 32, 1023):
        assert pa.pixel_index(*pa.pixel_position(index)) == index
    with pytest.raises(ValueError):
        pa.pixel_index(32, 0)
    with pytest.raises(ValueError):
        pa.pixel_position(1024)


# --- nearest training face ----------------------------------------------------------------


def brute_force_distances(a, b):
    """Pure Python: count the differing pixels of every pair, one pixel at a time."""
    a, b = a.tolist(), b.tolist()
    return [[sum(1 for x, y in zip(s, t, strict=True) if x != y) for t in b] for s in a]


def test_pixel_distances_agree_with_brute_force(codes, monkeypatch):
    model = CategoricalNB(0.05).fit(codes, 256)
    samples = model.sample(6, seed=11).astype(np.uint8)
    expected = np.array(brute_force_distances(samples, codes[:40]))
    np.testing.assert_array_equal(pa.pixel_distances(samples, codes[:40]), expected)
    # many small blocks give the same answer as one big one
    monkeypatch.setattr(pa, "_BLOCK_BYTES", 3 * 6 * 1024)
    np.testing.assert_array_equal(pa.pixel_distances(samples, codes[:40]), expected)


def test_nearest_is_the_brute_force_minimum_and_a_copy_is_distance_zero(codes):
    model = CategoricalNB(0.0).fit(codes, 256)
    samples = np.vstack([model.sample(8, seed=5).astype(np.uint8), codes[17]])
    index, distance = pa.nearest(samples, codes)
    table = brute_force_distances(samples, codes)
    for i, row in enumerate(table):
        best = min(row)
        assert distance[i] == best
        assert index[i] == row.index(best)  # the first on a tie
    assert distance[-1] == 0
    assert (codes[index[-1]] == codes[17]).all()


def test_count_copies_counts_zeros_and_the_closest_other_sample():
    assert pa.count_copies(np.array([412, 388, 501])) == (0, 388)
    assert pa.count_copies(np.array([0, 388, 0, 17])) == (2, 17)
    assert pa.count_copies(np.array([0, 0])) == (2, None)
    assert pa.count_copies(np.array([], dtype=int)) == (0, None)


def test_count_copies_finds_a_planted_copy(codes):
    model = CategoricalNB(0.0).fit(codes, 256)
    samples = np.vstack([model.sample(5, seed=1).astype(np.uint8), codes[3]])
    _, distance = pa.nearest(samples, codes)
    n_copies, closest = pa.count_copies(distance)
    assert n_copies == 1
    assert closest == distance[:5].min() > 0


def test_nearest_rejects_mismatched_or_empty_inputs(codes):
    with pytest.raises(ValueError, match="same number of pixels"):
        pa.pixel_distances(codes[:2], codes[:2, :100])
    with pytest.raises(ValueError, match="empty"):
        pa.nearest(codes[:2], codes[:0])


# --- likelihood ---------------------------------------------------------------------------


def test_log_likelihood_per_pixel_is_the_sum_of_log_theta_over_1024(codes):
    model = CategoricalNB(0.5).fit(codes, 256)
    per_pixel = pa.log_likelihood_per_pixel(model, codes[:3])
    for i in range(3):
        total = sum(math.log(model.theta_[j, codes[i, j]]) for j in range(1024))
        assert per_pixel[i] == pytest.approx(total / 1024, rel=1e-12)


@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0])
def test_training_log_likelihood_from_counts_equals_the_average_over_faces(codes, alpha):
    model = CategoricalNB(alpha).fit(codes, 256)
    direct = pa.log_likelihood_per_pixel(model, codes).mean()
    assert pa.training_log_likelihood_per_pixel(model) == pytest.approx(direct, rel=1e-12)


@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0])
def test_stray_colour_share_is_the_unseen_probability_averaged_over_pixels(codes, alpha):
    model = CategoricalNB(alpha).fit(codes, 256)
    by_loop = [
        sum(model.theta_[j, c] for c in range(256) if not (codes[:, j] == c).any())
        for j in range(1024)
    ]
    share = pa.stray_colour_share(model)
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
    training = pa.training_log_likelihood_per_pixel(model)
    if alpha == 0:
        assert minus_entropy == pytest.approx(training, rel=1e-12)
    else:
        assert minus_entropy < training


def test_an_unseen_colour_makes_a_face_impossible_at_alpha_zero(codes):
    model = CategoricalNB(0.0).fit(codes, 256)
    odd = codes[0].copy()
    odd[0] = (int(odd[0]) + 1) % 256  # pixel 0 is background in every face
    summary = pa.summarise_log_likelihood(pa.log_likelihood_per_pixel(model, [codes[0], odd]))
    assert summary.n_faces == 2 and summary.n_impossible == 1
    assert summary.mean == -math.inf
    assert summary.colours_per_pixel == math.inf


def test_samples_score_like_training_faces_at_alpha_zero(codes):
    """At α = 0 both averages estimate the same Σ θ log θ per pixel (the model's entropy)."""
    model = CategoricalNB(0.0).fit(codes, 256)
    train = pa.summarise_log_likelihood(pa.log_likelihood_per_pixel(model, codes))
    samples = pa.summarise_log_likelihood(
        pa.log_likelihood_per_pixel(model, model.sample(2000, seed=2))
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
    entropy = pa.entropy_map(model.theta_)
    assert entropy.shape == (32, 32)
    for j in (0, 458, 700, 1023):
        expected = -sum(p * math.log2(p) for p in model.theta_[j] if p > 0)
        assert entropy[divmod(j, 32)] == pytest.approx(expected, rel=1e-12)
    theta = np.zeros((1024, 256))
    theta[:, 0] = 1.0
    theta[5] = 1 / 256
    theta[6, :2] = 0.5
    extremes = pa.entropy_map(theta)
    assert extremes[0, 0] == 0.0
    assert extremes[0, 5] == pytest.approx(8.0)
    assert extremes[0, 6] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="one row per pixel"):
        pa.entropy_map(np.ones((10, 256)) / 256)


def test_pixel_distribution_counts_the_colours_at_one_pixel(codes):
    model = CategoricalNB(0.5).fit(codes, 256)
    for pixel in (0, 458, 900):
        table = pa.pixel_distribution(model, pixel)
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
        pa.pixel_distribution(model, 1024)


# --- neighbour correlation ----------------------------------------------------------------


def test_neighbour_correlation_map_matches_numpy_corrcoef(codes, palette):
    right, below = pa.neighbour_correlation_map(codes, palette)
    assert right.shape == (32, 31) and below.shape == (31, 32)
    grey = pa.luminance(codes, palette)
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


def test_neighbours_go_together_in_faces_but_not_in_naive_bayes_samples(codes, palette):
    in_faces = pa.neighbour_correlation(codes, palette)
    model = CategoricalNB(0.0).fit(codes, 256)
    in_samples = pa.neighbour_correlation(model.sample(2000, seed=4), palette)
    assert in_faces > 0.5
    assert abs(in_samples) < 0.03


def test_luminance_uses_the_palette_colour(palette):
    grey = pa.luminance(np.array([[0, 1]]), palette)
    expected = palette[[0, 1]].astype(float) @ [0.299, 0.587, 0.114] / 255
    np.testing.assert_allclose(grey[0], expected)
    with pytest.raises(ValueError, match="palette"):
        pa.luminance(np.array([[0]]), palette[:10])
    with pytest.raises(ValueError, match="two faces"):
        pa.neighbour_correlation_map(np.zeros((1, 1024), dtype=np.uint8), palette)


# --- the other representation -------------------------------------------------------------


def test_naive_bayes_on_the_five_features_draws_valid_reproducible_faces(faces):
    first = pa.feature_nb_faces(faces, 10, seed=3)
    again = pa.feature_nb_faces(wrodl.encode(faces), 10, seed=3)
    assert first.shape == (10, 5)
    np.testing.assert_array_equal(first, again)
    assert (first >= 0).all() and (first < np.array(wrodl.N_VALUES)).all()


def test_pixels_of_reuses_known_rows_and_draws_only_new_faces(faces, codes):
    features = wrodl.encode(faces)
    new = wrodl.encode(pa.held_out_faces(3, faces))
    wanted = np.vstack([features[[5, 0, 77]], new, features[[5]]])
    expected, _ = pixels.make_dataset(wrodl.decode(wanted))
    np.testing.assert_array_equal(pa.pixels_of(wanted, features, codes), expected)
    # all known: nothing to draw
    np.testing.assert_array_equal(pa.pixels_of(features[:4], features, codes), codes[:4])
