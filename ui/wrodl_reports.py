"""The Planet Wrodl pages' reports, one cache each, keyed by the inputs that change them.

Each report is a frozen object from :mod:`gdl_core.wrodl` holding everything a page shows
for its inputs, figures included. ``st.cache_resource`` hands every session the same object
without pickling it; pages only read a report (``st.plotly_chart`` serialises a copy of a
figure), so sharing them is safe.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from gdl_core import wrodl
from gdl_core.wrodl.calculator import FaceReport, face_report
from gdl_core.wrodl.counting import CountingReport, counting_report
from gdl_core.wrodl.independence import NaiveBayesReport, naive_bayes_report
from gdl_core.wrodl.samples import Samples, draw


@st.cache_data(show_spinner=False)
def faces_table() -> pd.DataFrame:
    """The 50 faces with plain string columns, for tables."""
    return wrodl.load().astype(str)


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
