"""Likelihood on a world map: draw a box p_model over points from a hidden p_data and score it.

Thin page: widgets, layout and state. The statistics come from ``gdl_core.world`` and the
pictures from ``gdl_core.world.figures``.
"""

from __future__ import annotations

import json

import numpy as np
import streamlit as st

from gdl_core.numbers import format_likelihood, format_number
from gdl_core.world import EXTENT, Attempts, Box, JudgedSamples, Training, judge_samples
from gdl_core.world.figures import (
    corners_from_selection,
    history_figure,
    land_data_uri,
    world_figure,
)
from ui.presenter import for_audience
from ui.state import Param, keep, next_seed, publish, restore

# --------------------------------------------------------------------------- state

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = EXTENT
CORNERS = (
    Param("world_lon_min", "lon_min", LON_MIN, LON_MIN, LON_MAX, exact=True),
    Param("world_lon_max", "lon_max", LON_MAX, LON_MIN, LON_MAX, exact=True),
    Param("world_lat_min", "lat_min", LAT_MIN, LAT_MIN, LAT_MAX, exact=True),
    Param("world_lat_max", "lat_max", LAT_MAX, LAT_MIN, LAT_MAX, exact=True),
)
N_MAX = 5_000
SEED_MAX = 999_999
DATA = (
    Param("world_n", "n", 50, 1, N_MAX),
    Param("world_seed", "seed", 0, 0, SEED_MAX),
    Param("world_land", "land", False),
)
SHARED = (*DATA, *CORNERS)
CORNER_KEYS = tuple(param.key for param in CORNERS)
MAP_KEY = "world_map"

# Everything the page keeps besides its widgets, under one key:
#   box        the last valid Box (put back when an edit would give it no width or height)
#   attempts   every box tried (gdl_core Attempts); scored afresh against the current data
#   draw       how many times "New samples" was pressed (the samples' second seed)
#   selection  the map selection already applied, as JSON
#   flash      one message for the next run, (kind, text), or None
STATE = "world_state"


def _state() -> dict:
    return st.session_state[STATE]


# --------------------------------------------------------------------------- cached core calls


@st.cache_data(max_entries=16, show_spinner=False)
def training(n: int, seed: int) -> Training:
    return Training.draw(n, seed)


@st.cache_data(max_entries=32, show_spinner=False)
def judged(box: tuple, m: int, seed: int, draw: int, n: int, radius: float) -> JudgedSamples:
    rng = np.random.default_rng([seed, draw])
    return judge_samples(Box(*box), m, rng, training(n, seed).points, radius)


@st.cache_resource(show_spinner=False)
def land_image() -> str:
    return land_data_uri()


# --------------------------------------------------------------------------- callbacks


def _flash(kind: str, text: str) -> None:
    _state()["flash"] = (kind, text)


def _set_box(corners: tuple[float, float, float, float]) -> None:
    for key, value in zip(CORNER_KEYS, corners, strict=True):
        st.session_state[key] = float(value)


def _on_select() -> None:
    """Copy a box dragged on the map into the four corner inputs, once per selection."""
    chart = st.session_state.get(MAP_KEY)
    selection = chart.get("selection", {}) if chart else {}
    boxes = list(selection.get("box", []))
    fingerprint = json.dumps(boxes, sort_keys=True, default=str)
    if not boxes or fingerprint == _state()["selection"]:
        return
    _state()["selection"] = fingerprint
    try:
        corners = corners_from_selection(boxes)
    except ValueError as error:
        _flash("warning", f"{error} Your previous box is kept.")
        return
    if corners is not None:
        _set_box(corners)


def _fit_mle() -> None:
    data = training(st.session_state[DATA[0].key], st.session_state[DATA[1].key])
    if data.mle is None:
        _flash("error", f"No maximum-likelihood box for these points. {data.no_mle_reason}")
        return
    _set_box(data.mle.as_tuple())


def _whole_map() -> None:
    _set_box(EXTENT)


def _new_data() -> None:
    next_seed(DATA[1].key, SEED_MAX)


def _new_samples() -> None:
    _state()["draw"] += 1
    st.session_state["world_show_samples"] = True


def _clear_history() -> None:
    _state()["attempts"] = Attempts()


# --------------------------------------------------------------------------- settle the state

notices = restore(*SHARED)
keep(world_m=200, world_radius=3.0, world_show_samples=False)
state = st.session_state.setdefault(
    STATE,
    {"box": Box(*EXTENT), "attempts": Attempts(), "draw": 0, "selection": None, "flash": None},
)


def _settle_box() -> Box:
    """The box from the four inputs; a side with no length is refused and put back.

    Corners in reverse order are swapped (the box is the same rectangle either way). A zero
    width or height (typed, or from a link) returns that pair of edges to where they were,
    so the rest of the box and everything built so far stay as they are.
    """
    previous = state["box"].as_tuple()
    corners = tuple(float(st.session_state[key]) for key in CORNER_KEYS)
    try:
        box = Box(*corners)
    except ValueError as error:
        lon = corners[:2] if corners[0] != corners[1] else previous[:2]
        lat = corners[2:] if corners[2] != corners[3] else previous[2:]
        box = Box(*lon, *lat)
        _flash("error", f"{error} Those edges are back where they were.")
    else:
        if box.as_tuple() != corners:
            _flash("info", "The corners were in reverse order, so they have been swapped.")
    if box.as_tuple() != corners:
        _set_box(box.as_tuple())
    state["box"] = box
    return box


box = _settle_box()
n = int(st.session_state[DATA[0].key])
seed = int(st.session_state[DATA[1].key])
data = training(n, seed)
score = data.score(box)
state["attempts"] = state["attempts"].add(box)

# --------------------------------------------------------------------------- the page

st.title("Likelihood and maximum likelihood")
st.markdown(
    "Every dot on the map is one observation, produced by a rule that is hidden from you "
    "for now: call it **p_data**. Your job is to propose a model, **p_model**, that could have "
    "produced them. The simplest one is a **box**: any spot inside it is equally likely, and "
    "nothing can ever appear outside it. **Drag across the map** to draw a box, or type its "
    "four edges just above the map, and watch how well it explains the data."
)
for notice in notices:
    st.warning(notice, icon=":material/link_off:")

with st.container(horizontal=True, vertical_alignment="bottom", key="world_data_row"):
    st.number_input(
        "Points N", min_value=1, max_value=N_MAX, step=10, key=DATA[0].key, width=160,
        help=f"How many observations p_data produces (1 to {N_MAX:,}).",
    )
    st.number_input(
        "Seed", min_value=0, max_value=SEED_MAX, step=1, key=DATA[1].key, width=160,
        help="The same seed always gives the same points.",
    )
    st.button("New data", icon=":material/casino:", on_click=_new_data, key="world_new_data",
              help="Draw a fresh set of points (moves the seed on by one).")
    st.toggle("Reveal p_data (the land)", key=DATA[2].key,
              help="Show the rule that produced the points.")

with st.container(horizontal=True, vertical_alignment="bottom", key="world_box_row"):
    for key, label, (lo, hi) in zip(
        CORNER_KEYS,
        ("lon_min (west)", "lon_max (east)", "lat_min (south)", "lat_max (north)"),
        ((LON_MIN, LON_MAX), (LON_MIN, LON_MAX), (LAT_MIN, LAT_MAX), (LAT_MIN, LAT_MAX)),
        strict=True,
    ):
        st.number_input(label, min_value=lo, max_value=hi, step=1.0, format="%.2f", key=key,
                        width=140)
    st.button("Fit the MLE", type="primary", icon=":material/center_focus_strong:",
              on_click=_fit_mle, key="world_fit_mle",
              help="Snap the box to the smallest rectangle holding every point.")
    st.button("Whole map", icon=":material/crop_free:", on_click=_whole_map,
              key="world_whole_map", help="Start again from a box covering the whole map.")

if state["flash"] is not None:
    (kind, text), state["flash"] = state["flash"], None
    {"error": st.error, "warning": st.warning, "info": st.info}[kind](text)

map_col, readout_col = st.columns([3, 1], gap="medium")

with map_col:
    show_samples = bool(st.session_state["world_show_samples"])
    m = int(st.session_state["world_m"])
    radius = float(st.session_state["world_radius"])
    sampled = judged(box.as_tuple(), m, seed, state["draw"], n, radius) if show_samples else None
    st.plotly_chart(
        for_audience(world_figure(
            data.points,
            box=box,
            land=land_image() if st.session_state[DATA[2].key] else None,
            samples=None if sampled is None else sampled.samples,
            verdicts=None if sampled is None else sampled.verdicts,
            height=480,
        )),
        key=MAP_KEY,
        on_select=_on_select,
        selection_mode=("box",),
        config={"displayModeBar": False, "scrollZoom": False, "doubleClick": False},
        theme=None,
    )

with readout_col, st.container(key="world_readouts"):
    st.metric("Area (square degrees)", format_number(score.area, 0),
              help="Width × height of the box on the flat map.")
    st.metric("Density inside, 1/area", format_likelihood(score.log_density),
              help="p_model(x) for any point x in the box, per square degree; 0 outside.")
    st.metric("Points outside", f"{score.outside:,} of {n:,}",
              help="Observations to which the box gives density 0.")
    st.metric("Likelihood L", format_likelihood(score.log_likelihood),
              help="The product of p_model(x) over all N points: (1/area)^N, or 0.")
    st.metric("Log-likelihood ℓ", format_number(score.log_likelihood),
              help="The sum of log p_model(x) over the points: −N·log(area), or −∞.")
    st.metric("ℓ minus ℓ of the MLE", format_number(score.gap),  # NaN, without an MLE: "—"
              help="How far your box scores below the best possible box; 0 means you found it.")

if score.outside:
    st.error(
        f"**{score.outside:,} of the {n:,} points lie outside your box.** The box says they could "
        "never happen (density 0), so the product L has a factor 0: **L = 0** and "
        "**ℓ = log 0 = −∞**. A model that rules out what was actually observed is as bad as a "
        "model can be, however small the box.",
        icon=":material/block:",
    )
elif data.mle is None:
    st.info(f"There is no best box for these points. {data.no_mle_reason}",
            icon=":material/info:")
else:
    st.caption(
        "Drag a rectangle on the map to make it your box. The orange outline is p_model, the "
        "dark dots are the data."
    )

st.divider()
history_col, sample_col = st.columns([3, 2], gap="large")

with history_col:
    st.subheader("Every box you have tried")
    attempts = state["attempts"].scores(data.points)
    st.plotly_chart(
        for_audience(history_figure(
            attempts,
            n,
            mle=None if data.mle is None else (data.mle.area, data.mle_log_likelihood),
            current=len(attempts) - 1,
        )),
        key="world_history_chart",
        config={"displayModeBar": False},
        theme=None,
    )
    st.markdown(
        "Every box that holds all N points scores exactly ℓ = −N·log(area), so those boxes "
        "line up on the dashed curve: **the smaller the box, the higher the likelihood**. "
        "Shrink it past the data's edge, though, and a point falls outside: the score drops "
        "to −∞ (the crosses at the bottom). The peak sits where the two meet: the tightest box "
        "around the data, which is the **maximum likelihood estimate** (the star)."
    )
    st.button("Clear history", icon=":material/delete_sweep:", on_click=_clear_history,
              key="world_clear_history")

with sample_col:
    st.subheader("Sample from your box")
    st.markdown(
        "A generative model earns its name by producing new points. Draw some from your box "
        "and judge each one by the two rules of the game: **Rule 1**, it should look as if "
        "p_data made it; **Rule 2**, it should not just repeat a point we already have. "
        "Reveal the land above to see where p_data really puts its points."
    )
    st.toggle("Show samples on the map", key="world_show_samples")
    st.slider("Samples M", min_value=10, max_value=2_000, step=10, key="world_m")
    st.slider("Near-copy radius (degrees)", min_value=0.0, max_value=15.0, step=0.5,
              key="world_radius",
              help="A sample this close to a data point counts as a copy (breaks Rule 2).")
    st.button("New samples", icon=":material/scatter_plot:", on_click=_new_samples,
              key="world_new_samples")
    if sampled is not None:
        with st.container(key="world_verdicts"):
            columns = st.columns(3)
            titles = {"sea": "In the sea (A)", "copy": "Near-copy (B)", "new": "New on land (C)"}
            for column, (kind, count) in zip(columns, sampled.counts.items(), strict=True):
                column.metric(titles[kind], f"{count / m:.0%}", f"{count:,} of {m:,}",
                              delta_color="off", delta_arrow="off")
        st.markdown(
            "- **A, in the sea:** the box puts probability on water, where p_data never "
            "does, so the sample could not pass for real data: **Rule 1** is broken.\n"
            f"- **B, a near-copy:** on land but within {radius:g}° of an observation. One such "
            "point is harmless; a model that only made these would just be repeating its "
            "data: **Rule 2**.\n"
            "- **C, new and on land:** plausible under p_data and not a copy. This is what "
            "a good generative model should produce most of the time."
        )
    else:
        st.caption("Switch on *Show samples on the map* or press *New samples*.")

st.markdown(
    "**Try this:** start from the whole map and shrink the box one edge at a time, watching "
    "ℓ climb on the chart; then cut off a single point and watch it fall to −∞. Press *Fit "
    "the MLE* to jump to the peak. Finally reveal the land: even the best box is a poor "
    "copy of p_data, because most of it is sea. That gap is why we need richer models."
)

publish(*SHARED)
