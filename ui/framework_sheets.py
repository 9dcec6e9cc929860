"""The "generative or discriminative" page's cached rows of faces and its question's answer.

Defined here, not in the page script, so that each is decorated once per process: a page
script runs afresh on every rerun, and decorating a cached function (which reads its source
to key its cache) costs about 0.3 ms each time.

A :class:`~ui.images.Sheet` is read-only once made (its PNG bytes, text and table), so
``st.cache_resource`` hands every session the same object without pickling it.
"""

from __future__ import annotations

import math

import streamlit as st

from gdl_core import framework, wrodl
from ui.images import Sheet, avatar_sheet_png

AVATAR_PX = 128
N_SAMPLES = 10
#: Face #0's four given features, name -> value: the face the question starts as.
FIRST_GIVEN: dict[str, str] = {feature: str(wrodl.load().loc[0, feature])
                               for feature in framework.GIVEN}
#: Every face the question can be asked about: each of the four given features' values.
N_QUESTIONS = math.prod(len(wrodl.FEATURES[feature]) for feature in framework.GIVEN)


def face_sheet(codes, alt: str) -> Sheet:
    """Ten faces in a row (two rows of five on a phone), each described in ``alt`` and in a
    table."""
    faces = tuple(wrodl.face_tuples(codes))
    table = wrodl.decode(codes)[list(wrodl.EXAMPLE_ORDER)].astype(str)
    table.insert(0, "face", range(1, len(faces) + 1))
    return Sheet(
        avatar_sheet_png(faces, AVATAR_PX, None, len(faces)), None,
        f"{alt}, left to right: " + "; ".join(
            f"{i}. {text}" for i, text in enumerate(wrodl.describe(codes), start=1)),
        split=True, table=table, table_label="These ten faces as a table",
    )


# Two sheets of ten faces (about 60 KB) a seed: 64 seeds keep the ones a class is looking at.
@st.cache_resource(max_entries=64, show_spinner=False)
def sample_sheets(seed: int) -> tuple[Sheet, Sheet]:
    """Ten faces from p(x) and ten from p(x | sunglasses), drawn with ``seed``."""
    return (
        face_sheet(framework.sample_faces(N_SAMPLES, seed), "Ten faces drawn from p(x)"),
        face_sheet(framework.sample_faces_with_sunglasses(N_SAMPLES, seed),
                   "Ten faces drawn from p(x | sunglasses)"),
    )


# One sheet, the same for everyone: no bound needed.
@st.cache_resource(show_spinner=False)
def deterministic_sheet() -> Sheet:
    """The most likely face, ten times: what a model without randomness gives."""
    same = framework.most_likely_face()
    return face_sheet(same[None].repeat(N_SAMPLES, axis=0), "The most likely face, ten times")


# One float a face (0.8 ms to compute, asked up to three times a run): every one of the
# N_QUESTIONS faces fits, so none is ever computed twice.
@st.cache_resource(max_entries=N_QUESTIONS, show_spinner=False)
def p_sunglasses(given: tuple[str, ...]) -> float:
    """:func:`gdl_core.framework.p_sunglasses` of the face whose four given features have
    the values ``given``, in :data:`gdl_core.framework.GIVEN` order."""
    return framework.p_sunglasses(dict(zip(framework.GIVEN, given, strict=True)))
