"""The representation page's tins, models and pictures, one cache each, keyed by the setting
that changes them.

The tins, f, the models and the measures come from :mod:`gdl_core.tins`; the Wrodl blends
from :mod:`gdl_core.halfway`. They live here, not in the page script, so they are decorated
once per process instead of on every rerun; pictures and sheets are made here too, once per
setting, so a rerun neither hashes arrays nor writes the same words again.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from gdl_core import halfway, wrodl
from gdl_core.images import png_bytes
from gdl_core.numbers import format_number
from gdl_core.tins import PCA, Samples, Tins, draw, training_tins
from gdl_core.tins import comparison as tins_comparison
from gdl_core.tins import figures as tins_figures
from ui.images import Sheet, tin_sheet_png

#: The training tins: the points of the latent plane and what PCA learns from.
N_TRAINING = 60
#: Samples in each row of new tins (and tins rebuilt from k coordinates).
N_SAMPLES = 10
#: The Wrodler portraits are drawn at this size (and shown smaller: sharp).
PORTRAIT_PX = 256
#: Learned coordinates k the page offers: 1 to this.
K_MAX = 10


@st.cache_resource(show_spinner=False)
def training() -> Tins:
    """The training tins (always seed 0: they never change)."""
    return training_tins(N_TRAINING, seed=0)


@st.cache_resource(show_spinner=False)
def pca() -> PCA:
    """PCA fitted to the training tins' pixels."""
    return PCA().fit(training().pixels)


# One shared, read-only result per seed (64 seeds kept): the page and its report read it
# several times a run, which st.cache_data would answer with a new copy each time.
@st.cache_resource(max_entries=64, show_spinner=False)
def two_ways(seed: int):
    """New tins two ways with ``seed``: Naive Bayes on the pixels, and a Gaussian on
    (height, width) then f (its points z too)."""
    tins = training()
    z, latent = tins_comparison.latent_samples(tins, N_SAMPLES, seed)
    return tins_comparison.pixel_samples(tins, N_SAMPLES, seed), z, latent


# As many as the samples (64): one pair of sheets per seed.
@st.cache_resource(max_entries=64, show_spinner=False)
def two_ways_sheets(seed: int) -> tuple[Sheet, Sheet]:
    """The two ways' samples with ``seed`` as sheets, each with its distances and a table:
    Naive Bayes on the pixels, then a Gaussian on (height, width) then f."""
    pixel, latent_z, latent = two_ways(seed)
    return (
        _samples_sheet(pixel, "grey speckle with no tin in it"),
        _samples_sheet(latent, "biscuit tins, heights × widths in cm: "
                               + ", ".join(f"{h:.1f} × {w:.1f}" for h, w in latent_z)),
    )


@st.cache_data(max_entries=16, show_spinner=False)
def learned_samples(k: int) -> np.ndarray:
    """New tins made in k learned coordinates (always seed 0: k is what this step varies)."""
    return tins_comparison.learned_samples(training(), pca(), k, N_SAMPLES, seed=0)


# One per k (1 to K_MAX): the pictures never change for a k.
@st.cache_resource(max_entries=K_MAX, show_spinner=False)
def learned_png(k: int) -> bytes:
    """:func:`learned_samples` for ``k`` as one row of pictures."""
    return tin_sheet_png(learned_samples(k), None, N_SAMPLES)


# One per k (1 to K_MAX): the pictures never change for a k.
@st.cache_resource(max_entries=K_MAX, show_spinner=False)
def reconstructions(k: int) -> tuple[bytes, np.ndarray]:
    """Ten training tins over the same tins rebuilt from ``k`` learned coordinates, as one
    picture, and each rebuilt tin's error (root-mean-square, grey levels)."""
    tins = training()
    originals = tins.pictures[:N_SAMPLES]
    rebuilt = np.clip(pca().reconstruct(tins.pixels[:N_SAMPLES], k), 0, 1).reshape(-1, 32, 32)
    error = tins_comparison.rms_grey_levels(rebuilt.reshape(N_SAMPLES, -1),
                                            originals.reshape(N_SAMPLES, -1))
    return tin_sheet_png(np.concatenate([originals, rebuilt]), None, N_SAMPLES), error


@st.cache_resource(show_spinner=False)
def pca_figures():
    """The charts of what PCA learned: they never change, so they are built once."""
    tins, fitted = training(), pca()
    coordinates = fitted.transform(tins.pixels, 3)
    return {
        "variance": tins_figures.variance_figure(fitted.explained_variance_ratio_),
        "height": tins_figures.learned_coordinates_figure(coordinates, tins.z, "height"),
        "width": tins_figures.learned_coordinates_figure(coordinates, tins.z, "width"),
        "sheet": tins_figures.sheet_figure(coordinates, tins.z),
    }


# f(z) on the plane moves in steps of 0.25 cm (one tin picture is about 1 KB): the points a
# class visits, not every point of the plane.
@st.cache_resource(max_entries=256, show_spinner=False)
def tin_png(height: float, width: float) -> bytes:
    """f(height, width): one biscuit tin as a picture."""
    return tin_sheet_png(draw(height, width)[None], None, 1)


@st.cache_data(max_entries=256, show_spinner=False)
def pixel_blend_png(a: tuple[str, ...], b: tuple[str, ...]) -> bytes:
    """Two Wrodlers (values in FEATURES order) averaged pixel by pixel, as PNG."""
    faces = (dict(zip(wrodl.FEATURES, face, strict=True)) for face in (a, b))
    return png_bytes(halfway.in_pixels(*faces, PORTRAIT_PX))


def _samples_sheet(drawn: Samples, what: str) -> Sheet:
    """New tins ``drawn``, five to a row, each labelled with
    its distance to the nearest tin f can draw; ``what`` says what they look like."""
    distances = tuple(format_number(d, 1) for d in drawn.to_drawable)
    return Sheet(
        tin_sheet_png(drawn.pictures, distances, 5), None,
        f"{N_SAMPLES} samples: {what}",
        "Distance of each sample to the nearest tin f can draw (grey levels): "
        + ", ".join(distances) + ".",
        table=pd.DataFrame({
            "sample": range(1, N_SAMPLES + 1),
            "to the nearest drawable tin (grey levels)": drawn.to_drawable.round(1),
            "nearest training tin": drawn.nearest,
            "to that training tin (grey levels)": drawn.to_training.round(1),
        }),
        table_label="These samples as a table",
    )
