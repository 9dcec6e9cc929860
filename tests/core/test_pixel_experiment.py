"""The Planet Pixel reports, checked against independent computations: the faces drawn
directly with make_dataset, Hamming distances from scipy, log-likelihoods and entropies from
scikit-learn's and scipy's own code, correlations from np.corrcoef."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from scipy.spatial.distance import cdist
from scipy.stats import entropy
from sklearn.naive_bayes import CategoricalNB as SklearnCategoricalNB

from gdl_core import pixels, wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import experiment as pe
from gdl_core.pixels import training as pt

pytestmark = pytest.mark.filterwarnings("error")

N = 60  # the 50 Wrodlers and 10 faces drawn from their model


@pytest.fixture(scope="module")
def data() -> pe.DataReport:
    return pe.data_report(N)


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Number of differing pixels of every pair, by scipy (which gives a share of pixels)."""
    return np.rint(cdist(a, b, metric="hamming") * a.shape[1]).astype(int)


def grey(codes: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Rec. 601 brightness of every pixel, one face at a time."""
    weights = np.array([0.299, 0.587, 0.114])
    return np.array([palette[row].astype(float) @ weights / 255 for row in codes])


def right_correlations(codes: np.ndarray, palette: np.ndarray) -> dict[tuple[int, int], float]:
    """np.corrcoef of each pixel and its right-hand neighbour, where both vary."""
    light = grey(codes, palette)
    out = {}
    for r in range(32):
        for c in range(31):
            x, y = light[:, r * 32 + c], light[:, r * 32 + c + 1]
            if x.std() > 1e-9 and y.std() > 1e-9:
                out[r, c] = np.corrcoef(x, y)[0, 1]
    return out


def sklearn_log_likelihood(codes: np.ndarray, training: np.ndarray, alpha: float) -> np.ndarray:
    """log p(x) / 1,024 from scikit-learn's CategoricalNB fitted to one class."""
    oracle = SklearnCategoricalNB(alpha=alpha, min_categories=256, force_alpha=True)
    oracle.fit(training, np.zeros(len(training), dtype=int))
    logs = np.array([table[0] for table in oracle.feature_log_prob_])  # (1024, 256)
    return logs[np.arange(1024), codes].sum(axis=1) / 1024


# --- the data -----------------------------------------------------------------------------


def test_the_data_are_the_training_and_held_out_faces_as_pixels(data):
    faces = pt.training_faces(N)
    held_out = pt.held_out_faces(pe.N_HELD_OUT, faces)
    np.testing.assert_array_equal(data.features, wrodl.encode(faces))
    np.testing.assert_array_equal(data.training, pixels.make_dataset(faces)[0])
    np.testing.assert_array_equal(data.held_out, pixels.make_dataset(held_out)[0])
    np.testing.assert_array_equal(data.palette, pixels.palette())
    assert data.training.shape == (N, 1024) and data.held_out.shape == (pe.N_HELD_OUT, 1024)


def test_the_data_report_measures_neighbours_and_held_out_distance(data):
    expected = right_correlations(data.training, data.palette)
    finite = np.isfinite(data.correlation_map)
    assert set(zip(*np.nonzero(finite), strict=True)) == set(expected)
    for (r, c), value in expected.items():
        assert data.correlation_map[r, c] == pytest.approx(value, abs=1e-9)
    below = right_correlations(
        data.training.reshape(-1, 32, 32).transpose(0, 2, 1).reshape(-1, 1024), data.palette
    )  # a face's stacked pairs are the side-by-side pairs of its transpose
    values = list(expected.values()) + list(below.values())
    assert data.correlation == pytest.approx(np.mean(values), abs=1e-9)
    nearest = hamming(data.held_out, data.training).min(axis=1)
    assert data.held_out_distance == np.median(nearest)
    assert data.held_out_distance > 0  # held-out faces are never in the training set


# --- the fit ------------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.0, 0.5])
def test_the_fit_report_agrees_with_scikit_learn_and_scipy(data, alpha):
    model = CategoricalNB(alpha).fit(data.training, 256)
    fit = pe.fit_report(model, data)
    assert fit.n_params == 1024 * 255
    by_scipy = np.array([entropy(model.theta_[j], base=2) for j in range(1024)])
    np.testing.assert_allclose(fit.entropy.ravel(), by_scipy, atol=1e-9)
    unseen = [set(range(256)) - set(data.training[:, j].tolist()) for j in range(1024)]
    impossible = sum(any(x in unseen[j] for j, x in enumerate(face)) for face in data.held_out)
    held_out = fit.held_out_likelihood
    assert (held_out.n_faces, fit.training_likelihood.n_faces) == (pe.N_HELD_OUT, N)
    assert fit.training_likelihood.n_impossible == 0
    if alpha == 0:
        assert impossible > 0  # a new face shows a colour never seen at some pixel
        assert held_out.n_impossible == impossible and held_out.mean == -math.inf
        assert fit.stray_share == 0
        return
    assert held_out.n_impossible == 0
    assert held_out.mean == pytest.approx(
        sklearn_log_likelihood(data.held_out, data.training, alpha).mean(), rel=1e-9
    )
    assert fit.training_likelihood.mean == pytest.approx(
        sklearn_log_likelihood(data.training, data.training, alpha).mean(), rel=1e-9
    )
    stray = np.mean([sum(model.theta_[j, c] for c in unseen[j]) for j in range(1024)])
    assert fit.stray_share == pytest.approx(stray, rel=1e-9)


# --- the samples --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model(data) -> CategoricalNB:
    return CategoricalNB(0.1).fit(data.training, 256)


def test_the_samples_are_the_models_and_their_nearest_faces_are_brute_force(data, model):
    drawn = pe.sample_report(model, data, seed=7)
    np.testing.assert_array_equal(drawn.codes, model.sample(pe.N_SAMPLES, seed=7))
    assert drawn.codes.dtype == np.uint8
    distances = hamming(drawn.codes[: pe.N_SHOWN], data.training)
    np.testing.assert_array_equal(drawn.distance, distances.min(axis=1))
    np.testing.assert_array_equal(drawn.nearest, distances.argmin(axis=1))
    others = drawn.distance[drawn.distance > 0]
    assert drawn.copies == (pe.N_SHOWN - len(others), int(others.min()))
    assert drawn.likelihood.n_faces == pe.N_SAMPLES
    assert drawn.likelihood.mean == pytest.approx(
        sklearn_log_likelihood(drawn.codes, data.training, 0.1).mean(), rel=1e-9
    )
    for (r, c), value in right_correlations(drawn.codes, data.palette).items():
        assert drawn.correlation_map[r, c] == pytest.approx(value, abs=1e-9)
    assert abs(drawn.correlation) < 0.1 < data.correlation  # pixels drawn on their own


def test_a_sample_that_copies_a_training_face_is_counted(data):
    """At α = 0 on a single face the model can only draw that face: every sample copies it."""
    one = dataclasses.replace(data, training=data.training[:1], features=data.features[:1])
    drawn = pe.sample_report(CategoricalNB(0.0).fit(one.training, 256), one, seed=0)
    assert drawn.copies == (pe.N_SHOWN, None)
    np.testing.assert_array_equal(drawn.feature_samples, np.repeat(one.training, pe.N_SHOWN, 0))


def test_the_feature_samples_are_naive_bayes_on_five_features_drawn_as_pixels(data, model):
    drawn = pe.sample_report(model, data, seed=3)
    features = pt.feature_nb_faces(data.features, pe.N_SHOWN, 3, alpha=0.1)
    expected, _ = pixels.make_dataset(wrodl.decode(features))
    np.testing.assert_array_equal(drawn.feature_samples, expected)
    other = pe.sample_report(model, data, seed=4)
    assert (other.codes != drawn.codes).any()
    np.testing.assert_array_equal(pe.sample_report(model, data, seed=3).codes, drawn.codes)
