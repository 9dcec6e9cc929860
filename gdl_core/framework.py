"""The chapter's opening distinctions, on the 50 Wrodlers.

* A **discriminative** model answers a question about a face it is given: here
  p(sunglasses | the other four features), by logistic regression. It has no model of the
  faces themselves, so it cannot draw one.
* A **generative** model p(x) draws whole faces: Naive Bayes on all five features.
* A **class-conditional** generative model p(x | y) draws faces of one kind: Naive Bayes
  fitted to the faces that wear sunglasses only.
* A **deterministic** model is not generative: returning the single most likely face (each
  feature's most common value) every time never makes anything new.
"""

from __future__ import annotations

import functools

import numpy as np

from gdl_core.logistic import LogisticRegression, one_hot
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.rng import Seed
from gdl_core.wrodl.data import FEATURES, N_VALUES, encode, training_codes

__all__ = [
    "ASKED", "ASKED_VALUE", "GIVEN", "group_size", "most_likely_face", "p_sunglasses",
    "sample_faces", "sample_faces_with_sunglasses",
]

ASKED = "accessoriesType"
ASKED_VALUE = "Sunglasses"
#: The features the discriminative model is given, in FEATURES order.
GIVEN: tuple[str, ...] = tuple(name for name in FEATURES if name != ASKED)
_ASKED_INDEX = list(FEATURES).index(ASKED)
_GIVEN_VALUES = [n for i, n in enumerate(N_VALUES) if i != _ASKED_INDEX]


def _wears_sunglasses(codes: np.ndarray) -> np.ndarray:
    return codes[:, _ASKED_INDEX] == FEATURES[ASKED].index(ASKED_VALUE)


@functools.cache
def _question() -> LogisticRegression:
    codes = training_codes()
    given = one_hot(np.delete(codes, _ASKED_INDEX, axis=1), _GIVEN_VALUES)
    return LogisticRegression().fit(given, _wears_sunglasses(codes).astype(float))


def p_sunglasses(face: dict[str, str]) -> float:
    """p(sunglasses | the face's other four features), learned from the 50 faces."""
    codes = encode({ASKED: FEATURES[ASKED][0], **{name: face[name] for name in GIVEN}})
    given = one_hot(np.delete(codes, _ASKED_INDEX, axis=1), _GIVEN_VALUES)
    return float(_question().predict_proba(given)[0])


def sample_faces(n: int, seed: Seed, alpha: float = 1.0) -> np.ndarray:
    """``n`` faces (codes) from Naive Bayes p(x) on the 50 faces."""
    return CategoricalNB(alpha).fit(training_codes(), N_VALUES).sample(n, seed)


def group_size() -> int:
    """How many of the 50 faces wear sunglasses: the data p(x | sunglasses) learns from."""
    return int(_wears_sunglasses(training_codes()).sum())


def sample_faces_with_sunglasses(n: int, seed: Seed, alpha: float = 1.0) -> np.ndarray:
    """``n`` faces (codes) from p(x | sunglasses): Naive Bayes on the faces wearing them.

    Within that group the glasses feature is always Sunglasses, so every sample wears them
    (with α > 0 only the four other features are smoothed: the glasses are set, not drawn).
    """
    codes = training_codes()
    group = codes[_wears_sunglasses(codes)]
    drawn = CategoricalNB(alpha).fit(group, N_VALUES).sample(n, seed)
    drawn[:, _ASKED_INDEX] = FEATURES[ASKED].index(ASKED_VALUE)
    return drawn


def most_likely_face() -> np.ndarray:
    """The deterministic "model": each feature's most common value among the 50 (codes)."""
    counts = CategoricalNB().fit(training_codes(), N_VALUES).counts_
    return counts.argmax(axis=1)
