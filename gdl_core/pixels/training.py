"""Planet Pixel's faces: the training set, the held-out faces, and Table 1-3.

The training set is the 50 Wrodlers, topped up with faces drawn from the Naive Bayes model
fitted to their five features (:func:`training_faces`, :func:`draw_wrodl_faces`), turned
into pixels by :func:`gdl_core.pixels.make_dataset`. Held-out faces
come from the same model but are not in the training set (:func:`held_out_faces`).
:func:`feature_nb_faces` and :func:`pixels_of` give the other representation: Naive Bayes on
the five features, its samples drawn as pixels.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from gdl_core import wrodl
from gdl_core.categorical import match_rows
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels.encoding import make_dataset
from gdl_core.rng import Seed, as_generator, check_count
from gdl_core.wrodl.models import fit

__all__ = [
    "DATA_SEED",
    "HELD_OUT_SEED",
    "TABLE_PIXELS",
    "draw_wrodl_faces",
    "feature_nb_faces",
    "held_out_faces",
    "pixels_of",
    "table_1_3",
    "training_faces",
]

#: The pixel columns of the book's Table 1-3: px_458 ... px_467 (row 14, columns 10-19).
TABLE_PIXELS: tuple[int, ...] = tuple(range(458, 468))

#: Seed of the extra training faces drawn from the Wrodl model (fixed: the data never moves).
DATA_SEED = 2019
#: Seed of the held-out faces: a different stream, so they are new draws.
HELD_OUT_SEED = 1024


def draw_wrodl_faces(n: int, seed: Seed, alpha: float = 0.0) -> pd.DataFrame:
    """``n`` new Wrodlers drawn from Naive Bayes on the 50 Wrodlers' five features (α = 0:
    the book's MLE), as a table of the five features."""
    return wrodl.decode(fit(CategoricalNB, alpha).sample(check_count(n), seed))


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
    model = fit(CategoricalNB, 0.0)
    rng = as_generator(seed)
    seen = wrodl.combination_index(wrodl.encode(training))
    chosen = np.empty((0, len(wrodl.FEATURES)), dtype=np.int64)
    for _ in range(20):
        draws = model.sample(max(4 * n, 64), rng)
        new = ~np.isin(wrodl.combination_index(draws), seen)
        chosen = np.concatenate([chosen, draws[new]])
        if len(chosen) >= n:
            return wrodl.decode(chosen[:n])
    raise ValueError(
        f"could not find {n} faces outside the training set: the training set already "
        "holds almost every face the Wrodl model can make"
    )


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
    return pd.DataFrame(
        codes[np.ix_(faces, columns)].astype(int),
        index=pd.Index(faces, name="face_id"),
        columns=[f"px_{c}" for c in columns],
    )


def feature_nb_faces(features: np.ndarray, n: int, seed: Seed, alpha: float = 0.0) -> np.ndarray:
    """Fit Naive Bayes to the (N, 5) feature codes of some faces and draw ``n`` new faces.

    The result is (n, 5) codes (:func:`gdl_core.wrodl.decode` turns them into a table).
    """
    model = CategoricalNB(alpha).fit(features, wrodl.N_VALUES)
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
    row = match_rows(feature_codes, known_features)
    found = row >= 0
    out = np.empty((len(feature_codes), np.shape(known_pixels)[1]), dtype=np.uint8)
    out[found] = known_pixels[row[found]]
    if not found.all():
        out[~found], _ = make_dataset(wrodl.decode(feature_codes[~found]))
    return out
