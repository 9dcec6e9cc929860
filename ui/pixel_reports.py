"""Planet Pixel's reports and pictures, one cache each, keyed by the settings that change them.

The numbers come as reports from :mod:`gdl_core.pixels.experiment` and the pictures from
:mod:`gdl_core.pixels.figures`; each is cached by the settings it depends on (the data by N;
the fit by (N, α); the samples by (N, α, seed)). They live here, not in the page script, so
they are decorated once per process instead of on every rerun.

A student's own pictures (read by :func:`gdl_core.pixels.upload.read_faces` into the
session's state) are cached apart from the built-in ones, by the upload's digest instead of N,
a few at a time, so uploads never push the built-in reports out.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from gdl_core import pixels
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import experiment as pe
from gdl_core.pixels import figures as pixel_figures
from gdl_core.pixels.measures import pixel_distribution
from gdl_core.pixels.training import TABLE_PIXELS, table_1_3
from ui.images import NARROW_COLUMNS, SHEETS_KEPT, Sheet, pixel_sheet_png

#: The training sizes the page offers (one cached data report and training sheet each).
SIZES = (50, 200, 500, 1000, 2000)
#: Training faces shown as pictures in step 1.
N_TRAINING_SHOWN = 20
#: Table 1-3's columns a phone shows: the book's ten do not fit a phone's width.
NARROW_TABLE_PIXELS = TABLE_PIXELS[:5]
#: Uploads' models kept, shared by every session (one is ~6 MB); a model is only needed when
#: the reports built on it are not kept.
UPLOAD_MODELS_KEPT = 2
#: Uploads' reports kept per kind (samples with their pictures: ~0.4 MB at 200 faces): a
#: class's uploads, each at a setting or two.
UPLOAD_REPORTS_KEPT = 16


# --------------------------------------------------------------------------- built-in faces


@st.cache_data(max_entries=len(SIZES), show_spinner=False)
def data(n: int) -> pe.DataReport:
    """The ``n`` built-in training faces, their palette and what is measured on them."""
    return pe.data_report(n)


# 2 fits kept (about 6 MB each): python -m bench.memory showed 16 of them dominating the
# server's memory. A fit is only needed when its reports (fit, samples, pixel_colours,
# kept by the dozen) are not, and is redone in well under a second.
@st.cache_resource(max_entries=2, show_spinner=False)
def model(n: int, alpha: float) -> CategoricalNB:
    """Pixel-wise Naive Bayes on ``n`` faces with pseudocount ``alpha``.

    Kept as one shared object (never changed after fitting): st.cache_data would copy its
    three 1,024 × 256 tables on every rerun, about 2.5 ms of a ~35 ms warm rerun (measured).
    """
    return CategoricalNB(alpha).fit(data(n).training, pixels.N_COLORS)


@st.cache_data(max_entries=24, show_spinner=False)
def fit(n: int, alpha: float) -> pe.FitReport:
    """What the fit to ``n`` faces at α says about them (likelihoods, entropy)."""
    return pe.fit_report(model(n, alpha), data(n))


@st.cache_data(max_entries=48, show_spinner=False)
def samples(n: int, alpha: float, seed: int) -> pe.SampleReport:
    """Faces drawn with ``seed`` from the fit to ``n`` faces at α, and what is measured on
    them."""
    return pe.sample_report(model(n, alpha), data(n), seed)


@st.cache_resource(max_entries=len(SIZES), show_spinner=False)
def training_sheet(n: int) -> Sheet:
    """The first twenty built-in training faces."""
    extra = (
        "" if n == 50 else
        f" Faces 50–{n - 1:,} are new Wrodlers drawn from the Naive Bayes model of the 50 "
        "Wrodlers' five features (with a fixed seed, so the data never changes)."
    )
    return _faces_sheet(data(n), "Faces 0–49 are the 50 Wrodlers, all drawn with one palette "
                                 f"of 256 colours.{extra}")


@st.cache_resource(max_entries=SHEETS_KEPT // 2, show_spinner=False)
def sample_sheets(n: int, alpha: float, seed: int) -> tuple[Sheet, Sheet, Sheet | None]:
    """The built-in faces' sample sheets (:func:`_make_sample_sheets`)."""
    return _make_sample_sheets(data(n), samples(n, alpha, seed))


# --------------------------------------------------------------------------- uploaded faces
# Keyed by the upload's digest (SHA-256 of the names and bytes); the faces themselves come in
# unhashed (the leading underscore), so no rerun hashes them.


@st.cache_resource(max_entries=UPLOAD_MODELS_KEPT, show_spinner=False)
def upload_model(digest: str, alpha: float, _data: pe.DataReport) -> CategoricalNB:
    """Pixel-wise Naive Bayes on the uploaded faces with pseudocount ``alpha``."""
    return CategoricalNB(alpha).fit(_data.training, pixels.N_COLORS)


@st.cache_resource(max_entries=UPLOAD_REPORTS_KEPT, show_spinner=False)
def upload_fit(digest: str, alpha: float, _data: pe.DataReport) -> pe.FitReport:
    """What the fit to the uploaded faces at α says about them."""
    return pe.fit_report(upload_model(digest, alpha, _data), _data)


@st.cache_resource(max_entries=UPLOAD_REPORTS_KEPT, show_spinner=False)
def upload_samples(
    digest: str, alpha: float, seed: int, _data: pe.DataReport
) -> tuple[pe.SampleReport, tuple[Sheet, Sheet, Sheet | None]]:
    """The samples and their sheets."""
    drawn = pe.sample_report(upload_model(digest, alpha, _data), _data, seed)
    return drawn, _make_sample_sheets(_data, drawn)


@st.cache_resource(max_entries=UPLOAD_REPORTS_KEPT, show_spinner=False)
def upload_training_sheet(digest: str, _data: pe.DataReport) -> Sheet:
    """The first twenty uploaded training faces."""
    kept_back = ", less those kept back as new faces," if len(_data.held_out) else ""
    return _faces_sheet(_data, "Your own pictures in the order uploaded (a zip's in its own "
                               f"order){kept_back} all drawn with one palette chosen for them.")


# --------------------------------------------------------------------------- either faces
# Keyed by the faces (N, or an upload's digest) and the settings; what they are drawn from
# comes in unhashed: what the page already has, and the model only when a pixel is new.


# One entry per set of faces: Table 1-3 only changes with them (5 sizes and a few uploads).
@st.cache_resource(max_entries=len(SIZES) + UPLOAD_REPORTS_KEPT, show_spinner=False)
def table_1_3_tables(faces: int | str, _training: np.ndarray) -> tuple[pa.Table, pa.Table]:
    """Table 1-3 of the first ten (or fewer) training faces, all ten columns and a phone's
    first five, as the Arrow tables ``st.table`` sends (converted once, not every rerun).

    Converted exactly as Streamlit converts a DataFrame (``face_id`` kept as the index);
    show them with ``hide_index=False``, which is what Streamlit decides for this index.
    """
    shown = range(min(10, len(_training)))
    return (pa.Table.from_pandas(table_1_3(_training, shown)),
            pa.Table.from_pandas(table_1_3(_training, shown, NARROW_TABLE_PIXELS)))


@st.cache_resource(max_entries=64, show_spinner=False)
def entropy_map(faces: int | str, alpha: float, row: int, column: int, _entropy: np.ndarray):
    """The entropy map of the fit to ``faces`` at α with pixel (row, column) marked."""
    return pixel_figures.entropy_figure(_entropy, selected=(row, column))


@st.cache_resource(max_entries=64, show_spinner=False)
def pixel_colours(faces: int | str, alpha: float, pixel: int,
                  _model_of: Callable[[], CategoricalNB], _palette: np.ndarray):
    """The colours the fit to ``faces`` at α gives ``pixel``: their table and its bar chart."""
    fitted = _model_of()
    table = pixel_distribution(fitted, pixel)
    return table, pixel_figures.distribution_figure(table, _palette, fitted.n_obs_)


# As many as the samples (48): one chart per set of samples.
@st.cache_resource(max_entries=48, show_spinner=False)
def correlation_chart(faces: int | str, alpha: float, seed: int, _data: pe.DataReport,
                      _drawn: pe.SampleReport):
    """Neighbour correlation in the training faces and in the samples drawn with ``seed``
    from the fit to ``faces`` at α, side by side."""
    return pixel_figures.correlation_figure(
        (_data.correlation_map, _drawn.correlation_map),
        (f"Training faces<br>({len(_data.training):,})",
         f"Naive Bayes samples<br>({pe.N_SAMPLES})"),
    )


# --------------------------------------------------------------------------- helpers


def _pixel_sheet(codes: np.ndarray, palette: np.ndarray, alt: str,
                 labels: tuple[str, ...] | None = None, text: str | None = None,
                 **table) -> Sheet:
    """Faces ten to a row (five on a phone: a single row is split in two, more rows get a
    second picture); ``table`` may give a Sheet's ``table`` and ``table_label``."""
    if len(codes) == pe.N_SHOWN:
        return Sheet(pixel_sheet_png(codes, palette, labels, pe.N_SHOWN), None, alt, text,
                     split=True, **table)
    return Sheet(pixel_sheet_png(codes, palette, labels, pe.N_SHOWN),
                 pixel_sheet_png(codes, palette, labels, NARROW_COLUMNS), alt, text, **table)


def _faces_sheet(data: pe.DataReport, about: str) -> Sheet:
    """The first twenty training faces, each with its number; ``about`` follows the caption's
    first sentence."""
    n = len(data.training)
    shown = min(N_TRAINING_SHOWN, n)
    return _pixel_sheet(
        data.training[:shown], data.palette,
        f"Training faces 0 to {shown - 1} as 32 × 32 pixel pictures, each with its face_id",
        tuple(str(i) for i in range(shown)),
        f"Training faces 0–{shown - 1} of {n:,}, each with its face_id. {about} Every square "
        "is one pixel, enlarged without smoothing: what you see is exactly the data.",
    )


def _make_sample_sheets(
    data: pe.DataReport, drawn: pe.SampleReport
) -> tuple[Sheet, Sheet, Sheet | None]:
    """The pixel samples, their nearest training faces, and samples of Naive Bayes on the
    five features drawn as pixels (None without features: uploaded faces)."""
    n_shown = pe.N_SHOWN
    distances = tuple(str(d) for d in drawn.distance)
    nearest_words = "; ".join(
        f"sample {i}: nearest training face {face}, {distance} of 1,024 pixels differ"
        for i, (face, distance) in enumerate(
            zip(drawn.nearest.tolist(), drawn.distance.tolist(), strict=True), start=1)
    )
    sampled = _pixel_sheet(
        drawn.codes[:n_shown], data.palette,
        f"{n_shown} faces sampled from Naive Bayes on the pixels, each compared with the "
        f"training face nearest to it: {nearest_words}.",
        table=pd.DataFrame({
            "sample": range(1, n_shown + 1),
            "nearest training face": drawn.nearest,
            "pixels that differ (of 1,024)": drawn.distance,
        }),
        table_label="The samples and their nearest training faces as a table",
    )
    nearest = _pixel_sheet(
        data.training[drawn.nearest], data.palette,
        "The nearest training face to each sample above, with the number of pixels that "
        "differ: " + ", ".join(
            f"face {face} ({distance})" for face, distance in
            zip(drawn.nearest.tolist(), distances, strict=True)) + ".",
        distances,
        "Pixels that differ from the nearest training face, sample by sample: "
        f"{', '.join(distances)}.",
    )
    features = _pixel_sheet(
        drawn.feature_samples, data.palette,
        f"{len(drawn.feature_samples)} faces from Naive Bayes on the five features, drawn as "
        "32 × 32 pixels: proper faces",
    ) if len(drawn.feature_samples) else None
    return sampled, nearest, features
