"""Likelihood on a world map: draw a box p_model over points from a hidden p_data and score it.

Thin page: widgets, layout and state. The statistics come from ``gdl_core.world``, the
pictures from ``gdl_core.world.figures`` and the step-by-step hints from
``gdl_core.world.steps``; the cached calls into them from ``ui.world_reports``.

Layout: steps 1 to 3 share one workbench: a hint saying what to do next, the buttons that
move the box, the map with the chart of every box tried under it, and beside them ℓ and the
other read-outs and the box's edges. On a laptop all of it fits one screen, so a person can
shrink the box and watch ℓ climb without scrolling. Steps 4 and 5 sit side by side below.

The map is the box editor of ``ui.box_editor`` (a Streamlit v2 component): the box follows
the mouse, a finger or the arrow keys, and its read-outs follow it live in the browser; the
box reaches this script once, when the drag ends, and everything is recomputed here.

A person may replace the built-in points with a CSV of their own (``ui.uploads``; read by
``gdl_core.world.upload``). Their box and history are kept apart from the built-in data's,
which wait for them to come back. Nobody knows the p_data of uploaded points, so their
samples are judged by Rule 2 alone; the land can be laid under them only as a backdrop.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from gdl_core.numbers import MINUS, format_likelihood, format_number
from gdl_core.report import ReportSection
from gdl_core.uploads import MAX_POINTS
from gdl_core.world import EXAMPLE_LABELS, EXTENT, Attempts, Box, Training, examples
from gdl_core.world.figures import (
    BOX_COLOUR,
    POINT_COLOUR,
    SAMPLE_COLOUR,
    UPLOAD_VERDICT_STYLE,
    VERDICT_STYLE,
    history_description,
)
from gdl_core.world.points import degrees
from gdl_core.world.steps import STEPS, UPLOAD_STEPS, next_hint
from gdl_core.world.upload import read_points
from ui.box_editor import HELP as EDITOR_HELP
from ui.box_editor import box_editor, corners_from_value
from ui.charts import show_chart
from ui.guide import (
    next_page_link,
    reset_button,
    reset_to_defaults,
    step,
    step_anchor,
    steps_overview,
)
from ui.images import csv_download
from ui.presenter import PROJECTOR_FONT_SCALE
from ui.report import record
from ui.state import Param, keep, next_seed, publish, restore
from ui.uploads import YOUR_OWN, Source, data_source, in_use, kept
from ui.world_reports import history, judged, land_image, land_share, training, upload_description

PAGE = "app_pages/world.py"

# --------------------------------------------------------------------------- state

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = EXTENT
CORNERS = (
    Param("world_lon_min", "lon_min", LON_MIN, LON_MIN, LON_MAX, exact=True),
    Param("world_lon_max", "lon_max", LON_MAX, LON_MIN, LON_MAX, exact=True),
    Param("world_lat_min", "lat_min", LAT_MIN, LAT_MIN, LAT_MAX, exact=True),
    Param("world_lat_max", "lat_max", LAT_MAX, LAT_MIN, LAT_MAX, exact=True),
)
EDGES = ("west", "east", "south", "north")  # the side of the box each corner value sets
N_MAX = 5_000
SEED_MAX = 999_999
DRAW_MAX = 999_999
DATA = (
    Param("world_n", "n", 50, 1, N_MAX),
    Param("world_seed", "seed", 0, 0, SEED_MAX),
    Param("world_land", "land", False),
)
M_STOPS = tuple(range(10, 2_001, 10))
RADIUS_STOPS = tuple(half / 2 for half in range(31))  # 0, 0.5, …, 15 degrees
SAMPLING = (
    Param("world_show_samples", "samples", False),
    Param("world_m", "m", 200, M_STOPS[0], M_STOPS[-1], options=M_STOPS),
    Param("world_radius", "radius", 3.0, RADIUS_STOPS[0], RADIUS_STOPS[-1],
          options=RADIUS_STOPS),
    # Which draw of samples is shown: "New samples" moves it on; with the seed and the box
    # it fixes the samples, so a shared link shows the very same ones.
    Param("world_draw", "draw", 0, 0, DRAW_MAX),
)
SHARED = (*DATA, *CORNERS, *SAMPLING)
CORNER_KEYS = tuple(param.key for param in CORNERS)
SHOW, M, RADIUS, DRAW = (param.key for param in SAMPLING)
MAP_KEY = "world_map"
HISTORY_KEY = "world_history_chart"
NUDGE_KEY = "world_nudge_step"
NUDGE_STEPS = (1, 5, 10)
NUDGE_DEFAULT = 5
BACKDROP = "world_upload_land"  # the land under uploaded points: a backdrop, not their p_data

SOURCE = Source(
    kind="points",
    label="Points on the map",
    read=read_points,
    example="example-points.csv",
    example_mime="text/csv",
    limits=(f"A table with a lon and a lat column in degrees (longitude −180 to 180, latitude "
            f"−90 to 90), at most {MAX_POINTS:,} points and 2 MB. Your file stays in this "
            "session only: it is never saved, and no one else sees it."),
)

# Everything the page keeps besides its widgets, under one key:
#   box        the last valid Box (put back when an edit would give it no width or height)
#   attempts   every box tried (gdl_core Attempts); scored afresh against the current data
#   flash      one message for the next run, (kind, text), or None
#   source     the data shown: None for the built-in points, else the upload's digest
#   parked     source -> (box, attempts) of the data not shown now (the built-in data's and
#              the kept upload's, no more), to bring back when a person switches back
STATE = "world_state"


def _fresh_state() -> dict:
    return {"box": Box(*EXTENT), "attempts": Attempts(), "flash": None, "source": None,
            "parked": {}}


def _state() -> dict:
    return st.session_state[STATE]


# --------------------------------------------------------------------------- callbacks


def _flash(kind: str, text: str) -> None:
    _state()["flash"] = (kind, text)


def _set_box(corners) -> None:
    for key, value in zip(CORNER_KEYS, corners, strict=True):
        st.session_state[key] = float(value)


def _on_box_edit() -> None:
    """Copy the box drawn, moved or resized on the map into the four corner inputs.

    The editor sends a box once per drag (or run of key presses), each with its own number,
    so Streamlit calls this once for each, even for the same box twice.
    """
    editor = st.session_state.get(MAP_KEY)
    corners = corners_from_value(editor.get("box") if editor else None)
    if corners is None:
        _flash("warning", "The map sent no box with an area. Your previous box is kept.")
    else:
        _set_box(corners)


def _on_history_select() -> None:
    """Bring back the box of the point clicked on the history chart."""
    chart = st.session_state.get(HISTORY_KEY)
    points = chart.get("selection", {}).get("points", []) if chart else []
    for point in reversed(points):
        row = point.get("customdata")
        if isinstance(row, dict):  # a packed array's row arrives as {"0": …, "1": …}
            row = [row.get(str(i)) for i in range(len(row))]
        if isinstance(row, list | tuple) and len(row) == 5:
            try:
                picked = Box(*row[1:])
            except ValueError:
                continue
            _set_box(picked.as_tuple())
            return


def _nudge(d_lon: int, d_lat: int, where: str) -> None:
    by = st.session_state[NUDGE_KEY]
    box = _state()["box"]
    moved = box.shifted(d_lon * by, d_lat * by)
    if moved == box:
        _flash("info", f"The box already touches the {where} edge of the map.")
    else:
        _set_box(moved.as_tuple())


def _resize(sign: int) -> None:
    box = _state()["box"]
    try:
        resized = box.resized(sign * st.session_state[NUDGE_KEY])
    except ValueError as error:
        _flash("warning", str(error))
        return
    if resized == box:
        _flash("info", "The box already covers the whole map.")
    else:
        _set_box(resized.as_tuple())


def _shown_data() -> Training:
    """The points the page shows: the upload in use, else the built-in N points."""
    upload = in_use(SOURCE)
    if upload is not None:
        return upload.data
    return training(st.session_state[DATA[0].key], st.session_state[DATA[1].key])


def _fit_mle() -> None:
    data = _shown_data()
    if data.mle is not None:  # the button is disabled when there is none
        _set_box(data.mle.as_tuple())


def _whole_map() -> None:
    _set_box(EXTENT)


def _new_data() -> None:
    next_seed(DATA[1].key, SEED_MAX)


def _new_samples() -> None:
    next_seed(DRAW, DRAW_MAX)
    st.session_state[SHOW] = True


def _clear_history() -> None:
    _state()["attempts"] = Attempts()


def _reset() -> None:
    """Every setting back to its default; the history and the samples drawn forgotten."""
    reset_to_defaults(*SHARED)
    st.session_state[NUDGE_KEY] = NUDGE_DEFAULT
    st.session_state[STATE] = _fresh_state()


# --------------------------------------------------------------------------- settle the state

link_notices = {}  # URL name -> the notice about its value in the link (a first visit only)
for param in SHARED:
    for notice in restore(param):
        link_notices[param.url] = notice
keep(**{NUDGE_KEY: NUDGE_DEFAULT, BACKDROP: False})
state = st.session_state.setdefault(STATE, _fresh_state())


def _switch_source(source: str | None) -> None:
    """Show the box and history of ``source`` (None: the built-in data): park the last
    source's, bring back the ones parked for ``source`` or start afresh on the whole map.
    Only the built-in data's and the kept upload's are parked: a replaced or forgotten
    file's are dropped."""
    if state["source"] == source:
        return
    parked = state["parked"]
    parked[state["source"]] = (state["box"], state["attempts"])
    box, attempts = parked.pop(source, (Box(*EXTENT), Attempts()))
    upload = kept(SOURCE)
    for gone in set(parked) - {None, upload.digest if upload else None}:
        del parked[gone]
    state.update(source=source, box=box, attempts=attempts)
    _set_box(box.as_tuple())


def _settle_box() -> Box:
    """The box from the four inputs; a side with no length is refused and put back.

    Corners in reverse order are swapped (the box is the same rectangle either way). A zero
    width or height (typed, or from a link) returns that pair of edges to where they were,
    so the rest of the box and everything built so far stay as they are. When a corner from
    the link was off the map, that is said once, in the link's notice.
    """
    previous = state["box"].as_tuple()
    corners = tuple(float(st.session_state[key]) for key in CORNER_KEYS)
    try:
        box = Box(*corners)
    except ValueError as error:
        lon = corners[:2] if corners[0] != corners[1] else previous[:2]
        lat = corners[2:] if corners[2] != corners[3] else previous[2:]
        box = Box(*lon, *lat)
        problem = ("error", f"{error} Those edges are back where they were.")
    else:
        problem = ("info", "The corners were in reverse order, so they have been swapped.")
    if box.as_tuple() != corners:
        said = False  # a corner the link got wrong: its notice tells where that edge went
        for param, edge, before, after in zip(CORNERS, EDGES, corners, box.as_tuple(),
                                              strict=True):
            if before != after and param.url in link_notices:
                link_notices[param.url] = (
                    f"`{param.url}={st.query_params.get(param.url)}` in the link lies off "
                    f"the map, so the box keeps its {edge} edge at "
                    f"{after:g}°.".replace("at -", f"at {MINUS}")
                )
                said = True
        if not said:
            _flash(*problem)
        _set_box(box.as_tuple())
    state["box"] = box
    return box


# --------------------------------------------------------------------------- the page

st.title("Likelihood and maximum likelihood", anchor=False)
st.markdown(
    "Every dot is an observation made by a rule hidden from you, **p_data**. Propose a "
    "**box** as your model **p_model** and score it by how probable it makes the dots. "
    "The **sample space** is every (longitude, latitude) point of the map; the box's "
    "**density** is 1/area at each point inside it and 0 everywhere outside."
)
# Filled once the data are known: the link's notices and the steps come before the data.
notices_slot, steps_slot = st.container(), st.container()
# The radio's value is known before it is drawn: under "Your own file" the uploader needs
# the room; otherwise N, Seed and the buttons stay on one line beside the radio.
if st.session_state.get(SOURCE.choice_key) == YOUR_OWN:
    source_col, data_col = st.columns([3, 2], gap="medium")
    data_row = data_col.container(horizontal=True, key="world_data_row")
else:  # one row, the fewest elements: the built-in data's every rerun
    source_col = data_row = st.container(horizontal=True, vertical_alignment="bottom",
                                         key="world_data_row")
with source_col:
    upload = data_source(SOURCE, key="world_data_source")
uploaded = upload is not None
_switch_source(upload.digest if uploaded else None)

box = _settle_box()
seed = int(st.session_state[DATA[1].key])
land = bool(st.session_state[DATA[2].key])
data = _shown_data()
n = len(data.points)
shown_land = bool(st.session_state[BACKDROP]) if uploaded else land
score = data.score(box)
state["attempts"] = state["attempts"].add(box)
attempts = state["attempts"].scores(data.points)
show_samples = bool(st.session_state[SHOW])
m = int(st.session_state[M])
radius = float(st.session_state[RADIUS])
draw = int(st.session_state[DRAW])
if not show_samples:
    sampled = None
elif uploaded:  # the seed belongs to the built-in data: samples of a file depend on its draw
    sampled = judged(box.as_tuple(), m, 0, draw, n, radius, upload.digest, _upload=data)
else:
    sampled = judged(box.as_tuple(), m, seed, draw, n, radius)
judged_now = sampled is not None and (land or uploaded)
styles = UPLOAD_VERDICT_STYLE if uploaded else VERDICT_STYLE
# What the uploaded points are, in words (for the map's label, the chart's and the report).
points_text = upload_description(upload.digest, data.points) if uploaded else None
described = f"your {points_text}" if uploaded else None
presenting = bool(st.session_state.get("presenter_mode"))

with notices_slot:
    for notice in link_notices.values():
        st.warning(notice, icon=":material/link_off:")
with steps_slot:
    steps_overview(UPLOAD_STEPS if uploaded else STEPS, key="world_steps")

with data_row:
    if uploaded:
        st.caption(
            f"**N = {n:,}**: every row of your file is a point. The built-in data keeps its "
            "settings, its box and its history for when you switch back. A link to this page "
            "cannot carry your file: it opens the built-in data.", width="stretch",
        )
    else:
        st.number_input(
            "Points N", min_value=1, max_value=N_MAX, step=10, key=DATA[0].key, width=150,
            help=f"How many observations p_data produces (1 to {N_MAX:,}).",
        )
        st.number_input(
            "Seed", min_value=0, max_value=SEED_MAX, step=1, key=DATA[1].key, width=150,
            help="The same seed always gives the same points.",
        )
        st.button("New data", icon=":material/casino:", on_click=_new_data,
                  key="world_new_data",
                  help="Draw a fresh set of points (moves the seed on by one).")
    reset_button(_reset, key="world_reset")

# Steps 1 to 3 all happen on the map: their links in the overview lead here.
st.html("".join(f'<span id="{step_anchor(number)}"></span>' for number in (1, 2, 3)))
hint = next_hint(
    score, n,
    no_mle_reason=data.no_mle_reason,
    whole_map=box.as_tuple() == EXTENT,
    missed_before=any(log_l == -np.inf for _, log_l in attempts),
    land=land,
    counts=None if sampled is None else sampled.counts,
    uploaded=uploaded,
)
icons = {"info": ":material/directions:", "success": ":material/flag:",
         "warning": ":material/info:", "error": ":material/block:"}
with st.container(key="world_hint"):
    getattr(st, hint.kind)(hint.text, icon=icons[hint.kind])
if state["flash"] is not None:
    (kind, text), state["flash"] = state["flash"], None
    {"error": st.error, "warning": st.warning, "info": st.info}[kind](text)

with st.container(horizontal=True, vertical_alignment="center", key="world_nudge_row"):
    by = st.session_state[NUDGE_KEY]
    for label, key, move, where in (
        ("←", "world_move_west", (-1, 0), "west"),
        ("→", "world_move_east", (1, 0), "east"),
        ("↑", "world_move_north", (0, 1), "north"),
        ("↓", "world_move_south", (0, -1), "south"),
    ):
        st.button(label, key=key, on_click=_nudge, args=(*move, where),
                  help=f"Move the box {by}° {where}.")
    st.button("Grow", icon=":material/zoom_out_map:", key="world_grow", on_click=_resize,
              args=(1,), help=f"Move every side {by}° outwards.")
    st.button("Shrink", icon=":material/zoom_in_map:", key="world_shrink",
              on_click=_resize, args=(-1,), help=f"Move every side {by}° inwards.")
    st.segmented_control(
        "Step", NUDGE_STEPS, key=NUDGE_KEY, required=True, label_visibility="collapsed",
        format_func=lambda degrees: f"{degrees}°",
        help="How far the arrows, Grow and Shrink move the box's sides.",
    )
    st.button("Fit the MLE", type="primary", icon=":material/center_focus_strong:",
              on_click=_fit_mle, key="world_fit_mle", disabled=data.mle is None,
              help=("Snap the box to the smallest rectangle holding every point."
                    if data.mle is not None else "These points have no best box."))
    st.button("Whole map", icon=":material/crop_free:", on_click=_whole_map,
              key="world_whole_map", help="Start again from a box covering the whole map.")

map_col, side_col = st.columns([3, 1], gap="medium")

labelled = examples(sampled.verdicts) if judged_now else {}
legend = [(f"{'your' if uploaded else 'the'} data X ({n:,} point{'' if n == 1 else 's'})",
           POINT_COLOUR, "circle"),
          ("your box p_model", BOX_COLOUR, "box")]
if sampled is not None and not judged_now:
    legend.append((f"samples ({m:,})", SAMPLE_COLOUR, "circle"))
elif judged_now:
    for verdict, (name, colour, symbol) in styles.items():
        legend.append((f"{name} ({sampled.counts[verdict]:,})", colour, symbol))

with map_col:
    box_editor(
        key=MAP_KEY,
        points=data.points,
        box=box.as_tuple(),
        on_change=_on_box_edit,
        mle_log_likelihood=None if data.mle is None else data.mle_log_likelihood,
        land=land_image() if shown_land else None,
        samples=None if sampled is None else sampled.samples,
        verdicts=sampled.verdicts if judged_now else None,
        examples=[{"label": EXAMPLE_LABELS[verdict], "verdict": verdict,
                   "lon": float(sampled.samples[index, 0]),
                   "lat": float(sampled.samples[index, 1])}
                  for verdict, index in labelled.items()],
        legend=legend,
        styles={"unjudged": {"colour": SAMPLE_COLOUR, "symbol": "circle"},
                **{verdict: {"colour": colour, "symbol": symbol}
                   for verdict, (_, colour, symbol) in VERDICT_STYLE.items()}},
        verdict_names={verdict: name for verdict, (name, _, _) in styles.items()},
        step=float(st.session_state[NUDGE_KEY]),
        font_scale=PROJECTOR_FONT_SCALE if presenting else 1.0,
        label=(f"World map with {described or f'{n:,} points'} and the box p_model "
               f"{box.lon_min:g} to {box.lon_max:g} degrees longitude, "
               f"{box.lat_min:g} to {box.lat_max:g} degrees latitude. Drag to draw, move "
               "or resize the box; arrow keys move it, Shift and arrows resize it."),
    )
    show_chart(
        history(
            attempts,
            tuple(tried.as_tuple() for tried in state["attempts"].boxes),
            n,
            None if data.mle is None else (data.mle.area, data.mle_log_likelihood),
            None if data.mle is None else data.mle.as_tuple(),
            340 if presenting else 250,
        ),
        key=HISTORY_KEY,
        filename="world-boxes-tried",
        description=history_description(
            attempts, n,
            None if data.mle is None else (data.mle.area, data.mle_log_likelihood),
            data=described),
        on_select=_on_history_select,
        selection_mode="points",
    )
    with st.container(horizontal=True, vertical_alignment="center", key="world_history_row"):
        st.caption("Every box you tried. Click a point to bring its box back.")
        st.button("Clear history", icon=":material/delete_sweep:", on_click=_clear_history,
                  key="world_clear_history")
    st.caption(EDITOR_HELP)

with side_col:
    with st.container(key="world_readouts"):
        st.metric("Log-likelihood ℓ", format_number(score.log_likelihood))
        st.metric("Points outside", f"{score.outside:,} of {n:,}")
        st.metric("ℓ minus ℓ of the MLE", format_number(score.gap))  # NaN, no MLE: "—"
        st.metric("Area (square degrees)", format_number(score.area, 0))
        st.metric("Density inside, 1/area", format_likelihood(score.log_density))
        st.metric("Likelihood L", format_likelihood(score.log_likelihood))
        # One expander rather than a "?" (a tab stop) beside each number.
        with st.expander("What these numbers are"):
            st.markdown(
                "- **ℓ**: the sum of log p_model(x) over the points: −N·log(area), or −∞.\n"
                "- **Points outside**: observations to which the box gives density 0.\n"
                "- **ℓ minus ℓ of the MLE**: how far your box scores below the best possible "
                "box; 0 means you found it.\n"
                "- **Area**: width × height of the box on the flat map.\n"
                "- **Density inside**: p_model(x) for any point x in the box, per square "
                "degree; 0 outside.\n"
                "- **L**: the product of p_model(x) over all N points: (1/area)^N, or 0."
            )
    with st.container(key="world_box_edges"):
        st.markdown(
            "**The parameters θ.** The box is four numbers: its south-west corner "
            "(θ₁, θ₂) and its north-east corner (θ₃, θ₄)."
        )
        # In θ order: west θ₁, south θ₂, east θ₃, north θ₄ (the book's two corners).
        for key, label, (lo, hi) in (
            (CORNER_KEYS[0], "θ₁ west edge (lon_min)", (LON_MIN, LON_MAX)),
            (CORNER_KEYS[2], "θ₂ south edge (lat_min)", (LAT_MIN, LAT_MAX)),
            (CORNER_KEYS[1], "θ₃ east edge (lon_max)", (LON_MIN, LON_MAX)),
            (CORNER_KEYS[3], "θ₄ north edge (lat_max)", (LAT_MIN, LAT_MAX)),
        ):
            st.number_input(label, min_value=lo, max_value=hi, step=1.0, format="%.2f",
                            key=key)

with st.expander("Why a smaller box scores higher, and where that stops"):
    st.markdown(
        "A box that holds all N points gives each of them density 1/area, so "
        "ℓ = −N·log(area): every such box sits on the dashed curve of the chart, and **the "
        "smaller the box, the higher ℓ**. Pull an edge past a point, though, and that point "
        "gets density 0: ℓ falls to −∞ (the crosses in the band under the chart). The peak "
        "is where the two meet: the tightest box around the data, the **maximum likelihood "
        "estimate** (the star). It is simply the points' bounding box."
    )

step4_col, step5_col = st.columns([2, 3], gap="large")


def _built_in_step4() -> None:
    step(4, STEPS[3], "Switch on the land and compare it with your box.")
    st.toggle("Reveal p_data (the land)", key=DATA[2].key,
              help="Show the rule that produced the points: uniform over land.")
    if land:
        share = land_share(box.as_tuple())
        st.markdown(
            f"The points came from **land only**. Your box is **{share:.0%} land** and "
            f"**{1 - share:.0%} sea**, and it spreads its probability evenly over both."
        )
        if sampled is None:
            st.caption("Draw samples (step 5) and the map marks one of each kind: **A** in "
                       "the sea, **B** a near-copy, **C** new on land.")
    else:
        st.caption("The map shows only the points for now.")
    with st.expander("Why even the best box falls short"):
        st.markdown(
            "The maximum-likelihood box is the best a *box* can do with these points, but a "
            "box has four numbers and a coastline needs thousands. Whatever sea lies inside "
            "it gets the same density as the land, so the model will happily place new "
            "points in the ocean. A richer model, one that can bend around the land, is what "
            "the rest of the book builds up to."
        )


def _uploaded_step4() -> None:
    step(4, UPLOAD_STEPS[3], "Think about the rule that made your points.")
    st.markdown(
        "The built-in points come from a rule the page knows, uniform over land, so it can "
        "reveal it. Your points' **p_data** is whatever produced them (people in cities, "
        "birds, ships, earthquakes…), and only you know it. So there is nothing to reveal, "
        "and the page cannot tell whether a sample **looks real (Rule 1)**: that is yours "
        "to judge. It does judge **Rule 2** for you (step 5)."
    )
    st.toggle("Show the land under your points", key=BACKDROP,
              help="The land is the built-in data's p_data; here it only helps you find your "
                   "way on the map.")
    if shown_land:
        share = land_share(box.as_tuple())
        st.markdown(
            f"Your box is **{share:.0%} land** and **{1 - share:.0%} sea**. If your points "
            "can only be on land, a sample in the sea breaks Rule 1; if they come from the "
            "sea, the other way round."
        )
    with st.expander("Why even the best box falls short"):
        st.markdown(
            "The maximum-likelihood box is the best a *box* can do with your points, but "
            "whatever shape they really have (a coastline, a river, a few towns) a box "
            "spreads its probability evenly over all of its area, also where none of your "
            "points could ever be. A richer model, one that can follow that shape, is what "
            "the rest of the book builds up to."
        )


with step4_col:
    (_uploaded_step4 if uploaded else _built_in_step4)()

with step5_col:
    step(5, STEPS[4], "Draw samples from your box, then judge each one by the two rules.")
    st.markdown(
        "**Rule 1:** a sample should look as if p_data made it. **Rule 2:** it should not "
        "just repeat a point we already have."
    )
    with st.container(horizontal=True, vertical_alignment="bottom", key="world_sample_row"):
        st.button("New samples", icon=":material/scatter_plot:", on_click=_new_samples,
                  key="world_new_samples", help="Draw a fresh set of samples from your box.")
        st.toggle("Show samples on the map", key=SHOW)
    sliders = st.columns(2)
    sliders[0].slider("Samples M", min_value=M_STOPS[0], max_value=M_STOPS[-1], step=10,
                      key=M)
    sliders[1].slider("Near-copy radius (degrees)", min_value=RADIUS_STOPS[0],
                      max_value=RADIUS_STOPS[-1], step=0.5, key=RADIUS,
                      help="A sample this close to a data point counts as a copy (Rule 2).")
    near = (f"within {radius:g}° of an observation" if radius > 0
            else "at exactly the spot of an observation")
    if sampled is None:
        st.caption("Press *New samples* or switch on *Show samples on the map*.")
    elif not judged_now:
        st.info(
            f"{m:,} samples from your box are on the map. To judge them you need to know "
            "where p_data puts its points: **reveal the land** (step 4).",
            icon=":material/visibility_off:",
        )
    else:
        titles = {"sea": "In the sea (A)", "copy": "Near-copy (B)",
                  "new": "New (C)" if uploaded else "New on land (C)"}
        with st.container(key="world_verdicts"):
            for column, kind in zip(st.columns(len(styles)), styles, strict=True):
                count = sampled.counts[kind]
                column.metric(titles[kind], f"{count / m:.0%}", f"{count:,} of {m:,}",
                              delta_color="off", delta_arrow="off")
        if uploaded:
            st.markdown(
                f"- **B, a near-copy:** {near}. One such point is harmless; a model that "
                "only made these would just be repeating its data: **Rule 2**.\n"
                "- **C, new:** not a copy of any of your points. Whether it also looks real "
                "(**Rule 1**) depends on your points' p_data, which the page does not know: "
                "look where it lies on the map."
            )
        else:
            st.markdown(
                "- **A, in the sea:** the box puts probability on water, where p_data never "
                "does, so the sample could not pass for real data: **Rule 1** is broken.\n"
                f"- **B, a near-copy:** on land but {near}. One such point is harmless; a "
                "model that only made these would just be repeating its data: **Rule 2**.\n"
                "- **C, new and on land:** plausible under p_data and not a copy: what a good "
                "generative model should produce most of the time."
            )
        missing = [verdict for verdict in styles if verdict not in labelled]
        shown = ", ".join(EXAMPLE_LABELS[v] for v in styles if v in labelled)
        where = {"sea": "in the sea", "copy": "a near-copy",
                 "new": "new" if uploaded else "new and on land"}
        note = (f"The map marks one sample of each kind with its letter ({shown})." if shown
                else "")
        if missing:
            note += " " + " ".join(
                f"No sample is {where[v]} this time, so the map has no "
                f"{EXAMPLE_LABELS[v]}." for v in missing)
        st.caption(note.strip())
    if sampled is not None:
        rows = sampled.table if judged_now else sampled.positions  # both made once, shared
        csv_download(rows, "world-samples.csv", key="world_samples_csv")


def _report() -> ReportSection:
    """What the page shows now, for the session report."""
    def where(b: Box) -> str:
        return (f"longitude {degrees(b.lon_min, 'E', 'W')} to {degrees(b.lon_max, 'E', 'W')}, "
                f"latitude {degrees(b.lat_min, 'N', 'S')} to {degrees(b.lat_max, 'N', 'S')}")

    source = (f"your file {', '.join(upload.names)}: {points_text}"
              if uploaded else f"built-in: {n:,} points drawn uniformly over land, seed {seed}")
    settings = [("Data", source), ("Box p_model", where(box))]
    if sampled is not None:
        settings += [("Samples M", f"{m:,}"), ("Near-copy radius", f"{radius:g}°")]
    numbers = [
        ("N", f"{n:,}"),
        ("Log-likelihood ℓ", format_number(score.log_likelihood)),
        ("Points outside", f"{score.outside:,} of {n:,}"),
        ("Area (square degrees)", format_number(score.area, 0)),
        ("MLE box", where(data.mle) if data.mle is not None else data.no_mle_reason),
        ("ℓ of the MLE", format_number(data.mle_log_likelihood)),
        ("ℓ minus ℓ of the MLE", format_number(score.gap)),
    ]
    if judged_now:
        numbers += [(f"Samples {styles[kind][0]}", f"{sampled.counts[kind]:,} of {m:,}")
                    for kind in styles]
    tables = [] if sampled is None else [("Samples from the box", rows)]
    return ReportSection("Likelihood and maximum likelihood", settings=settings,
                         numbers=numbers, tables=tables)


record(PAGE, _report())
next_page_link(PAGE)
if uploaded:
    # A link cannot carry the file: it keeps the built-in data's view, box included.
    publish(*DATA, *SAMPLING)
    for param, value in zip(CORNERS, state["parked"][None][0].as_tuple(), strict=True):
        st.query_params[param.url] = param.format(value)
else:
    publish(*SHARED)
