"""The world-map page's cached core calls, one cache each, keyed by the inputs that change them.

Defined here, not in the page script, so that each is decorated once per process: a page
script runs afresh on every rerun, and decorating a cached function (which reads its source
to key its cache) costs about 0.3 ms each time.

Training and JudgedSamples are read-only (their arrays are frozen copies), so every session
shares one object (``st.cache_resource``) instead of unpickling a copy of up to 5,000 points
on each rerun (``st.cache_data``). The same goes for the history chart: ``st.plotly_chart``
serialises the figure and never changes it.

A student's own points are cached by their upload's SHA-256 ``digest`` (the points
themselves, ``_upload`` or ``_points``, are not hashed): only a session holding the same file
can reach its entries.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from gdl_core.world import Box, JudgedSamples, Training, judge_samples, land_mask
from gdl_core.world.figures import history_spec, land_data_uri
from gdl_core.world.upload import points_description


# 16 draws of up to 5,000 points (80 KB each): the few (N, seed) a class has open at once.
@st.cache_resource(max_entries=16, show_spinner=False)
def training(n: int, seed: int) -> Training:
    """The built-in N points drawn with ``seed``, and their MLE box."""
    return Training.draw(n, seed)


# 32 sets of up to 2,000 samples (about 50 KB each, their table made on first use): a
# student changes the box, M or the radius often, and each change draws anew anyway.
@st.cache_resource(max_entries=32, show_spinner=False)
def judged(box: tuple, m: int, seed: int, draw: int, n: int, radius: float,
           digest: str | None = None, _upload: Training | None = None) -> JudgedSamples:
    """M samples from ``box`` judged against the built-in N points of ``seed``, or, with an
    upload's ``digest``, against its points (``_upload``, not hashed: the digest names
    them) by Rule 2 alone. One function for both, so one bound holds both kinds."""
    rng = np.random.default_rng([seed, draw])
    if digest is None:
        return judge_samples(Box(*box), m, rng, training(n, seed).points, radius)
    return judge_samples(Box(*box), m, rng, _upload.points, radius, rule1=False)


# One float per box: 64 boxes cost nothing to keep and cover a class's boxes with land shown.
@st.cache_data(max_entries=64, show_spinner=False)
def land_share(box: tuple) -> float:
    """The share of ``box`` (lon_min, lon_max, lat_min, lat_max) that is land."""
    return land_mask().land_share(*box)


# About a kilobyte a figure: 256 keep the current chart of every student in a class.
@st.cache_resource(max_entries=256, show_spinner=False)
def history(attempts: tuple, boxes: tuple, n: int, mle: tuple | None, mle_box: tuple | None,
            height: int):
    """:func:`~gdl_core.world.figures.history_spec` of one student's boxes (about a kilobyte;
    a class's worth kept), as plain dicts: a new box makes a new chart, sent without
    building a plotly figure."""
    return history_spec(attempts, n, boxes=boxes, mle=mle, mle_box=mle_box,
                          current=len(attempts) - 1, height=height)


# One picture, the same for everyone: no bound needed.
@st.cache_resource(show_spinner=False)
def land_image() -> str:
    """The land as a data URI, laid under the map's points."""
    return land_data_uri()


# A sentence a file, made from up to 5,000 points (0.2 ms) twice a rerun otherwise: 64 keep
# the files a class has open.
@st.cache_resource(max_entries=64, show_spinner=False)
def upload_description(digest: str, _points: np.ndarray) -> str:
    """:func:`points_description` of an upload's points (``_points``, named by ``digest``)."""
    return points_description(_points)
