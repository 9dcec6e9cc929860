"""Why the latent route works and the pixel route does not, measured.

Two models learn from the same training tins. Naive Bayes on the pixels (quantised to
``LEVELS`` grey levels) draws every pixel on its own; a Gaussian on the latent points
(maximum likelihood: the mean and the covariance with divisor n) draws a new (height, width)
and hands it to f. For each sample two numbers say what it is:

* its distance to the nearest picture f can draw at all (a root-mean-square difference in
  grey levels 0–255, searched over the whole latent range): large for noise, zero for a
  picture of a tin;
* its distance to the nearest training tin: zero would mean a copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from gdl_core.naive_bayes import CategoricalNB
from gdl_core.rng import Seed, as_generator, check_count
from gdl_core.tins.dataset import Tins
from gdl_core.tins.decoder import HEIGHT_RANGE, WIDTH_RANGE, draw_many

__all__ = [
    "LEVELS", "Gaussian", "Samples", "latent_samples", "learned_samples", "nearest_drawable",
    "nearest_training", "pixel_samples", "quantise",
]

LEVELS = 16
GRID_STEP = 0.25  # cm between the pictures of the coarse search; refined to REFINE_STEP
REFINE_STEP = 0.01


def quantise(pictures: np.ndarray) -> np.ndarray:
    """Grey values in [0, 1] as codes 0 … LEVELS − 1, one row of pixels per picture."""
    pictures = np.asarray(pictures, dtype=float)
    return np.rint(pictures.reshape(len(pictures), -1) * (LEVELS - 1)).astype(np.int64)


def rms_grey_levels(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Root-mean-square difference of pictures in grey levels 0–255 (broadcast over rows)."""
    return np.sqrt(np.mean((a - b) ** 2, axis=-1)) * 255


@cache
def _grid(step: float) -> tuple[np.ndarray, np.ndarray]:
    heights = np.arange(HEIGHT_RANGE[0], HEIGHT_RANGE[1] + step / 2, step)
    widths = np.arange(WIDTH_RANGE[0], WIDTH_RANGE[1] + step / 2, step)
    z = np.array([(h, w) for h in heights for w in widths])
    return z, draw_many(z).reshape(len(z), -1)


def _squared_distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """‖aᵢ − bⱼ‖² for every row of ``a`` and of ``b``, as |a|² + |b|² − 2 a·b (one matrix
    product instead of an (n, m, 1,024) array of differences)."""
    return np.maximum(
        (a**2).sum(axis=1)[:, None] + (b**2).sum(axis=1)[None, :] - 2.0 * a @ b.T, 0.0
    )


def _in_range(z: np.ndarray) -> np.ndarray:
    return z[(z[:, 0] >= HEIGHT_RANGE[0]) & (z[:, 0] <= HEIGHT_RANGE[1])
             & (z[:, 1] >= WIDTH_RANGE[0]) & (z[:, 1] <= WIDTH_RANGE[1])]


def nearest_drawable(pictures) -> tuple[np.ndarray, np.ndarray]:
    """For each picture, the latent point whose f(z) is nearest and that distance (grey
    levels, RMS): a coarse search over every height and width f can draw, then finer
    searches around the best point (steps of 0.05 cm, then 0.01 cm)."""
    pictures = np.asarray(pictures, dtype=float).reshape(len(pictures), -1)
    coarse_z, coarse = _grid(GRID_STEP)
    best = coarse_z[np.argmin(_squared_distances(pictures, coarse), axis=1)]
    distances = np.empty(len(pictures))
    for step, reach in ((0.05, GRID_STEP), (REFINE_STEP, 0.05)):
        offsets = np.arange(-reach, reach + step / 2, step)
        for i, (picture, (h, w)) in enumerate(zip(pictures, best, strict=True)):
            z = _in_range(np.array([(h + dh, w + dw) for dh in offsets for dw in offsets]))
            distance = rms_grey_levels(draw_many(z).reshape(len(z), -1), picture)
            best[i], distances[i] = z[np.argmin(distance)], distance.min()
    return best, distances


def nearest_training(pictures, training: Tins) -> tuple[np.ndarray, np.ndarray]:
    """For each picture, the index of the nearest training tin and that distance (grey
    levels, RMS)."""
    pictures = np.asarray(pictures, dtype=float).reshape(len(pictures), -1)
    squared = _squared_distances(pictures, training.pixels)
    nearest = squared.argmin(axis=1)
    return nearest, rms_grey_levels(pictures, training.pixels[nearest])


@dataclass(frozen=True, eq=False)
class Gaussian:
    """A Gaussian in the latent plane, fitted by maximum likelihood (covariance divisor n)."""

    mean: np.ndarray
    covariance: np.ndarray

    @classmethod
    def fit(cls, z) -> Gaussian:
        """The mean of the rows of ``z`` and their covariance with divisor n."""
        z = np.asarray(z, dtype=float)
        return cls(z.mean(axis=0), np.cov(z, rowvar=False, bias=True))

    def sample(self, n: int, seed: Seed) -> np.ndarray:
        """``n`` latent points, each kept inside the range f can draw (clipped at its edge)."""
        z = as_generator(seed).multivariate_normal(self.mean, self.covariance, check_count(n))
        return np.column_stack([np.clip(z[:, 0], *HEIGHT_RANGE), np.clip(z[:, 1], *WIDTH_RANGE)])


@dataclass(frozen=True, eq=False)
class Samples:
    """Pictures a model drew (n, 32, 32), with the two distances of the module docstring
    and the nearest training tin of each."""

    pictures: np.ndarray
    to_drawable: np.ndarray
    nearest: np.ndarray
    to_training: np.ndarray

    @classmethod
    def judge(cls, pictures: np.ndarray, training: Tins) -> Samples:
        nearest, to_training = nearest_training(pictures, training)
        return cls(pictures, nearest_drawable(pictures)[1], nearest, to_training)


def pixel_samples(training: Tins, n: int, seed: Seed, alpha: float = 0.0) -> Samples:
    """``n`` tins from Naive Bayes on the training tins' quantised pixels."""
    model = CategoricalNB(alpha).fit(quantise(training.pictures), LEVELS)
    codes = model.sample(n, seed)
    return Samples.judge(codes.reshape(n, 32, 32) / (LEVELS - 1), training)


def learned_samples(training: Tins, pca, k: int, n: int, seed: Seed) -> np.ndarray:
    """``n`` tins made by PCA alone: a Gaussian fitted (maximum likelihood) to the training
    tins' first ``k`` learned coordinates, sampled, and mapped back to pixels by PCA's
    linear map (grey values clipped to [0, 1]), as (n, 32, 32)."""
    coordinates = pca.transform(training.pixels, k)
    gaussian = Gaussian.fit(coordinates)
    new = as_generator(seed).multivariate_normal(
        gaussian.mean, np.atleast_2d(gaussian.covariance), check_count(n)
    )
    return np.clip(pca.inverse_transform(new), 0.0, 1.0).reshape(n, 32, 32)


def latent_samples(training: Tins, n: int, seed: Seed) -> tuple[np.ndarray, Samples]:
    """``n`` latent points from the Gaussian fitted to the training tins' z, and f of them."""
    z = Gaussian.fit(training.z).sample(n, seed)
    return z, Samples.judge(draw_many(z), training)
