"""Planet Pixel, measured: why pixel-wise Naive Bayes makes poor faces.

Everything the Planet Pixel page computes lives here, vectorised over pixels and faces:

- the training set: the 50 Wrodlers, topped up with faces drawn from the Naive Bayes model
  fitted to their five features (:func:`training_faces`, :func:`draw_wrodl_faces`), turned
  into pixels in chunks so a caller can show progress (:func:`build_dataset`); held-out faces
  from the same model that are not in the training set (:func:`held_out_faces`);
- our version of the book's Table 1-3 (:func:`table_1_3`);
- how far a sample is from the training set (:func:`pixel_distances`, :func:`nearest`), with
  **distance = the number of pixels whose palette index differs** (a Hamming distance, 0 for
  an exact copy, at most 1,024), and how many samples are exact copies (:func:`count_copies`);
- the average log-likelihood per pixel of a set of faces (:func:`log_likelihood_per_pixel`),
  and how often a sample takes a colour never seen at a pixel (:func:`stray_colour_share`),
  which is what makes samples score lower than the training faces when α > 0;
- where the model is unsure: the entropy of each pixel's colour distribution
  (:func:`entropy_map`), and one pixel's distribution (:func:`pixel_distribution`);
- whether neighbouring pixels go together: for each pair of side-by-side (or stacked) pixel
  positions, the **Pearson correlation, across a set of faces, of the two pixels'
  brightness** (:func:`neighbour_correlation_map`, :func:`neighbour_correlation`). Real faces
  score near 1 (a pixel of hair has hair beside it); Naive Bayes samples score near 0,
  because the model draws every pixel on its own.

Nothing here imports streamlit; the same calls work in a notebook.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gdl_core import pixels, wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.rng import Seed, as_generator, check_count

__all__ = [
    "DATA_SEED",
    "HELD_OUT_SEED",
    "N_PIXELS",
    "SIZE",
    "TABLE_PIXELS",
    "LikelihoodSummary",
    "build_dataset",
    "count_copies",
    "draw_wrodl_faces",
    "entropy_map",
    "feature_nb_faces",
    "held_out_faces",
    "log_likelihood_per_pixel",
    "luminance",
    "nearest",
    "neighbour_correlation",
    "neighbour_correlation_map",
    "pixel_distances",
    "pixel_distribution",
    "pixel_index",
    "pixel_position",
    "pixels_of",
    "stray_colour_share",
    "summarise_log_likelihood",
    "table_1_3",
    "training_faces",
    "training_log_likelihood_per_pixel",
    "wrodl_model",
]

#: Side of a Planet Pixel face, and its number of pixels (the book's 1,024 features).
SIZE = 32
N_PIXELS = SIZE * SIZE

#: The pixel columns of the book's Table 1-3: px_458 ... px_467 (row 14, columns 10-19).
TABLE_PIXELS: tuple[int, ...] = tuple(range(458, 468))

#: Seed of the extra training faces drawn from the Wrodl model (fixed: the data never moves).
DATA_SEED = 2019
#: Seed of the held-out faces: a different stream, so they are new draws.
HELD_OUT_SEED = 1024

# Largest boolean block compared at once by pixel_distances (bytes): stays cache friendly.
_BLOCK_BYTES = 1 << 23


# --- the data -----------------------------------------------------------------------------


def wrodl_model(alpha: float = 0.0) -> CategoricalNB:
    """Naive Bayes fitted to the five features of the 50 Wrodlers (α = 0: the book's MLE)."""
    return CategoricalNB(alpha).fit(wrodl.encode(wrodl.load()), wrodl.N_VALUES)


def draw_wrodl_faces(n: int, seed: Seed, alpha: float = 0.0) -> pd.DataFrame:
    """``n`` new Wrodlers drawn from :func:`wrodl_model`, as a table of the five features."""
    return wrodl.decode(wrodl_model(alpha).sample(check_count(n), seed))


def training_faces(n: int, seed: Seed = DATA_SEED) -> pd.DataFrame:
    """The Planet Pixel training faces as a table of features, ``face_id`` 0..n-1.

    Faces 0-49 are the 50 Wrodlers in their own order (so faces 0-9 are the book's
    Table 1-1), and any beyond 50 are drawn from the Naive Bayes model of their features
    with ``seed``. Asking for fewer than 50 gives the first ``n`` Wrodlers.
    """
    n = check_count(n)
    if n == 0:
        raise ValueError("the training set needs at least one face, got n=0")
    observed = wrodl.load()
    if n <= len(observed):
        faces = observed.iloc[:n].reset_index(drop=True)
    else:
        extra = draw_wrodl_faces(n - len(observed), seed)
        faces = pd.concat([observed.reset_index(drop=True), extra], ignore_index=True)
    faces.index.name = "face_id"
    return faces


def held_out_faces(
    n: int, training: pd.DataFrame, seed: Seed = HELD_OUT_SEED
) -> pd.DataFrame:
    """``n`` faces drawn from the Wrodl model whose combination is **not** in ``training``.

    These are faces Planet Pixel's model never saw: a fair test of how it generalises.
    Raises ``ValueError`` if the model cannot produce ``n`` such faces (``training`` holds
    nearly every combination the model can make).
    """
    n = check_count(n)
    model = wrodl_model()
    rng = as_generator(seed)
    seen = _combination_ids(wrodl.encode(training))
    chosen = np.empty((0, len(wrodl.FEATURES)), dtype=np.int64)
    for _ in range(20):
        draws = model.sample(max(4 * n, 64), rng)
        chosen = np.concatenate([chosen, draws[~np.isin(_combination_ids(draws), seen)]])
        if len(chosen) >= n:
            return wrodl.decode(chosen[:n])
    raise ValueError(
        f"could not find {n} faces outside the training set: the training set already "
        "holds almost every face the Wrodl model can make"
    )


def _combination_ids(codes: np.ndarray) -> np.ndarray:
    """One integer per face (its position in the grid of all 4,032 combinations)."""
    return wrodl.combination_index(codes)


def build_dataset(
    faces: pd.DataFrame,
    size: int = SIZE,
    chunks: int = 20,
    on_progress: Callable[[int, int], object] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`gdl_core.pixels.make_dataset`, done in ``chunks`` steps with progress reports.

    The distinct faces are rendered a chunk at a time and ``on_progress(done, total)`` is
    called after each (``done`` and ``total`` count distinct faces), so a page can move a
    progress bar while a large set is drawn for the first time. The result is identical to
    ``make_dataset(faces, size)``.
    """
    if chunks < 1:
        raise ValueError(f"chunks must be at least 1, got {chunks}")
    table = faces[list(wrodl.FEATURES)].astype(str)
    ids = _combination_ids(wrodl.encode(table))
    _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    order = np.argsort(first)  # distinct faces in first-seen order
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    unique_rows = table.iloc[first[order]]
    parts = []
    total = len(unique_rows)
    bounds = np.linspace(0, total, min(chunks, total) + 1).astype(int)
    palette = None
    for lo, hi in itertools.pairwise(bounds):
        codes, palette = pixels.make_dataset(unique_rows.iloc[lo:hi], size)
        parts.append(codes)
        if on_progress is not None:
            on_progress(int(hi), total)
    unique_codes = np.concatenate(parts)
    return unique_codes[rank[inverse.reshape(-1)]], palette


def table_1_3(
    codes: np.ndarray, faces: Sequence[int] = range(10), columns: Sequence[int] = TABLE_PIXELS
) -> pd.DataFrame:
    """Palette indices of some pixels of some faces, laid out like the book's Table 1-3.

    Rows are ``face_id``, columns ``px_<pixel number>``; pixel numbers count row by row from
    the top-left corner, starting at 0.
    """
    codes = np.asarray(codes)
    faces = list(faces)
    columns = list(columns)
    table = pd.DataFrame(
        codes[np.ix_(faces, columns)].astype(int),
        index=pd.Index(faces, name="face_id"),
        columns=[f"px_{c}" for c in columns],
    )
    return table


def pixel_index(row: int, column: int, size: int = SIZE) -> int:
    """Pixel number of (row, column), counting row by row from 0 at the top-left."""
    if not (0 <= row < size and 0 <= column < size):
        raise ValueError(
            f"row and column must lie between 0 and {size - 1}, got ({row}, {column})"
        )
    return int(row) * size + int(column)


def pixel_position(index: int, size: int = SIZE) -> tuple[int, int]:
    """(row, column) of pixel number ``index``."""
    if not 0 <= index < size * size:
        raise ValueError(f"a pixel number must lie between 0 and {size * size - 1}, got {index}")
    return divmod(int(index), size)


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


def _as_faces(codes: np.ndarray, name: str) -> np.ndarray:
    codes = np.asarray(codes)
    if codes.ndim == 1:
        codes = codes[None, :]
    if codes.ndim != 2:
        raise ValueError(f"{name} must be a table of faces (faces × pixels), got {codes.ndim}-D")
    if codes.size and not np.issubdtype(codes.dtype, np.integer):
        raise ValueError(f"{name} must hold palette indices (whole numbers), got {codes.dtype}")
    return codes


# --- likelihood ---------------------------------------------------------------------------


def log_likelihood_per_pixel(model: CategoricalNB, codes: np.ndarray) -> np.ndarray:
    """log p_model(x) / number of pixels, for each face (natural log; −inf if impossible)."""
    codes = _as_faces(codes, "codes")
    return model.log_prob(codes) / codes.shape[1]


def training_log_likelihood_per_pixel(model: CategoricalNB) -> float:
    """Average of :func:`log_likelihood_per_pixel` over the faces the model was fitted to.

    Computed from the counts alone: summed over the training faces, pixel j contributes
    Σ_c n_jc · log θ_jc, so the average is Σ_j Σ_c n_jc log θ_jc / (N · pixels). This reads a
    1,024 × 256 table instead of N × 1,024 codes, and never meets log 0 (a colour that was
    counted has θ > 0).
    """
    counts = model.counts_
    with np.errstate(divide="ignore"):
        logs = np.where(counts > 0, np.log(np.where(counts > 0, model.theta_, 1.0)), 0.0)
    return float((counts * logs).sum() / (model.n_obs_ * counts.shape[0]))


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


def summarise_log_likelihood(per_pixel: np.ndarray) -> LikelihoodSummary:
    """Summarise the output of :func:`log_likelihood_per_pixel`."""
    per_pixel = np.asarray(per_pixel, dtype=float)
    return LikelihoodSummary(
        mean=float(per_pixel.mean()) if len(per_pixel) else math.nan,
        n_faces=len(per_pixel),
        n_impossible=int((~np.isfinite(per_pixel)).sum()),
    )


# --- where the model is unsure ------------------------------------------------------------


def entropy_map(theta: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Entropy in bits of each pixel's colour distribution θ_j, as a (size, size) picture.

    0 bits: the pixel always has the same colour. 1 bit: as unsure as a coin toss between two
    colours. The most any pixel can reach with 256 colours is 8 bits.
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
    if pal.shape != (pixels.N_COLORS, 3):
        raise ValueError(f"palette must have shape ({pixels.N_COLORS}, 3), got {pal.shape}")
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


def neighbour_correlation(codes: np.ndarray, palette: np.ndarray, size: int = SIZE) -> float:
    """Mean of :func:`neighbour_correlation_map` over every side-by-side and stacked pair in
    which both pixels vary (nan if none does)."""
    right, below = neighbour_correlation_map(codes, palette, size)
    values = np.concatenate([right.ravel(), below.ravel()])
    values = values[np.isfinite(values)]
    return float(values.mean()) if len(values) else math.nan


# --- same model, other representation -----------------------------------------------------


def feature_nb_faces(
    faces: pd.DataFrame | np.ndarray, n: int, seed: Seed, alpha: float = 0.0
) -> np.ndarray:
    """Fit Naive Bayes to the five *features* of ``faces`` and draw ``n`` new faces.

    ``faces`` is a table of faces or their (N, 5) feature codes; the result is (n, 5) codes
    (:func:`gdl_core.wrodl.decode` turns them into a table).
    """
    codes = wrodl.encode(faces) if isinstance(faces, pd.DataFrame) else np.asarray(faces)
    model = CategoricalNB(alpha).fit(codes, wrodl.N_VALUES)
    return model.sample(check_count(n), seed)


def pixels_of(
    feature_codes: np.ndarray, known_features: np.ndarray, known_pixels: np.ndarray
) -> np.ndarray:
    """Pixel rows of faces given by their feature codes, reusing the rows already drawn.

    A face whose features appear in ``known_features`` takes the matching row of
    ``known_pixels`` (every face with the same features has the same picture); only the
    others are drawn with :func:`gdl_core.pixels.make_dataset`. Same result, less work.
    """
    feature_codes = np.asarray(feature_codes)
    wanted = _combination_ids(feature_codes)
    known = _combination_ids(known_features)
    ids, first = np.unique(known, return_index=True)
    position = np.searchsorted(ids, wanted)
    position = np.minimum(position, len(ids) - 1)
    found = ids[position] == wanted
    out = np.empty((len(wanted), known_pixels.shape[1]), dtype=np.uint8)
    out[found] = known_pixels[first[position[found]]]
    if not found.all():
        out[~found], _ = pixels.make_dataset(wrodl.decode(feature_codes[~found]))
    return out
