"""Planet Pixel: the Naive Bayes model that worked on five features, applied to 1,024 pixels.

Thin page: widgets, layout and state. The numbers come as reports from
``gdl_core.pixels.experiment`` and the pictures from ``gdl_core.pixels.figures``; each report
is cached by the settings it depends on (the data by N; the fit by (N, α); the samples by
(N, α, seed)).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from gdl_core import pixels
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.numbers import format_number
from gdl_core.pixels import experiment as pe
from gdl_core.pixels import figures as pixel_figures
from gdl_core.pixels.measures import LikelihoodSummary, pixel_distribution
from gdl_core.pixels.training import TABLE_PIXELS, table_1_3
from ui.images import crisp_images, outlined_face_png, pixel_sheet_png, show_sheet
from ui.presenter import for_audience
from ui.state import Param, next_seed, publish, restore

# --------------------------------------------------------------------------- settings

SIZES = (50, 200, 500, 1000, 2000)
ALPHAS = (0.0, 0.001, 0.01, 0.1, 0.5, 1.0, 2.0, 5.0)
SEED_MAX = 999_999
N_SHOWN = pe.N_SHOWN  # samples shown as pictures
N_TRAINING_SHOWN = 20
SAMPLES_ALT = "Ten faces from Naive Bayes on the pixels: noisy speckles over a rough face shape"

N = Param("pp_n", "n", 50, SIZES[0], SIZES[-1], options=SIZES)
ALPHA = Param("pp_alpha", "alpha", 0.0, ALPHAS[0], ALPHAS[-1], options=ALPHAS)
SEED = Param("pp_seed", "seed", 0, 0, SEED_MAX)
ROW = Param("pp_row", "row", 14, 0, pixels.SIZE - 1)
COLUMN = Param("pp_col", "col", 10, 0, pixels.SIZE - 1)
PARAMS = (N, ALPHA, SEED, ROW, COLUMN)


def _next_seed() -> None:
    next_seed(SEED.key, SEED_MAX)


def _on_pick() -> None:
    """A click on the entropy map moves the pixel picker to the clicked cell."""
    event = st.session_state.get("pp_entropy_map")
    picked = pixel_figures.selected_pixel(event["selection"] if event else None)
    if picked is not None:
        st.session_state[ROW.key], st.session_state[COLUMN.key] = picked


def _size_label(n: int) -> str:
    return "the 50 Wrodlers" if n == 50 else f"{n:,} faces"


# --------------------------------------------------------------------------- cached reports


@st.cache_data(max_entries=len(SIZES), show_spinner=False)
def _data(n: int) -> pe.DataReport:
    return pe.data_report(n)


@st.cache_resource(max_entries=16, show_spinner=False)
def _model(n: int, alpha: float) -> CategoricalNB:
    """Pixel-wise Naive Bayes on ``n`` faces with pseudocount ``alpha``.

    Kept as one shared object (never changed after fitting): st.cache_data would copy its
    three 1,024 × 256 tables on every rerun, about 2.5 ms of a ~35 ms warm rerun (measured).
    """
    return CategoricalNB(alpha).fit(_data(n).training, pixels.N_COLORS)


@st.cache_data(max_entries=24, show_spinner=False)
def _fit(n: int, alpha: float) -> pe.FitReport:
    return pe.fit_report(_model(n, alpha), _data(n))


@st.cache_data(max_entries=48, show_spinner=False)
def _samples(n: int, alpha: float, seed: int) -> pe.SampleReport:
    return pe.sample_report(_model(n, alpha), _data(n), seed)


# --------------------------------------------------------------------------- helpers


def _copies_text(copies: tuple[int, int | None]) -> str:
    """What :func:`gdl_core.pixels.measures.count_copies` found among the samples shown."""
    n_copies, closest = copies
    farther = (f"differs from every training face in at least **{closest:,} of 1,024 pixels**"
               if closest is not None else "")
    if n_copies == 0:
        return f"No sample above is a copy: each {farther}. That alone means little."
    verb = "is an exact copy" if n_copies == 1 else "are exact copies"
    copied = f"{n_copies} of the samples above {verb} of a training face (0 pixels differ)"
    return f"{copied}; every other sample {farther}." if farther else f"{copied}."


def _format_ll(summary: LikelihoodSummary) -> str:
    return format_number(summary.mean, 3)


def _ll_note(summary: LikelihoodSummary) -> str:
    if summary.n_impossible:
        return (f"{summary.n_impossible} of {summary.n_faces} have probability 0 "
                "(a colour never seen at some pixel)")
    return f"like a fair pick among {summary.colours_per_pixel:.2f} colours at every pixel"


# --------------------------------------------------------------------------- page

notices = restore(*PARAMS)
crisp_images()

with st.sidebar:
    st.subheader("Planet Pixel")
    st.select_slider("Training faces", options=SIZES, key=N.key, format_func=_size_label,
                     help="The 50 Wrodlers, or the 50 plus new Wrodlers drawn from the Naive "
                          "Bayes model of their five features (always the same ones).")
    st.select_slider("Pseudocount α", options=ALPHAS, key=ALPHA.key,
                     format_func=lambda a: f"{a:g}",
                     help="Added to every colour count at every pixel before dividing. "
                          "0 is the maximum-likelihood fit.")
    st.number_input("Seed for the samples", min_value=0, max_value=SEED_MAX, step=1,
                    key=SEED.key)
    st.button("New samples (seed + 1)", on_click=_next_seed, width="stretch", key="pp_next_seed")
publish(*PARAMS)

n = st.session_state[N.key]
alpha = float(st.session_state[ALPHA.key])
seed = int(st.session_state[SEED.key])

st.title("Planet Pixel: Naive Bayes on raw pixels")
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
st.markdown(
    "On Planet Wrodl a face was described by five words: hair style, hair colour, glasses, "
    "clothing type and clothing colour. On Planet Pixel the same kind of face arrives as a "
    "picture of 32 × 32 squares, each holding one of 256 palette colours: **1,024 features "
    "per face instead of five**. Below, the very same Naive Bayes model that did well on "
    "Wrodl is handed these raw pixels. Watch what goes wrong, and why."
)

data = _data(n)
training, palette = data.training, data.palette
fit = _fit(n, alpha)
drawn = _samples(n, alpha, seed)

# 1 ------------------------------------------------------------------------ training faces
st.header("1 · The training faces", divider="gray")
shown = min(N_TRAINING_SHOWN, n)
extra = (
    "" if n == 50 else
    f" Faces 50–{n - 1:,} are new Wrodlers drawn from the Naive Bayes model of the 50 "
    "Wrodlers' five features (with a fixed seed, so the data never changes)."
)
show_sheet(
    pixel_sheet_png(training[:shown], palette, tuple(str(i) for i in range(shown)), N_SHOWN),
    "pp_training",
    f"Training faces 0 to {shown - 1} as 32 × 32 pixel pictures, each with its face_id",
    f"Training faces 0–{shown - 1} of {n:,}, each with its face_id, ten to a row. Faces 0–49 "
    "are the 50 Wrodlers, drawn "
    f"with one shared palette of 256 colours.{extra} Each picture is enlarged with square, "
    "unsmoothed pixels: what you see is exactly the data.",
)

# 2 ------------------------------------------------------------------------ Table 1-3
st.header("2 · Table 1-3, from our pictures", divider="gray")
left, right = st.columns([3, 1], vertical_alignment="center")
left.markdown(
    "The book prints a small slice of the pixel data: pixels 458 to 467 of the first ten "
    "faces. This is the same slice of *our* data (our drawing and palette differ from the "
    "book's, so the numbers do too). Pixels are numbered row by row from 0 at the top-left, "
    "so 458–467 are **row 14, columns 10–19**: the boxed pixels on face 0. Each number names "
    "a colour in the palette; it is a label, not a brightness, so 200 is not “more” than 100."
)
right.image(
    outlined_face_png(training[0], palette, TABLE_PIXELS),
    caption="Face 0, pixels 458–467 boxed", width="stretch", output_format="PNG",
)
with st.container(key="pp_table_1_3"):
    st.table(table_1_3(training))

# 3 ------------------------------------------------------------------------ fit and sample
st.header("3 · Ten faces from Naive Bayes on the pixels", divider="gray")
st.markdown(
    f"For every one of the 1,024 pixels the model keeps its own table of how often each of "
    f"the 256 colours appeared there: {pixels.N_PIXELS:,} × 255 = **{fit.n_params:,} free "
    f"parameters**, learned from {n:,} faces with pseudocount α = {alpha:g}. A new face is "
    "made by picking each pixel's colour from its own table, without looking at any other "
    "pixel."
)
st.markdown(f"**Samples from the model** (seed {seed})")
samples_png = pixel_sheet_png(drawn.codes[:N_SHOWN], palette, columns=N_SHOWN)
show_sheet(samples_png, "pp_samples", SAMPLES_ALT)
st.markdown(
    "**The nearest training face to each sample**, with the number of pixels (out of 1,024) "
    "whose colour differs"
)
distances = tuple(str(d) for d in drawn.distance)
show_sheet(
    pixel_sheet_png(training[drawn.nearest], palette, distances, N_SHOWN), "pp_nearest",
    "The nearest training face to each sample above, with the number of pixels that differ",
    f"Pixels that differ from the nearest training face, sample by sample: "
    f"{', '.join(distances)}.",
)
st.markdown(
    f"{_copies_text(drawn.copies)} A real "
    f"Wrodler that is *not* in the training set differs from its nearest training face in "
    f"about **{data.held_out_distance:.0f} pixels** (median over {pe.N_HELD_OUT} such faces): "
    "new faces lie close to the old ones, while the samples lie far from every real face."
)

st.subheader("How probable does the model find them?")
cols = st.columns(3)
for cell, label, summary, about in zip(
    cols,
    (f"{pe.N_SAMPLES} samples", f"{n:,} training faces", f"{pe.N_HELD_OUT} new faces"),
    (drawn.likelihood, fit.training_likelihood, fit.held_out_likelihood),
    (
        f"Drawn from the model with seed {seed}; the first ten are shown above.",
        "The faces the model was fitted to.",
        "Real Wrodlers drawn like the extra training faces, keeping only ones whose "
        "combination of features is not in the training set.",
    ),
    strict=True,
):
    cell.metric(label, _format_ll(summary), help=about, border=True)
    cell.caption(_ll_note(summary))
verdict = (
    f"With α = {alpha:g}, on average {fit.stray_share * 100:.2g}% of a sample's pixels take a "
    "colour never seen at that pixel in training, and the model scores each such stray pixel "
    "as very unlikely, which pulls the samples' average down (the more stray pixels, the "
    "lower). And stray colours or not, scoring pixels one at a time cannot notice that they "
    "do not fit together."
    if fit.stray_share > 0 else
    "By its own yardstick the model finds its noisy samples **about as probable as the real "
    "faces** it was trained on: with α = 0 every pixel of a sample takes a colour seen there "
    "in training, in the training proportions, so on average both score the same. Scoring "
    "pixels one at a time cannot notice that they do not fit together."
)
st.markdown(
    "Average log-likelihood **per pixel**: log p_model(x) ÷ 1,024, averaged over the faces "
    f"(natural log; higher is better). {verdict} "
    + (
        "With α = 0, a new face that shows any colour never seen at that pixel in training "
        "gets probability 0: that is the −∞. A small α removes it."
        if fit.held_out_likelihood.n_impossible else
        "New faces score lower than the training faces: the fit follows its own data closely."
    )
)

# 4 ------------------------------------------------------------------------ why it fails
st.header("4 · Why the samples fail", divider="gray")
@st.fragment
def _pixel_inspector(
    n: int, alpha: float, entropy: np.ndarray, first_face: np.ndarray, palette: np.ndarray
) -> None:
    """The entropy map and one pixel's colours: a fragment, so picking a pixel (a click or
    the row and column inputs) reruns only this part of the page."""
    map_col, pixel_col = st.columns([1, 1], gap="large")
    with map_col:
        st.markdown(
            "**Where the model is unsure.** Each square is one pixel, coloured by the entropy of "
            "its colour table: 0 bits means always the same colour, 1 bit is as unsure as a coin "
            "toss. **Click a square** (or type its row and column) to see the colours behind it."
        )
        row = st.session_state[ROW.key]
        column = st.session_state[COLUMN.key]
        st.plotly_chart(
            for_audience(pixel_figures.entropy_figure(entropy, selected=(row, column))),
            key="pp_entropy_map", on_select=_on_pick, selection_mode=("points",),
            width="stretch", config={"displayModeBar": False},
        )
    with pixel_col:
        pick_row, pick_column = st.columns(2)
        pick_row.number_input("Row", min_value=0, max_value=pixels.SIZE - 1, step=1, key=ROW.key)
        pick_column.number_input("Column", min_value=0, max_value=pixels.SIZE - 1, step=1,
                                 key=COLUMN.key)
        row = st.session_state[ROW.key]
        column = st.session_state[COLUMN.key]
        pixel = pixels.pixel_index(row, column)
        table = pixel_distribution(_model(n, alpha), pixel)
        about, face = st.columns([2, 1], vertical_alignment="center")
        about.markdown(
            f"**Pixel {pixel}** (row {row}, column {column}): {entropy[row, column]:.2f} "
            f"bits; {len(table)} different colour{'s' if len(table) != 1 else ''} in the "
            f"{n:,} training faces."
        )
        face.image(outlined_face_png(first_face, palette, (pixel,), ring=True),
                   caption="Where it is, on face 0", width="stretch", output_format="PNG")
        st.plotly_chart(
            for_audience(pixel_figures.distribution_figure(table, palette, n)),
            key="pp_distribution",
            width="stretch", config={"displayModeBar": False},
        )
        unseen = table.attrs["unseen_theta"]
        st.caption(
            "Bars: share of the training faces with that colour at this pixel, each bar painted "
            "in its colour. The model samples from exactly these shares"
            + (
                f", plus, because α = {alpha:g}, a {unseen:.1%} chance in total of one of the "
                f"{table.attrs['n_unseen']} colours never seen here."
                if alpha > 0 else "."
            )
            + " Each pixel is drawn on its own, so a sample can put hair colour here and "
            "background or skin right next to it."
        )
    publish(ROW, COLUMN)  # a fragment's rerun does not reach the page's own publish()


_pixel_inspector(n, alpha, fit.entropy, training[0], palette)

st.subheader("Do neighbouring pixels go together?")
st.markdown(
    "Take a pixel and the one to its right, and look at both in every face. In real faces "
    "they rise and fall together (if one is hair, so is the other), so their brightness is "
    "strongly **correlated**. Naive Bayes draws each pixel on its own, so in its samples the "
    "correlation is about zero. Each square below is one pair; grey pairs never change."
)
a, b, c = st.columns([1, 1, 2], vertical_alignment="center")
a.metric("Training faces", format_number(data.correlation), border=True,
         help="Mean correlation over all side-by-side and stacked pixel pairs that vary.")
b.metric(f"{pe.N_SAMPLES} samples", format_number(drawn.correlation), border=True,
         help="The same, over the model's samples.")
c.caption(
    "Pearson correlation, across the faces, of the brightness of two neighbouring pixels: "
    "1 means they always brighten and darken together, 0 means one tells you nothing about "
    "the other. Averaged over every side-by-side and stacked pair in which both pixels "
    "vary."
)
st.plotly_chart(
    for_audience(pixel_figures.correlation_figure(
        (data.correlation_map, drawn.correlation_map),
        (f"Training faces ({n:,})", f"Naive Bayes samples ({pe.N_SAMPLES})"),
    )),
    key="pp_correlation", width="stretch", config={"displayModeBar": False},
)

# 5 ------------------------------------------------------------------------ contrast
st.header("5 · Same model, two ways to describe a face", divider="gray")
st.markdown("**Naive Bayes on the five features** (then drawn as 32 × 32 pixels)")
show_sheet(pixel_sheet_png(drawn.feature_samples, palette, columns=N_SHOWN),
           "pp_feature_samples", "Ten faces from Naive Bayes on the five features: proper faces")
st.markdown("**Naive Bayes on the 1,024 pixels**")
show_sheet(samples_png, "pp_pixel_samples", SAMPLES_ALT)
st.markdown(
    f"Both rows come from one model, fitted to the same {n:,} faces with the same α and "
    "seed; only the description of a face differs. The five Wrodl features really are close "
    "to independent, so multiplying their probabilities does no harm and every sample is a "
    "proper face. Pixels run into both of the big difficulties of generative modelling at "
    "once:\n\n"
    "1. **Features depend on each other.** A pixel of a round lens only makes sense if the "
    "pixels around it complete the ring; a model that treats pixels as independent cannot "
    "learn that.\n"
    "2. **Valid images are a tiny fraction of all images.** There are 256¹⁰²⁴ (about "
    "10²⁴⁶⁶) ways to colour 1,024 pixels; faces are a vanishing sliver of them, and picking "
    "pixels one at a time almost never lands on one.\n\n"
    "The five features worked because someone had already boiled each picture down to the "
    "few numbers that matter. **Representation learning** lets a model find such a "
    "description by itself: a handful of hidden (latent) numbers per image, plus a learned "
    "map that turns any such numbers back into pixels. That is what the deep generative "
    "models in the rest of the book do."
)
