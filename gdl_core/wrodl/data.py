"""Planet Wrodl: 50 faces, each described by five categorical features.

The book (*Generative Deep Learning*, Chapter 1) prints only part of this dataset: the
first 10 rows (Table 1-1), how often each value of each feature occurs over all 50 rows
(Table 1-2), and two facts about whole faces ("combination 1" occurs twice, "combination 2"
never). The other 40 rows were never published, so ``gdl_core/data/wrodl.csv`` is a
**reconstruction** made by ``scripts/build_wrodl.py``. It matches every published fact
exactly, and its remaining 40 rows are arranged so the five features are close to
independent, as the book says they are. Any number the chapter derives from the published
facts (the 23 Naive Bayes parameters, p(combination 1) ≈ 0.0054, ...) comes out the same.

A face is stored either as strings (a :func:`load` DataFrame) or as integer codes: the
code of a value is its position in ``FEATURES[feature]``, so a face is a row of 5 ints and
the sample space is the grid of ``3 × 8 × 4 × 6 × 7 = 4032`` code rows.
:func:`training_codes` holds the 50 faces as codes, :func:`face_tuples` and :func:`describe`
turn codes back into values for pictures and tables, and :func:`twins` finds the faces
that occur more than once.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from gdl_core import data

FEATURES: dict[str, tuple[str, ...]] = {
    "accessoriesType": ("Blank", "Round", "Sunglasses"),
    "clothingColor": (
        "Black", "Blue01", "Gray01", "PastelGreen", "PastelOrange", "Pink", "Red", "White",
    ),
    "clothingType": ("Hoodie", "Overall", "ShirtScoopNeck", "ShirtVNeck"),
    "hairColor": ("Black", "Blonde", "Brown", "PastelPink", "Red", "SilverGray"),
    "topType": (
        "NoHair", "LongHairBun", "LongHairCurly", "LongHairStraight",
        "ShortHairShortWaved", "ShortHairShortFlat", "ShortHairFrizzle",
    ),
}

#: The worked example's order of the features: p(LongHairStraight, Red, Round, ...).
EXAMPLE_ORDER: tuple[str, ...] = (
    "topType", "hairColor", "accessoriesType", "clothingType", "clothingColor",
)

#: The order of the features in the book's Table 1-2.
TABLE_ORDER: tuple[str, ...] = (
    "topType", "hairColor", "clothingColor", "accessoriesType", "clothingType",
)

#: L_k, the number of values of each feature, in FEATURES order: (3, 8, 4, 6, 7).
N_VALUES: tuple[int, ...] = tuple(len(values) for values in FEATURES.values())

#: d = Π_k L_k, the size of the sample space: 4032 possible faces.
N_COMBINATIONS: int = math.prod(N_VALUES)

#: The face the book's worked example scores; it occurs twice in the 50 (row 3 is one).
COMBINATION_1: dict[str, str] = {
    "accessoriesType": "Round",
    "clothingColor": "White",
    "clothingType": "ShirtScoopNeck",
    "hairColor": "Red",
    "topType": "LongHairStraight",
}

#: The same face in Blue01 clothing; it never occurs in the 50.
COMBINATION_2: dict[str, str] = {**COMBINATION_1, "clothingColor": "Blue01"}

#: The committed table of the 50 faces (provenance: ``gdl_core/data/README.md``).
CSV_PATH = data.path("wrodl.csv")


@functools.cache
def _load_cached() -> pd.DataFrame:
    with CSV_PATH.open(newline="") as file:
        table = pd.read_csv(file, index_col="face_id", dtype=str)
    table.index = table.index.astype(np.int64)
    faces = pd.DataFrame(
        {feature: pd.Categorical(table[feature], categories=values)
         for feature, values in FEATURES.items()},
        index=table.index,
    )
    faces.index.name = "face_id"
    if faces.isna().any(axis=None):
        raise ValueError(f"{CSV_PATH} holds a value outside the Wrodl vocabulary")
    return faces


def load() -> pd.DataFrame:
    """The 50 Wrodlers: index ``face_id`` 0..49, one Categorical column per feature.

    Each column's categories are the feature's full vocabulary in ``FEATURES`` order, so a
    value that never occurs (LongHairBun, Black clothing) is still a category with count 0.
    The result is a fresh copy: changing it does not change what the next call returns.
    """
    return _load_cached().copy()


def encode(faces: pd.DataFrame | Mapping[str, str]) -> np.ndarray:
    """Integer codes of faces: an (N, 5) int64 array, column k = position in FEATURES[k].

    ``faces`` is a DataFrame with (at least) the five feature columns, as strings or
    Categoricals, or one face as a mapping feature -> value (giving shape (1, 5)).
    """
    if isinstance(faces, Mapping):
        faces = pd.DataFrame([dict(faces)])
    if not isinstance(faces, pd.DataFrame):
        raise ValueError(f"encode expects a DataFrame of faces, got {type(faces).__name__}")
    missing = [feature for feature in FEATURES if feature not in faces.columns]
    if missing:
        raise ValueError(f"the faces have no column for {', '.join(missing)}")
    codes = np.empty((len(faces), len(FEATURES)), dtype=np.int64)
    for k, (feature, values) in enumerate(FEATURES.items()):
        column = np.asarray(faces[feature], dtype=object)
        codes[:, k] = pd.Index(values).get_indexer(column)  # -1 where not in the vocabulary
        unknown = np.flatnonzero(codes[:, k] < 0)
        if unknown.size:
            raise ValueError(
                f"column {feature!r} has the value {column[unknown[0]]!r}, which is not one "
                f"of its {len(values)} values: {', '.join(values)}"
            )
    return codes


def decode(codes: np.ndarray) -> pd.DataFrame:
    """Faces from integer codes: the inverse of :func:`encode`.

    ``codes`` is an (N, 5) array of whole numbers with 0 ≤ codes[:, k] < L_k. The result
    has a plain 0..N-1 index and one Categorical column per feature (full vocabulary).
    """
    codes = np.asarray(codes)
    if codes.ndim != 2 or codes.shape[1] != len(FEATURES):
        raise ValueError(
            f"codes must be a table with {len(FEATURES)} columns (one per feature), "
            f"got shape {codes.shape}"
        )
    if codes.size and codes.dtype.kind not in "iu":
        raise ValueError(f"codes must be whole numbers, got dtype {codes.dtype}")
    codes = codes.astype(np.int64)
    bad = np.argwhere((codes < 0) | (codes >= np.array(N_VALUES)))
    if bad.size:
        row, k = bad[0]
        feature = list(FEATURES)[k]
        raise ValueError(
            f"code {codes[row, k]} in row {row} is not a {feature} code: "
            f"it must be between 0 and {N_VALUES[k] - 1}"
        )
    return pd.DataFrame({
        feature: pd.Categorical.from_codes(codes[:, k], categories=values)
        for k, (feature, values) in enumerate(FEATURES.items())
    })


def all_combinations() -> np.ndarray:
    """Every possible face as codes: a (4032, 5) int64 array, each row once.

    Rows are in lexicographic order (the last feature changes fastest), i.e. the
    Cartesian product of range(L_1) × ... × range(L_5).
    """
    return np.indices(N_VALUES).reshape(len(N_VALUES), -1).T.astype(np.int64)


def combination_index(codes: np.ndarray) -> np.ndarray:
    """The row's position in :func:`all_combinations` order (0 … 4031) for each face.

    ``codes`` is an (N, 5) code table (as from :func:`encode`) and gives N positions; one
    face as 5 codes gives a single position.
    """
    codes = np.asarray(codes)
    if codes.ndim not in (1, 2) or codes.shape[-1] != len(FEATURES):
        raise ValueError(
            f"codes must be one face of {len(FEATURES)} codes or a table with "
            f"{len(FEATURES)} columns, got shape {codes.shape}"
        )
    if codes.size and codes.dtype.kind not in "iu":
        raise ValueError(f"codes must be whole numbers, got dtype {codes.dtype}")
    if np.any((codes < 0) | (codes >= np.array(N_VALUES))):
        raise ValueError(f"codes must be between 0 and L_k − 1 for L = {N_VALUES}")
    return np.ravel_multi_index(codes.astype(np.int64, copy=False).T, N_VALUES)


@functools.cache
def training_codes() -> np.ndarray:
    """The 50 faces as codes: ``encode(load())``, an (50, 5) int64 array, read-only."""
    codes = encode(_load_cached())
    codes.flags.writeable = False
    return codes


def twins(face_id: int) -> tuple[int, ...]:
    """The face_ids of every face identical to face ``face_id`` in all five features, in
    order and ``face_id`` itself included: ``twins(3) == (3, i)`` for combination 1."""
    codes = training_codes()
    if not 0 <= face_id < len(codes):
        raise ValueError(f"face_id must be between 0 and {len(codes) - 1}, got {face_id}")
    return tuple(np.flatnonzero((codes == codes[face_id]).all(axis=1)).tolist())


def face_tuples(codes: np.ndarray) -> list[tuple[str, ...]]:
    """Each code row as its five values in FEATURES order (the key of a rendered avatar)."""
    vocab = list(FEATURES.values())
    return [tuple(vocab[k][c] for k, c in enumerate(row)) for row in np.asarray(codes).tolist()]


def describe(codes: np.ndarray, order: tuple[str, ...] = EXAMPLE_ORDER) -> list[str]:
    """Each code row as text, its values in ``order`` joined by commas:
    "LongHairStraight, Red, Round, ShirtScoopNeck, White" for combination 1."""
    position = [list(FEATURES).index(feature) for feature in order]
    return [", ".join(face[k] for k in position) for face in face_tuples(codes)]
