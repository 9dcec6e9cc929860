"""The biscuit tins: f draws what z says, PCA matches scikit-learn, and the two routes to
new tins are told apart by the measures the page shows."""

import itertools

import numpy as np
import pytest
from sklearn.covariance import EmpiricalCovariance
from sklearn.decomposition import PCA as SklearnPCA

from gdl_core.tins import (
    PCA,
    Gaussian,
    draw,
    draw_many,
    latent_samples,
    pixel_samples,
    training_tins,
)
from gdl_core.tins.comparison import nearest_drawable, nearest_training
from gdl_core.tins.decoder import PX_PER_CM


def measured(picture: np.ndarray) -> tuple[float, float]:
    """(height, width) in cm read off a picture, to the pixel: the run of tin down the middle
    column and across the body's middle row, a pixel counting as tin when it is visibly
    darker than the background in the top-left corner (so an edge pixel covered by more
    than a sliver counts whole: a width reads up to a pixel long at each end)."""
    tin = picture < picture[0, 0] - 0.05
    column = tin[:, picture.shape[1] // 2]
    rows = np.flatnonzero(column)
    body_row = rows.max() - 1  # just above the floor: body only, no lid
    return column.sum() / PX_PER_CM, tin[body_row].sum() / PX_PER_CM


def test_f_is_deterministic_and_draws_grey_values():
    first, again = draw(9.3, 6.1), draw(9.3, 6.1)
    np.testing.assert_array_equal(first, again)
    assert first.shape == (32, 32) and 0 <= first.min() < first.max() <= 1


@pytest.mark.parametrize("width", [3.0, 7.5, 12.0])
def test_a_taller_z_gives_a_taller_tin_and_the_same_width(width):
    heights = np.arange(3.0, 14.0, 1.0)
    sizes = [measured(draw(h, width)) for h in heights]
    drawn_heights = [h for h, _ in sizes]
    assert all(b > a for a, b in itertools.pairwise(drawn_heights))
    # One cm taller is two pixels taller, and the width does not move.
    assert np.allclose(np.diff(drawn_heights), 1.0, atol=0.5)
    assert len({w for _, w in sizes}) == 1
    assert -0.1 <= sizes[0][1] - width <= 1


def test_a_small_step_in_z_is_a_small_change_in_the_picture():
    step = np.abs(draw(8.0, 6.0) - draw(8.02, 6.0)).max()
    jump = np.abs(draw(8.0, 6.0) - draw(9.0, 6.0)).max()
    assert step < 0.1 < jump


@pytest.mark.parametrize("z", [[[1.0, 5.0]], [[5.0, 20.0]], [[np.nan, 5.0]], [5.0, 5.0]])
def test_f_refuses_what_it_cannot_draw(z):
    with pytest.raises(ValueError, match=r"height|width|pairs"):
        draw_many(z)


def test_pca_matches_scikit_learn():
    pixels = training_tins(60, 1).pixels
    ours, theirs = PCA().fit(pixels), SklearnPCA(svd_solver="full").fit(pixels)
    np.testing.assert_allclose(ours.explained_variance_ratio_, theirs.explained_variance_ratio_,
                               atol=1e-10)
    for k in (1, 2, 5, 10):
        reference = SklearnPCA(n_components=k, svd_solver="full").fit(pixels)
        np.testing.assert_allclose(ours.reconstruct(pixels, k),
                                   reference.inverse_transform(reference.transform(pixels)),
                                   atol=1e-9)


def test_reconstruction_error_falls_as_k_grows_and_is_the_truncated_svd():
    pixels = training_tins(60, 2).pixels
    pca = PCA().fit(pixels)
    errors = [((pca.reconstruct(pixels, k) - pixels) ** 2).sum() for k in range(1, 11)]
    assert all(b < a for a, b in itertools.pairwise(errors))
    # The best rank-k fit of the centred data (Eckart–Young): the sum of the squared
    # singular values left out.
    singular = np.linalg.svd(pixels - pixels.mean(axis=0), compute_uv=False)
    np.testing.assert_allclose(errors, [(singular[k:] ** 2).sum() for k in range(1, 11)],
                               rtol=1e-9)


def test_the_latent_gaussian_is_the_maximum_likelihood_fit():
    z = training_tins(60, 3).z
    gaussian = Gaussian.fit(z)
    reference = EmpiricalCovariance().fit(z)
    np.testing.assert_allclose(gaussian.mean, reference.location_)
    np.testing.assert_allclose(gaussian.covariance, reference.covariance_)


def test_latent_samples_are_new_tins_and_pixel_samples_are_noise():
    training = training_tins()
    z, latent = latent_samples(training, 10, seed=4)
    pixel = pixel_samples(training, 10, seed=4)
    for picture, (height, width) in zip(latent.pictures, z, strict=True):
        drawn_height, drawn_width = measured(picture)
        assert abs(drawn_height - height) <= 1 and -0.1 <= drawn_width - width <= 1
    assert latent.to_drawable.max() < 1  # grey levels: a tin f can draw
    assert latent.to_training.min() > 1  # and not one of the training tins
    assert pixel.to_drawable.min() > 20  # no tin f could draw looks like these


def test_the_nearest_drawable_tin_of_a_drawn_tin_is_itself():
    z = np.array([[4.2, 11.7], [12.9, 3.3]])
    found, distance = nearest_drawable(draw_many(z))
    np.testing.assert_allclose(found, z, atol=0.02)
    assert distance.max() < 1


def test_a_training_tin_is_nearest_to_itself():
    training = training_tins(30, 5)
    nearest, distance = nearest_training(training.pictures[[7, 3]], training)
    assert nearest.tolist() == [7, 3] and distance.tolist() == [0.0, 0.0]


def test_halfway_in_pixels_is_a_double_exposure_and_in_features_a_real_face():
    from gdl_core import avatars, halfway, wrodl

    faces = wrodl.load()
    a, b = (faces.loc[i].astype(str).to_dict() for i in (0, 1))
    ghost = np.asarray(halfway.in_pixels(a, b, 64), dtype=float)
    drawn_a = np.asarray(avatars.render(a, 64), dtype=float)
    drawn_b = np.asarray(avatars.render(b, 64), dtype=float)
    np.testing.assert_allclose(ghost, (drawn_a + drawn_b) / 2, atol=1)
    middle = halfway.in_features(a, b)
    assert all(middle[name] in (a[name], b[name]) for name in wrodl.FEATURES)
    assert {name for name in wrodl.FEATURES if middle[name] == a[name]} >= set(
        list(wrodl.FEATURES)[:3])
    # Where the two faces differ, the double exposure matches neither of them.
    differ = np.abs(drawn_a - drawn_b).max(axis=-1) > 40
    assert differ.sum() > 100
    assert (np.abs(ghost - drawn_a).max(axis=-1)[differ] > 10).all()


def test_the_latent_plane_for_a_notebook_puts_width_across_and_rings_the_picked_point():
    from gdl_core.tins.figures import latent_figure

    z = np.array([[5.0, 4.0], [13.0, 11.0], [9.0, 6.5]])  # (height, width) per tin
    fig = latent_figure(z, picked=(10.0, 7.0), taller=(11.0, 7.0))
    points, ring = fig.data
    assert list(points.x) == [4.0, 11.0, 6.5] and list(points.y) == [5.0, 13.0, 9.0]
    assert (ring.x, ring.y) == ((7.0,), (10.0,))
    (arrow,) = fig.layout.annotations
    assert (arrow.ax, arrow.ay, arrow.x, arrow.y) == (7.0, 10.0, 7.0, 11.0)
    assert len(latent_figure(z).data) == 1 and not latent_figure(z).layout.annotations
