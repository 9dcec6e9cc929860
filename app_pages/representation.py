"""Representation learning: describe each picture by a few latent numbers and learn the map f
from those numbers back to pixels.

Thin page: widgets, layout and state. The tins, f, the models and the measures come from
``gdl_core.tins``; the Wrodl blends from ``gdl_core.halfway``; each is cached, with the
pictures made of it, in :mod:`ui.tin_reports`.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from gdl_core import halfway, wrodl
from gdl_core.numbers import format_number
from gdl_core.report import ReportSection
from gdl_core.style import COLOURS
from gdl_core.tins import HEIGHT_RANGE, WIDTH_RANGE
from ui import tin_reports as reports
from ui.box_editor import POINT_HELP, point_editor, point_from_value
from ui.charts import show_chart
from ui.controls import seed_row
from ui.guide import next_page_link, reset_to_defaults, step, steps_overview
from ui.images import NARROW_COLUMNS, avatar_png, crisp_images, face_key, show_sheet, tin_sheet_png
from ui.presenter import PROJECTOR_FONT_SCALE
from ui.report import record
from ui.state import Param, publish, restore
from ui.tin_reports import K_MAX, N_SAMPLES, N_TRAINING, PORTRAIT_PX

PAGE = "app_pages/representation.py"
N_SHOWN = 20
SEED_MAX = 999_999
PORTRAIT_CSS_PX = 180  # PORTRAIT_PX wide pictures shown at most this wide: sharp
TIN_PX = 200  # f(z) on screen: each pixel visible, and still room beside the plane

HEIGHT = Param("rep_height", "height", 9.0, *HEIGHT_RANGE)
WIDTH = Param("rep_width", "width", 6.0, *WIDTH_RANGE)
TALLER = Param("rep_taller", "taller", False)
SEED = Param("rep_seed", "seed", 0, 0, SEED_MAX)
K = Param("rep_k", "k", 2, 1, K_MAX)
FACE_A = Param("rep_face_a", "a", 0, 0, 49)
FACE_B = Param("rep_face_b", "b", 1, 0, 49)
PARAMS = (HEIGHT, WIDTH, TALLER, SEED, K, FACE_A, FACE_B)
PLANE_KEY = "rep_latent_plane"
#: The latent plane as the point editor sees it: x is the width, y the height (cm).
PLANE_EXTENT = (*WIDTH_RANGE, *HEIGHT_RANGE)
STEPS = (
    "Meet the tins",
    "Walk the latent plane",
    "Make new tins two ways",
    "Find the latent plane from pixels alone",
    "Back to Wrodl: five features are a latent space too",
)

# --------------------------------------------------------------------------- callbacks


def _on_pick() -> None:
    """A click, a drag or arrow keys on the latent plane moved z: the editor sends the point
    once, when the hand or the key is let go."""
    editor = st.session_state.get(PLANE_KEY)
    picked = point_from_value(editor.get("point") if editor else None, PLANE_EXTENT)
    if picked is not None:
        st.session_state[WIDTH.key], st.session_state[HEIGHT.key] = picked


def _go_taller() -> None:
    st.session_state[HEIGHT.key] = min(st.session_state[HEIGHT.key] + 1.0, HEIGHT_RANGE[1])


def _reset() -> None:
    reset_to_defaults(*PARAMS)


def _record() -> None:
    """This page's part of the session report: every setting, f(z) for the chosen z, and
    the two ways' samples with their distances (called by every run, the fragments' too)."""
    height, width = float(st.session_state[HEIGHT.key]), float(st.session_state[WIDTH.key])
    seed = int(st.session_state[SEED.key])
    pixel, _, latent = reports.two_ways(seed)
    pixel_sheet, latent_sheet = reports.two_ways_sheets(seed)
    record(PAGE, ReportSection(
        "Representation learning",
        settings=[("z: height (cm)", f"{height:.2f}"), ("z: width (cm)", f"{width:.2f}"),
                  ("seed", str(seed)), ("learned coordinates k", str(st.session_state[K.key])),
                  ("Wrodlers halfway", f"#{st.session_state[FACE_A.key]} and "
                                       f"#{st.session_state[FACE_B.key]}")],
        numbers=[
            ("median distance to a drawable tin, Naive Bayes on pixels (grey levels)",
             format_number(float(np.median(pixel.to_drawable)), 1)),
            ("median distance to a drawable tin, Gaussian on (height, width) then f",
             format_number(float(np.median(latent.to_drawable)), 1)),
        ],
        pictures=[(f"f({height:.2f}, {width:.2f}): a biscuit tin",
                   reports.tin_png(height, width)),
                  (pixel_sheet.alt, pixel_sheet.png), (latent_sheet.alt, latent_sheet.png)],
    ))


# --------------------------------------------------------------------------- steps


@st.fragment
def _latent_plane() -> None:
    """The plane and f(z): a release on the plane, a typed size or a step reruns only this
    part. While z is dragged, the plane draws f(z) itself; on release Python draws it here
    with gdl_core."""
    training = reports.training()
    plane_col, tin_col = st.columns([2, 1], gap="large")
    height = float(st.session_state[HEIGHT.key])
    width = float(st.session_state[WIDTH.key])
    taller = bool(st.session_state[TALLER.key]) and height + 1 <= HEIGHT_RANGE[1]
    with plane_col:
        point_editor(
            key=PLANE_KEY,
            points=training.z[:, ::-1],
            point=(width, height),
            on_change=_on_pick,
            extent=PLANE_EXTENT,
            axes=("width", "height"),
            unit="cm",
            order="yx",
            preview="tin",
            offset=(0.0, 1.0) if taller else None,
            legend=[(f"training tins ({N_TRAINING})", COLOURS["navy"], "circle"),
                    ("your point z", COLOURS["orange"], "ring")],
            colours=(COLOURS["navy"], COLOURS["orange"]),
            point_name="training tin",
            step=0.25,
            big_step=1.0,
            max_side=560,
            font_scale=PROJECTOR_FONT_SCALE if st.session_state.get("presenter_mode") else 1.0,
            label=f"The latent plane: width across, height up, with the {N_TRAINING} training "
            f"tins as points; your point z is at height {height:.2f} cm, width {width:.2f} cm"
            + (", with an arrow to a point 1 cm taller" if taller else "") + ". Click or drag "
            "to move z; the arrow keys move it by 0.25 cm, with Shift by 1 cm.",
        )
        st.caption(POINT_HELP)
    with tin_col, st.container(key="rep_f_of_z"):
        st.number_input("Height (cm)", *HEIGHT_RANGE, step=0.25, key=HEIGHT.key, format="%.2f")
        st.number_input("Width (cm)", *WIDTH_RANGE, step=0.25, key=WIDTH.key, format="%.2f")
        pictures = [(height, width)] + ([(height + 1, width)] if taller else [])
        for column, (h, w) in zip(st.columns(len(pictures)), pictures, strict=True):
            column.container(width=TIN_PX).image(
                reports.tin_png(h, w), width="stretch", output_format="PNG",
                caption=f"f({h:.2f}, {w:.2f})",
                alt=f"A biscuit tin drawn by f: {h:.2f} cm tall and {w:.2f} cm wide",
            )
        st.toggle("Show one cm taller", key=TALLER.key)
        st.button("Step up by 1 cm", icon=":material/arrow_upward:", on_click=_go_taller,
                  key="rep_go_taller", disabled=height + 1 > HEIGHT_RANGE[1])
    publish(*PARAMS)  # a fragment's rerun does not reach the page's own publish()
    _record()


@st.fragment
def _two_ways_section() -> None:
    """Seed, "Sample again" and the two rows of samples: a new seed reruns only this part."""
    seed = seed_row(SEED, "rep_sample_again", SEED_MAX)
    pixel, _, latent = reports.two_ways(seed)
    pixel_col, latent_col = st.columns(2, gap="large")
    for column, title, drawn, sheet, key in zip(
        (pixel_col, latent_col),
        ("Naive Bayes on the 1,024 pixels", "A Gaussian on (height, width), then f"),
        (pixel, latent), reports.two_ways_sheets(seed),
        ("rep_pixel_samples", "rep_latent_samples"), strict=True,
    ):
        with column:
            st.subheader(title, anchor=False)
            sheet.show(key, download=f"{key.removeprefix('rep_').replace('_', '-')}.png")
            copies = int((drawn.to_training < 0.5).sum())
            near, far = st.columns(2)
            near.metric("Median distance to a drawable tin",
                        format_number(float(np.median(drawn.to_drawable)), 1),
                        help="Root-mean-square difference in grey levels (0 to 255) from the "
                             "nearest picture f can draw, searched over every height and width.")
            far.metric("Copies of a training tin", f"{copies} of {N_SAMPLES}")
    publish(*PARAMS)
    _record()


@st.fragment
def _reconstructions() -> None:
    """k, the tins rebuilt from k learned coordinates and new tins made in them."""
    k = st.slider("Learned coordinates k", 1, K_MAX, key=K.key)
    st.caption("How many of PCA's directions describe each tin.")
    rebuilt, error = reports.reconstructions(k)
    show_sheet(
        rebuilt,
        "rep_reconstructions",
        f"Top row: ten training tins. Bottom row: each rebuilt from {k} learned coordinates",
        f"Top: the originals. Bottom: rebuilt from k = {k}; error (grey levels) "
        + ", ".join(format_number(e, 1) for e in error) + ".",
    )
    show_sheet(
        reports.learned_png(k), "rep_learned_samples",
        f"Ten new tins sampled in {k} learned coordinates and decoded by PCA",
        f"New tins: a Gaussian on the first {k} learned coordinates, decoded by PCA's linear map.",
        download="tins-from-pca.png",
    )
    publish(*PARAMS)
    _record()


@st.fragment
def _halfway_section() -> None:
    """Two Wrodlers and the two halfway faces between them."""
    faces = wrodl.load()
    pick_a, pick_b = st.columns(2)
    pick_a.selectbox("First Wrodler", list(faces.index), key=FACE_A.key,
                     format_func=lambda i: f"#{i}")
    pick_b.selectbox("Second Wrodler", list(faces.index), key=FACE_B.key,
                     format_func=lambda i: f"#{i}")
    a = faces.loc[st.session_state[FACE_A.key]].astype(str).to_dict()
    b = faces.loc[st.session_state[FACE_B.key]].astype(str).to_dict()
    middle = halfway.in_features(a, b)
    shown = (
        ("First", avatar_png(face_key(a), PORTRAIT_PX), ", ".join(a.values())),
        ("Halfway in pixels", reports.pixel_blend_png(face_key(a), face_key(b)),
         "the two pictures averaged: a double exposure"),
        ("Halfway in features", avatar_png(face_key(middle), PORTRAIT_PX),
         ", ".join(middle.values())),
        ("Second", avatar_png(face_key(b), PORTRAIT_PX), ", ".join(b.values())),
    )
    for column, (title, png, about) in zip(st.columns(4), shown, strict=True):
        column.container(width=PORTRAIT_CSS_PX).image(
            png, caption=title, width="stretch", output_format="PNG", alt=f"{title}: {about}"
        )
    publish(*PARAMS)
    _record()


# --------------------------------------------------------------------------- page

notices = restore(*PARAMS)
crisp_images()
training = reports.training()

st.title("Representation learning")
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
st.markdown(
    "Planet Pixel showed that a model of raw pixels cannot draw a face. The way out is to "
    "describe every picture by **a few numbers** (its *latent* point z) and to learn a map "
    "**f** that turns any such point back into pixels. A simple model of z, plus f, then "
    "draws new pictures that hold together."
)
steps_overview(STEPS, "rep_steps", _reset, "rep_reset")

# 1 ------------------------------------------------------------------------ the tins
step(1, STEPS[0], "Look at the training pictures: what would you need to know to draw one?")
sizes = ", ".join(f"{h:.1f} × {w:.1f}" for h, w in training.z[:N_SHOWN])
show_sheet(
    tin_sheet_png(training.pictures[:N_SHOWN]),
    "rep_training",
    f"{N_SHOWN} grey biscuit tins of different heights and widths (cm): {sizes}",
    f"The first {N_SHOWN} of {N_TRAINING} training tins, each 32 × 32 pixels. Their heights "
    f"× widths in cm, row by row: {sizes}.",
    narrow_png=tin_sheet_png(training.pictures[:N_SHOWN], None, NARROW_COLUMNS),
    download="training-tins.png",
)
st.markdown(
    "Each picture has 1,024 pixels, yet two numbers say everything about it: **how tall** "
    "and **how wide** the tin is. Those two numbers are a latent space for these pictures."
)

# 2 ------------------------------------------------------------------------ the latent plane
step(2, STEPS[1], "Click or drag anywhere in the plane, even far from every training tin.")
_latent_plane()
st.markdown(
    "Making a tin taller pixel by pixel would mean repainting hundreds of pixels in just "
    "the right way. In the latent plane it is one step: **add 1 to the height**, then f."
)

# 3 ------------------------------------------------------------------------ two ways
step(3, STEPS[2], "Compare: which model draws tins, and which draws noise?")
_two_ways_section()
with st.expander("What the two numbers mean"):
    st.markdown(
        "The **distance to a drawable tin** compares a sample with every picture f can "
        "make and keeps the closest: a real tin scores 0, noise scores high. Pixel-wise "
        "Naive Bayes picks every pixel on its own, so its pictures are far from any tin. The "
        "latent route only ever hands points to f, so every sample is a tin (0, up to the "
        "search's rounding), and none is a copy: each has a height and width no training tin "
        f"had. (The Gaussian was fitted to the {N_TRAINING} training points by maximum "
        "likelihood; samples beyond the heights and widths f can draw are moved to its edge.)"
    )

# 4 ------------------------------------------------------------------------ learned, not given
step(4, STEPS[3], "Slide k and watch the reconstructions sharpen; then sample.")
figures = reports.pca_figures()
variance_col, height_col, width_col = st.columns(3, gap="medium")
with variance_col:
    ratios = reports.pca().explained_variance_ratio_
    show_chart(
        figures["variance"], "rep_variance", filename="tins-variance",
        description="Share of the tins' pixel variation each learned direction explains: "
        + ", ".join(f"direction {i} {r:.0%}" for i, r in enumerate(ratios[:5], start=1))
        + ".",
    )
for column, by in ((height_col, "height"), (width_col, "width")):
    with column:
        show_chart(
            figures[by], f"rep_coordinates_{by}", filename=f"tins-learned-by-{by}",
            description=f"The {N_TRAINING} training tins at their first two learned "
            f"coordinates, coloured by their true {by}: the colour changes smoothly across "
            "the cloud.",
        )
first_two = reports.pca().explained_variance_ratio_[:2].sum()
st.markdown(
    f"PCA never saw a height or a width, only pixels. Its first two directions explain "
    f"**{first_two:.0%}** of the variation, and the colours change smoothly across the "
    "cloud: tall and short tins, wide and narrow ones, end up in different places. It has "
    "found a latent space close to the real one."
)
_reconstructions()
st.markdown(
    "The new tins are tins, but **soft at the edges**: a straight-line map from coordinates "
    "to pixels can only add and fade fixed patterns, so a sharp edge that moves is drawn "
    "as a blur. The deep models later in the book learn a curved map f instead."
)
with st.expander("The tins as a sheet in picture space (3-D)"):
    show_chart(
        figures["sheet"], "rep_sheet", filename="tins-sheet",
        description="A 3-D view of the tins' first three learned coordinates, coloured by "
        "height: the tins lie on a thin curved sheet.",
    )
    st.markdown(
        "Every 32 × 32 picture is one point in a space of 1,024 dimensions. The tins fill "
        "only a thin, curved sheet of it, two numbers wide: here its first three learned "
        "coordinates, coloured by height."
    )

# 5 ------------------------------------------------------------------------ back to Wrodl
step(5, STEPS[4], "Pick two Wrodlers and compare the two ways to go halfway between them.")
_halfway_section()
st.markdown(
    "The five features are a latent space made by hand, and the avatar drawing is its f. "
    "Averaging pixels gives a ghostly double face that no combination of features could "
    "draw; going halfway in the features (the first three from one face, the rest from the "
    "other) and then drawing gives an ordinary Wrodler."
)

publish(*PARAMS)
_record()
next_page_link(PAGE)
