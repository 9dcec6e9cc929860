"""Wrodlers in words, for people who cannot see the pictures: a face's five features and
whether it is one of the 50 training faces (and which) or a new one.

Screen readers read these as the pictures' alternative text, so each is made from the data
the picture was drawn from, never a placeholder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from gdl_core.wrodl.data import EXAMPLE_ORDER, FEATURES, training_codes

__all__ = ["FEATURE_WORDS", "face_alt", "face_words", "faces_alt", "training_matches"]

#: Each feature in plain words, for a listener who does not know the data's column names.
FEATURE_WORDS: dict[str, str] = {
    "topType": "hairstyle",
    "hairColor": "hair colour",
    "accessoriesType": "glasses",
    "clothingType": "clothes",
    "clothingColor": "clothing colour",
}


def _codes(face: Mapping[str, str]) -> np.ndarray:
    try:
        return np.array([FEATURES[feature].index(str(face[feature])) for feature in FEATURES])
    except (KeyError, ValueError) as error:
        raise ValueError(f"a Wrodler needs a known value for each of {list(FEATURES)}, "
                         f"got {dict(face)}") from error


def training_matches(face: Mapping[str, str]) -> tuple[int, ...]:
    """The face_ids of every training face identical to ``face`` in all five features."""
    return tuple(np.flatnonzero((training_codes() == _codes(face)).all(axis=1)).tolist())


def face_words(face: Mapping[str, str]) -> str:
    """The five features in the worked example's order, each named: "hairstyle
    LongHairStraight, hair colour Red, glasses Round, clothes ShirtScoopNeck, clothing colour
    White"."""
    return ", ".join(f"{FEATURE_WORDS[feature]} {face[feature]}" for feature in EXAMPLE_ORDER)


def _in_data(matches: Sequence[int]) -> str:
    if not matches:
        return "a new face, not in the data"
    ids = " and ".join(f"#{i}" for i in matches)
    return f"in the data as face {ids}"


def face_alt(face: Mapping[str, str], what: str = "A Wrodler") -> str:
    """``what`` described by its five features and whether it is a training face:
    "A Wrodler: hairstyle LongHairStraight, …, clothing colour White; in the data as face #3
    and #17"."""
    return f"{what}: {face_words(face)}; {_in_data(training_matches(face))}."


def faces_alt(faces: Sequence[Mapping[str, str]], what: str) -> str:
    """A row of faces (``what``, e.g. "Ten sampled faces"), left to right, each numbered
    from 1 with its features and whether it is a training face (which) or new."""
    parts = [f"{i}. {face_words(face)} ({_short(training_matches(face))})"
             for i, face in enumerate(faces, start=1)]
    return f"{what}, left to right: " + "; ".join(parts) + "."


def _short(matches: Sequence[int]) -> str:
    return f"copy of #{matches[0]}" if matches else "new"
