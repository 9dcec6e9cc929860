"""The Planet Pixel experiment, run end to end: one frozen report per distinct input.

    data = data_report(2000)                            # depends on n only
    model = CategoricalNB(0.1).fit(data.training, 256)  # pixel-wise Naive Bayes, α = 0.1
    fit = fit_report(model, data)                       # depends on (n, α)
    samples = sample_report(model, data, seed=0)        # depends on (n, α, seed)

Each report holds the numbers and pictures (as palette indices) that the page shows, so a
page can cache it by exactly the inputs it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gdl_core import wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import measures
from gdl_core.pixels.encoding import make_dataset
from gdl_core.pixels.measures import LikelihoodSummary
from gdl_core.pixels.training import (
    feature_nb_faces,
    held_out_faces,
    pixels_of,
    training_faces,
)
from gdl_core.rng import Seed

__all__ = [
    "N_HELD_OUT",
    "N_SAMPLES",
    "N_SHOWN",
    "DataReport",
    "FitReport",
    "SampleReport",
    "data_report",
    "draw_data",
    "fit_report",
    "sample_report",
]

#: Held-out faces (new Wrodlers not in the training set) behind the held-out measures.
N_HELD_OUT = 200
#: Samples behind the sample statistics; the first :data:`N_SHOWN` are the ones shown.
N_SAMPLES = 200
N_SHOWN = 10


@dataclass(frozen=True)
class DataReport:
    """The training set of n faces, the held-out faces, and what depends on them alone."""

    features: np.ndarray  # (n, 5) Wrodl codes of the training faces
    training: np.ndarray  # (n, 1024) uint8 palette indices
    held_out: np.ndarray  # (N_HELD_OUT, 1024) uint8
    palette: np.ndarray  # (256, 3) uint8
    correlation_map: np.ndarray  # (32, 31) right-neighbour correlation across training faces
    correlation: float  # mean neighbour correlation (side-by-side and stacked pairs)
    held_out_distance: float  # median pixels by which a held-out face misses its nearest


@dataclass(frozen=True)
class FitReport:
    """What pixel-wise Naive Bayes fitted to the training set says about the data."""

    n_params: int  # 1,024 × 255 free parameters
    entropy: np.ndarray  # (32, 32) bits per pixel
    training_likelihood: LikelihoodSummary
    held_out_likelihood: LikelihoodSummary
    stray_share: float  # expected share of a sample's pixels in a colour unseen there


@dataclass(frozen=True)
class SampleReport:
    """N_SAMPLES faces drawn from the model, measured against the training set."""

    codes: np.ndarray  # (N_SAMPLES, 1024) uint8; the first N_SHOWN are shown
    nearest: np.ndarray  # (N_SHOWN,) row of the training face nearest to each shown sample
    distance: np.ndarray  # (N_SHOWN,) pixels in which that face differs from the sample
    copies: tuple[int, int | None]  # measures.count_copies of distance
    likelihood: LikelihoodSummary  # over all N_SAMPLES
    correlation_map: np.ndarray  # (32, 31), as DataReport's, across the samples
    correlation: float
    feature_samples: np.ndarray  # (N_SHOWN, 1024) Naive Bayes on the 5 features, as pixels;
    # (0, 1024) when the data have no features (uploaded faces)


def draw_data(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The training set of ``n`` faces and :data:`N_HELD_OUT` held-out faces, as pixels.

    Returns ``(features, training, held_out, palette)``.
    """
    faces = training_faces(n)
    held_out = held_out_faces(N_HELD_OUT, faces)
    codes, palette = make_dataset(pd.concat([faces, held_out], ignore_index=True))
    return wrodl.encode(faces), codes[:n], codes[n:], palette


def data_report(n: int) -> DataReport:
    """:func:`draw_data`, measured: neighbour correlation across the training faces, and the
    median Hamming distance from a held-out face to its nearest training face."""
    features, training, held_out, palette = draw_data(n)
    right, below = measures.neighbour_correlation_map(training, palette)
    _, held_out_distance = measures.nearest(held_out, training)
    return DataReport(
        features=features,
        training=training,
        held_out=held_out,
        palette=palette,
        correlation_map=right,
        correlation=measures.neighbour_correlation(right, below),
        held_out_distance=float(np.median(held_out_distance)),
    )


def fit_report(model: CategoricalNB, data: DataReport) -> FitReport:
    """Entropy map, likelihoods and stray-colour share of ``model``, fitted to
    ``data.training``."""
    return FitReport(
        n_params=model.n_params_,
        entropy=measures.entropy_map(model.theta_),
        training_likelihood=measures.training_likelihood(model),
        held_out_likelihood=measures.summarise_log_likelihood(
            measures.log_likelihood_per_pixel(model, data.held_out)
        ),
        stray_share=measures.stray_colour_share(model),
    )


def sample_report(model: CategoricalNB, data: DataReport, seed: Seed) -> SampleReport:
    """:data:`N_SAMPLES` faces from ``model`` (fitted to ``data.training``) with ``seed``,
    and :data:`N_SHOWN` from Naive Bayes on the five features of the same faces, same α
    and seed (none when ``data.features`` has no columns, as for uploaded faces)."""
    codes = model.sample(N_SAMPLES, seed).astype(np.uint8)
    index, distance = measures.nearest(codes[:N_SHOWN], data.training)
    right, below = measures.neighbour_correlation_map(codes, data.palette)
    if data.features.shape[1]:
        drawn = feature_nb_faces(data.features, N_SHOWN, seed, model.alpha_)
        feature_samples = pixels_of(drawn, data.features, data.training)
    else:  # uploaded faces: no features to model
        feature_samples = np.empty((0, codes.shape[1]), dtype=np.uint8)
    return SampleReport(
        codes=codes,
        nearest=index,
        distance=distance,
        copies=measures.count_copies(distance),
        likelihood=measures.summarise_log_likelihood(
            measures.log_likelihood_per_pixel(model, codes)
        ),
        correlation_map=right,
        correlation=measures.neighbour_correlation(right, below),
        feature_samples=feature_samples,
    )
