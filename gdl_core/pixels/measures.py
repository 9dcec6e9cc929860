"""Planet Pixel, measured: why pixel-wise Naive Bayes makes poor faces.

Vectorised over pixels and faces:

- how far a sample is from the training set (:func:`pixel_distances`, :func:`nearest`), with
  **distance = the number of pixels whose palette index differs** (a Hamming distance, 0 for
  an exact copy, at most 1,024), and how many samples are exact copies (:func:`count_copies`);
- the average log-likelihood per pixel of a set of faces (:func:`log_likelihood_per_pixel`,
  :func:`summarise_log_likelihood`, :func:`training_likelihood`), and how often a sample
  takes a colour never seen at a pixel (:func:`stray_colour_share`), which is what makes
  samples score lower than the training faces when α > 0;
- where the model is unsure: the entropy of each pixel's colour distribution
  (:func:`entropy_map`), and one pixel's distribution (:func:`pixel_distribution`);
- whether neighbouring pixels go together: for each pair of side-by-side (or stacked) pixel
  positions, the **Pearson correlation, across a set of faces, of the two pixels'
  brightness** (:func:`neighbour_correlation_map`, :func:`neighbour_correlation`). Real faces
  score near 1 (a pixel of hair has hair beside it); Naive Bayes samples score near 0,
  because the model draws every pixel on its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels.encoding import N_COLORS, SIZE

__all__ = [
    "LikelihoodSummary",
    "count_copies",
    "entropy_map",
    "log_likelihood_per_pixel",
    "luminance",
    "nearest",
    "neighbour_correlation",
    "neighbour_correlation_map",
    "pixel_distances",
    "pixel_distribution",
    "stray_colour_share",
    "summarise_log_likelihood",
    "training_likelihood",
]

# Largest boolean block compared at once by pixel_distances (bytes): stays cache friendly.
_BLOCK_BYTES = 1 << 23


def _as_faces(codes: np.ndarray, name: str) -> np.ndarray:
    codes = np.asarray(codes)
    if codes.ndim == 1:
        codes = codes[None, :]
    if codes.ndim != 2:
        raise ValueError(f"{name} must be a table of faces (faces × pixels), got {codes.ndim}-D")
    if codes.size and not np.issubdtype(codes.dtype, np.integer):
        raise ValueError(f"{name} must hold palette indices (whole numbers), got {codes.dtype}")
    return codes


# --- distance to the training set ---------------------------------------------------------


def pixel_distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Number of pixels whose palette index differs, for every face of ``a`` against ``b``.

    ``a`` is (M, P) and ``b`` is (N, P) palette indices; the result is (M, N) ints between
    0 (identical faces) and P. Computed as one broadcast comparison per block of ``b``.
    """
    a = _as_faces(a, "a")
    b = _as_faces(b, "b")
    if a.shape[1] != b.shape[1]:
        raise ValueError(
            f"faces must have the same number of pixels, got {a.shape[1]} and {b.shape[1]}"
        )
    out = np.empty((len(a), len(b)), dtype=np.int32)
    if not a.size or not b.size:
        return out
    rows = max(1, _BLOCK_BYTES // max(1, a.shape[0] * a.shape[1]))
    for start in range(0, len(b), rows):
        block = b[start : start + rows]
        differs = a[:, None, :] != block[None, :, :]
        out[:, start : start + len(block)] = differs.view(np.uint8).sum(axis=2, dtype=np.int32)
    return out


def nearest(samples: np.ndarray, training: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each sample, the training face with the fewest differing pixels.

    Returns ``(index, distance)``: the row of ``training`` (the first on a tie) and the
    number of pixels in which it differs from the sample.
    """
    distances = pixel_distances(samples, training)
    if distances.shape[1] == 0:
        raise ValueError("the training set is empty: there is no nearest face")
    index = distances.argmin(axis=1)
    return index, distances[np.arange(len(index)), index]


def count_copies(distance: np.ndarray) -> tuple[int, int | None]:
    """How many samples copy a training face exactly, and how close the others come.

    ``distance`` is the second result of :func:`nearest`. Returns ``(n_copies, closest)``:
    the number of samples at distance 0, and the fewest pixels in which any other sample
    differs from its nearest training face (``None`` when there is no other sample).
    """
    distance = np.asarray(distance)
    copies = distance == 0
    return int(copies.sum()), int(distance[~copies].min()) if (~copies).any() else None


# --- likelihood ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LikelihoodSummary:
    """Average log-likelihood per pixel of a set of faces, and how many were impossible."""

    mean: float  # over all faces: −inf as soon as one face has probability 0
    n_faces: int
    n_impossible: int

    @property
    def colours_per_pixel(self) -> float:
        """exp(−mean): as unsure as a fair choice among this many colours at every pixel."""
        return math.exp(-self.mean) if math.isfinite(self.mean) else math.inf


def log_likelihood_per_pixel(model: CategoricalNB, codes: np.ndarray) -> np.ndarray:
    """log p_model(x) / number of pixels, for each face (natural log; −inf if impossible)."""
    codes = _as_faces(codes, "codes")
    return model.log_prob(codes) / codes.shape[1]


def summarise_log_likelihood(per_pixel: np.ndarray) -> LikelihoodSummary:
    """Summarise the output of :func:`log_likelihood_per_pixel`."""
    per_pixel = np.asarray(per_pixel, dtype=float)
    return LikelihoodSummary(
        mean=float(per_pixel.mean()) if len(per_pixel) else math.nan,
        n_faces=len(per_pixel),
        n_impossible=int((~np.isfinite(per_pixel)).sum()),
    )


def training_likelihood(model: CategoricalNB) -> LikelihoodSummary:
    """:func:`summarise_log_likelihood` of the faces the model was fitted to, from its counts.

    Summed over the N training faces, pixel j contributes Σ_c n_jc · log θ_jc, so the mean is
    Σ_j Σ_c n_jc log θ_jc / (N · pixels): one pass over a 1,024 × 256 table instead of
    N × 1,024 codes. No training face is impossible: a colour that was counted has θ > 0.
    """
    counts = model.counts_
    with np.errstate(divide="ignore"):
        logs = np.where(counts > 0, np.log(np.where(counts > 0, model.theta_, 1.0)), 0.0)
    mean = float((counts * logs).sum() / (model.n_obs_ * counts.shape[0]))
    return LikelihoodSummary(mean=mean, n_faces=model.n_obs_, n_impossible=0)


def stray_colour_share(model: CategoricalNB) -> float:
    """Expected share of a sample's pixels that take a colour never seen at that pixel in
    the training faces: the probability θ gives to unseen colours, averaged over pixels.

    It is 0 with α = 0, and then the samples' average log-likelihood per pixel equals, in
    expectation, that of the training faces (each pixel is drawn in the training
    proportions). With α > 0 it is above 0 and the samples score no higher in expectation
    (in practice lower, the more so the larger the share): their
    average is −H(θ), the training faces' is −Σ (n/N) log θ, and since smoothing moves
    θ from the counts towards uniform, the gap Σ (n/N − θ) log θ is never negative.
    """
    unseen = np.where(model.counts_ == 0, model.theta_, 0.0)
    return float(unseen.sum(axis=1).mean())


# --- where the model is unsure ------------------------------------------------------------


def entropy_map(theta: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Entropy in bits of each pixel's colour distribution θ_j, as a (size, size) picture.

    H_j = −Σ_c θ_jc log₂ θ_jc. 0 bits: the pixel always has the same colour. 1 bit: as unsure
    as a coin toss between two colours. The most any pixel can reach with 256 colours is 8.
    """
    theta = np.asarray(theta, dtype=float)
    if theta.ndim != 2 or theta.shape[0] != size * size:
        raise ValueError(
            f"theta must have one row per pixel ({size * size}), got shape {theta.shape}"
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(theta > 0, theta * np.log2(theta), 0.0)
    return np.maximum(-terms.sum(axis=1), 0.0).reshape(size, size)


def pixel_distribution(model: CategoricalNB, pixel: int) -> pd.DataFrame:
    """How often each colour occurs at one pixel in the training data, and the model's θ.

    One row per colour seen there (most frequent first), with columns ``colour`` (palette
    index), ``count``, ``share`` (count / N) and ``theta`` (the fitted θ, which includes the
    pseudocount). ``attrs["unseen_theta"]`` is the probability the model gives, in total, to
    the colours never seen at this pixel, and ``attrs["n_unseen"]`` how many there are.
    """
    n_pixels = model.counts_.shape[0]
    if not 0 <= int(pixel) < n_pixels:
        raise ValueError(f"a pixel number must lie between 0 and {n_pixels - 1}, got {pixel}")
    counts = model.counts_[pixel]
    theta = model.theta_[pixel]
    seen = np.flatnonzero(counts > 0)
    seen = seen[np.lexsort((seen, -counts[seen]))]
    table = pd.DataFrame(
        {
            "colour": seen,
            "count": counts[seen].astype(int),
            "share": counts[seen] / model.n_obs_,
            "theta": theta[seen],
        }
    )
    n_values = int(model.n_values_[pixel])
    table.attrs["unseen_theta"] = float(theta[:n_values].sum() - theta[seen].sum())
    table.attrs["n_unseen"] = n_values - len(seen)
    return table


# --- do neighbouring pixels go together? --------------------------------------------------


def luminance(codes: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Brightness 0-1 of every pixel (Rec. 601 weights of the palette colour), same shape."""
    pal = np.asarray(palette, dtype=float)
    if pal.shape != (N_COLORS, 3):
        raise ValueError(f"palette must have shape ({N_COLORS}, 3), got {pal.shape}")
    grey = pal @ np.array([0.299, 0.587, 0.114]) / 255.0
    return grey[np.asarray(codes, dtype=np.intp)]


def _pair_correlation(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Pearson correlation over axis 0 for every position; nan where x or y is constant."""
    x = x - x.mean(axis=0)
    y = y - y.mean(axis=0)
    sxx = (x * x).sum(axis=0)
    syy = (y * y).sum(axis=0)
    sxy = (x * y).sum(axis=0)
    varies = (sxx > 1e-12) & (syy > 1e-12)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(varies, sxy / np.sqrt(sxx * syy), np.nan)


def neighbour_correlation_map(
    codes: np.ndarray, palette: np.ndarray, size: int = SIZE
) -> tuple[np.ndarray, np.ndarray]:
    """Correlation, across the faces, between each pixel's brightness and its neighbour's.

    Returns ``(right, below)``: ``right[r, c]`` pairs pixel (r, c) with (r, c + 1), shape
    (size, size − 1); ``below[r, c]`` pairs (r, c) with (r + 1, c), shape (size − 1, size).
    A position where either pixel has the same brightness in every face has no correlation
    and is nan. Needs at least two faces.
    """
    codes = _as_faces(codes, "codes")
    if codes.shape[1] != size * size:
        raise ValueError(f"faces must have {size * size} pixels, got {codes.shape[1]}")
    if len(codes) < 2:
        raise ValueError("a correlation needs at least two faces")
    grey = luminance(codes, palette).reshape(-1, size, size)
    right = _pair_correlation(grey[:, :, :-1], grey[:, :, 1:])
    below = _pair_correlation(grey[:, :-1, :], grey[:, 1:, :])
    return right, below


def neighbour_correlation(right: np.ndarray, below: np.ndarray) -> float:
    """Mean of the two maps of :func:`neighbour_correlation_map` over every side-by-side and
    stacked pair in which both pixels vary (nan if none does)."""
    values = np.concatenate([np.ravel(right), np.ravel(below)])
    values = values[np.isfinite(values)]
    return float(values.mean()) if len(values) else math.nan
