"""The Planet Wrodl pages' reports, one cache each, keyed by the inputs that change them.

Each report is a frozen object from :mod:`gdl_core.wrodl` holding everything a page shows
for its inputs, figures included. ``st.cache_resource`` hands every session the same object
without pickling it; pages only read a report (``st.plotly_chart`` serialises a copy of a
figure), so sharing them is safe.

A student's own table (:mod:`gdl_core.wrodl.survey`) is cached by its upload's SHA-256
``digest`` (the dataset itself, ``_dataset``, is not hashed): only a session holding the same
file can reach its entries, and few are kept, since each upload is one student's.
"""

from __future__ import annotations

import pyarrow as pa
import streamlit as st

from gdl_core import wrodl
from gdl_core.uploads import CategoricalDataset
from gdl_core.wrodl import survey
from gdl_core.wrodl.calculator import FaceReport, FaceScore, face_report
from gdl_core.wrodl.counting import CountingReport, counting_report
from gdl_core.wrodl.independence import NaiveBayesReport, naive_bayes_report
from gdl_core.wrodl.samples import Samples, draw
from ui.images import arrow_table


@st.cache_resource(show_spinner=False)
def faces_table() -> pa.Table:
    """The 50 faces, their number first, with plain string columns, for ``st.dataframe``."""
    return arrow_table(wrodl.load().astype(str).rename_axis("face").reset_index())


@st.cache_resource(max_entries=32, show_spinner=False)
def counting(alpha: float) -> CountingReport:
    """The multinomial at α: its numbers, the sorted θ̂ and the novelty chart."""
    return counting_report(alpha)


@st.cache_resource(max_entries=32, show_spinner=False)
def naive_bayes(alpha: float) -> NaiveBayesReport:
    """Naive Bayes at α: Table 1-2, its bars and both models on every face."""
    return naive_bayes_report(alpha)


@st.cache_resource(max_entries=256, show_spinner=False)
def face(alpha: float, chosen: dict[str, str]) -> FaceReport:
    """The calculator: the face ``chosen`` (feature -> value) under both models at α."""
    return face_report(alpha, chosen)


@st.cache_resource(max_entries=64, show_spinner=False)
def samples(model: type, alpha: float, n: int, seed: int) -> Samples:
    """``n`` faces drawn with ``seed`` from ``model`` (a class) fitted at α, copy or new."""
    return draw(model, alpha, n, seed)


# --- a student's own table ------------------------------------------------------------------


@st.cache_resource(max_entries=4, show_spinner=False)
def upload_basis(digest: str, _dataset: CategoricalDataset) -> survey.SurveyBasis:
    """What the pages show of the uploaded table at every α."""
    return survey.survey_basis(_dataset)


@st.cache_resource(max_entries=8, show_spinner=False)
def upload_counting(digest: str, alpha: float, _dataset: CategoricalDataset
                    ) -> survey.SurveyCounting:
    """The multinomial fitted to the uploaded table at α."""
    return survey.survey_counting(upload_basis(digest, _dataset), alpha)


@st.cache_resource(max_entries=8, show_spinner=False)
def upload_naive_bayes(digest: str, alpha: float, _dataset: CategoricalDataset
                       ) -> survey.SurveyNaiveBayes:
    """Naive Bayes fitted to the uploaded table at α."""
    return survey.survey_naive_bayes(upload_basis(digest, _dataset), alpha)


@st.cache_resource(max_entries=32, show_spinner=False)
def upload_row(digest: str, alpha: float, row: tuple[int, ...], _dataset: CategoricalDataset
               ) -> FaceScore:
    """The calculator on the uploaded table: ``row`` (a code per feature) under both models."""
    return survey.score_row(_dataset, alpha, row)


@st.cache_resource(max_entries=16, show_spinner=False)
def upload_samples(digest: str, model: type, alpha: float, n: int, seed: int,
                   _dataset: CategoricalDataset) -> Samples:
    """``n`` rows drawn with ``seed`` from ``model`` fitted to the uploaded table at α."""
    return survey.draw_samples(_dataset, model, alpha, n, seed)
