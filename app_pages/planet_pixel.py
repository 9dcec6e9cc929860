"""Planet Pixel: the Naive Bayes model that worked on five features, applied to 1,024 pixels.

Thin page: widgets, layout and state. The numbers come as reports from
``gdl_core.pixels.experiment`` and the pictures from ``gdl_core.pixels.figures``, each
cached by the settings it depends on in :mod:`ui.pixel_reports` (the data by N; the fit by
(N, α); the samples by (N, α, seed)). The page is a guided flow of numbered steps
(:mod:`ui.guide`), each with its own controls beside what they change.

A student's own pictures (:data:`SOURCE`, read by :func:`gdl_core.pixels.upload.read_faces`
into the session's state) replace the built-in faces everywhere but step 7, which needs the
Wrodl features. Their reports are cached apart from the built-in ones, by the upload's
digest instead of N (:mod:`ui.pixel_reports`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import streamlit as st

from gdl_core import pixels
from gdl_core.categorical import PSEUDOCOUNTS
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.numbers import format_number
from gdl_core.pixels import experiment as pe
from gdl_core.pixels import figures as pixel_figures
from gdl_core.pixels.measures import LikelihoodSummary
from gdl_core.pixels.training import TABLE_PIXELS
from gdl_core.pixels.upload import MAX_BYTES_TOTAL, MAX_FILES, MIN_FACES, read_faces
from gdl_core.report import ReportSection
from ui import pixel_reports as reports
from ui.charts import show_chart
from ui.guide import next_page_link, reset_to_defaults, step, steps_overview
from ui.images import NARROW_SCREEN_PX, crisp_images, outlined_face_png
from ui.pixel_reports import NARROW_TABLE_PIXELS, SIZES
from ui.report import record
from ui.state import Param, next_seed, publish, restore
from ui.uploads import Source, Upload, data_source

# --------------------------------------------------------------------------- settings

PAGE = "app_pages/planet_pixel.py"
SEED_MAX = 999_999
N_SHOWN = pe.N_SHOWN  # samples shown as pictures
#: The widest the colours of one pixel are drawn (a few bars; wider only spreads them out).
DISTRIBUTION_WIDTH = 640

N = Param("pp_n", "n", 50, SIZES[0], SIZES[-1], options=SIZES)
ALPHA = Param("pp_alpha", "alpha", 0.0, PSEUDOCOUNTS[0], PSEUDOCOUNTS[-1], options=PSEUDOCOUNTS)
SEED = Param("pp_seed", "seed", 0, 0, SEED_MAX)
ROW = Param("pp_row", "row", 14, 0, pixels.SIZE - 1)
COLUMN = Param("pp_col", "col", 10, 0, pixels.SIZE - 1)
PARAMS = (N, ALPHA, SEED, ROW, COLUMN)

SOURCE = Source(
    kind="pixels", label="Faces to train on", read=read_faces,
    example="example-faces.zip", example_mime="application/zip",
    limits=f"PNG, JPEG, GIF, WebP or BMP pictures, or one zip of them: at least {MIN_FACES}, "
    f"at most {MAX_FILES} pictures and {MAX_BYTES_TOTAL // 2**20} MB in all. The middle "
    "square of each becomes a 32 × 32 face, all faces sharing one palette of 256 colours. "
    "Your pictures stay in this browser session: they are never saved.",
    max_mb=MAX_BYTES_TOTAL // 2**20, multiple=True,
)

STEPS = (
    "Look at the training faces",
    "Read the pixels as numbers",
    "Sample from pixel-wise Naive Bayes",
    "Score the samples",
    "Look inside: one pixel at a time",
    "See why: neighbouring pixels go together",
    "Same model, five features instead",
)

#: On a phone, Table 1-3 shows its first columns only (the full table would run off the
#: screen); elsewhere the whole slice. The two single faces fill their column, up to a size
#: that does not swamp a phone when the columns stack.
_PAGE_CSS = f"""<style>
.st-key-pp_table_face img {{ max-width: min(260px, 100%) !important; }}
.st-key-pp_pixel_face img {{ max-width: min(160px, 100%) !important; }}
.st-key-pp_table_1_3-narrow {{ display: none; }}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  .st-key-pp_table_1_3-wide {{ display: none; }}
  .st-key-pp_table_1_3-narrow {{ display: block; }}
}}
</style>"""


def _next_seed() -> None:
    next_seed(SEED.key, SEED_MAX)


def _reset() -> None:
    """Every setting of the page back to its default."""
    reset_to_defaults(*PARAMS)


def _on_pick() -> None:
    """A click on the entropy map moves the pixel picker to the clicked cell."""
    event = st.session_state.get("pp_entropy_map")
    picked = pixel_figures.selected_pixel(event["selection"] if event else None)
    if picked is not None:
        st.session_state[ROW.key], st.session_state[COLUMN.key] = picked


def _size_label(n: int) -> str:
    return "the 50 Wrodlers" if n == 50 else f"{n:,} faces"


def _copies_text(copies: tuple[int, int | None]) -> str:
    """What :func:`gdl_core.pixels.measures.count_copies` found among the samples shown."""
    n_copies, closest = copies
    farther = (f"differs from every training face in at least **{closest:,} of 1,024 pixels**"
               if closest is not None else "")
    if n_copies == 0:
        return f"No sample is a copy: each {farther}."
    verb = "is an exact copy" if n_copies == 1 else "are exact copies"
    copied = f"{n_copies} of the samples {verb} of a training face (0 pixels differ)"
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
st.html(_PAGE_CSS)

st.title("Planet Pixel: Naive Bayes on raw pixels")
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
st.markdown(
    "On Planet Wrodl a face was five words. On Planet Pixel it is a picture of 32 × 32 "
    "squares, each one of 256 palette colours: **1,024 features instead of five**. Here the "
    "Naive Bayes model that worked on Wrodl gets the raw pixels. Follow the steps to see what "
    "goes wrong, and why."
)
# Step 7 needs the Wrodl features, which uploaded faces do not have: the list says so only
# once the upload is known, so it is drawn into a placeholder here.
overview = st.container()

# 1 ------------------------------------------------------------------------ training faces
step(1, STEPS[0], "Choose the faces to train on, then look at the first twenty.")
source_column, size_column = st.columns([1, 1])
with source_column:
    upload: Upload | None = data_source(SOURCE, "pp_source")
if upload is None:
    size_column.select_slider(
        "Training faces", options=SIZES, key=N.key, format_func=_size_label,
    )
    size_column.caption("The 50 Wrodlers, or the 50 plus new Wrodlers drawn from the Naive "
                        "Bayes model of their five features (always the same ones).")
    n = st.session_state[N.key]
    data = reports.data(n)
    reports.training_sheet(n).show("pp_training", download="training_faces.png")
else:
    data = upload.data
    n = len(data.training)
    n_held_out = len(data.held_out)
    kept_back = (
        f"{n:,} train the model and {n_held_out:,} (picked at random) are kept back as new "
        "faces the model never sees, for steps 3 and 4"
        if n_held_out else
        f"all {n:,} train the model (from 5 pictures on, a few are kept back as new faces "
        "to test it on)"
    )
    size_column.caption(
        f"**{n + n_held_out:,} faces from your pictures:** {kept_back}; every picture you "
        "upload is used, so there is no training-set size to choose."
    )
    reports.upload_training_sheet(upload.digest, data).show("pp_training",
                                                            download="training_faces.png")
training, palette = data.training, data.palette
faces_key = n if upload is None else upload.digest  # what the caches below are keyed by
with overview:
    steps_overview(STEPS if upload is None else STEPS[:-1], "pp_steps", _reset, "pp_reset")

# 2 ------------------------------------------------------------------------ Table 1-3
step(2, STEPS[1], "Find the boxed pixels of face 0 in the table: each number names a colour.")
left, right = st.columns([3, 1], vertical_alignment="center")
left.markdown(
    "Pixels are numbered row by row from 0 at the top left, so pixels 458–467 are **row 14, "
    "columns 10–19**, boxed on face 0. A number is a palette index: a name for a colour, not a "
    "brightness, so 200 is not “more” than 100."
)
left.caption(
    "The book's Table 1-3 prints this slice of its own faces; our drawing and palette differ, "
    "so our numbers do too." if upload is None else
    "The book's Table 1-3 prints this slice of its own faces; these are yours, numbered by "
    "the palette chosen for your pictures (0 is their most common colour)."
)
right.container(key="pp_table_face").image(
    outlined_face_png(training[0], palette, TABLE_PIXELS),
    caption="Face 0, pixels 458–467 boxed", width="stretch", output_format="PNG",
    alt="Training face 0 as 32 × 32 pixels, with pixels 458 to 467 (row 14, columns 10 to 19) "
        "boxed: the pixels of the table below",
)
wide_table, narrow_table = reports.table_1_3_tables(faces_key, training)
with st.container(key="pp_table_1_3"):
    with st.container(key="pp_table_1_3-wide"):
        st.table(wide_table, hide_index=False)
    with st.container(key="pp_table_1_3-narrow"):
        st.table(narrow_table, hide_index=False)
        st.caption(f"Pixels {NARROW_TABLE_PIXELS[0]}–{NARROW_TABLE_PIXELS[-1]}: the first "
                   "five columns; a wider screen shows all ten.")

# 3 ------------------------------------------------------------------------ fit and sample
step(3, STEPS[2], "Set α, then press New samples and compare each sample with its nearest "
                  "training face.")
alpha_column, seed_column, button_column = st.columns([3, 2, 2], vertical_alignment="bottom")
alpha_column.select_slider(
    "Pseudocount α", options=PSEUDOCOUNTS, key=ALPHA.key, format_func=lambda a: f"{a:g}",
    help="Added to every colour count at every pixel before dividing. 0 is the "
         "maximum-likelihood fit.",
)
seed_column.number_input("Seed for the samples", min_value=0, max_value=SEED_MAX, step=1,
                         key=SEED.key)
button_column.button("New samples (seed + 1)", on_click=_next_seed, width="stretch",
                     key="pp_next_seed")
publish(*PARAMS)

alpha = float(st.session_state[ALPHA.key])
seed = int(st.session_state[SEED.key])
if upload is None:
    fit = reports.fit(n, alpha)
    drawn = reports.samples(n, alpha, seed)
    samples_sheet, nearest_sheet, features_sheet = reports.sample_sheets(n, alpha, seed)
    model_of = partial(reports.model, n, alpha)
    held_out_words = f"A real Wrodler outside the training set (median of {pe.N_HELD_OUT})"
else:
    fit = reports.upload_fit(upload.digest, alpha, data)
    drawn, (samples_sheet, nearest_sheet, features_sheet) = reports.upload_samples(
        upload.digest, alpha, seed, data)
    model_of = partial(reports.upload_model, upload.digest, alpha, data)
    held_out_words = ("Your face kept back from training" if n_held_out == 1 else
                      f"A typical one of your {n_held_out} faces kept back from training "
                      "(the median)")

st.markdown(f"**Samples from the model** (seed {seed})")
samples_sheet.show("pp_samples", download="pixel_nb_samples.png")
st.markdown(
    "**The nearest training face to each sample**, with the number of pixels (of 1,024) "
    "whose colour differs"
)
nearest_sheet.show("pp_nearest", download="nearest_training_faces.png")
if len(data.held_out):
    st.markdown(
        f"{_copies_text(drawn.copies)} {held_out_words} differs from its nearest training "
        f"face in about **{data.held_out_distance:.0f} pixels**: the samples lie much farther "
        "from the training faces than a real new face does."
    )
else:
    st.markdown(_copies_text(drawn.copies))

st.markdown(
    f"**How a sample is made:** every pixel has its own table of 256 colour probabilities, "
    f"{pixels.N_PIXELS:,} × 255 = "
    f"**{fit.n_params:,} free parameters**, fitted to {n:,} faces with α = {alpha:g}. A sample "
    "picks each pixel's colour from its own table, ignoring every other pixel."
)

# 4 ------------------------------------------------------------------------ likelihoods
step(4, STEPS[3], "Compare how probable the model finds its samples, its training faces and "
                  "new real faces." if len(data.held_out) else
                  "Compare how probable the model finds its samples and its training faces.")
scores = [
    (f"{pe.N_SAMPLES} samples", drawn.likelihood,
     f"Drawn from the model with seed {seed}; the first ten are shown in step 3."),
    (f"{n:,} training faces", fit.training_likelihood, "The faces the model was fitted to."),
]
if len(data.held_out):
    scores.append((
        f"{len(data.held_out):,} new faces", fit.held_out_likelihood,
        "Real Wrodlers drawn like the extra training faces, keeping only ones whose "
        "combination of features is not in the training set." if upload is None else
        "Your own faces kept back from training, picked at random: the model never saw them.",
    ))
for cell, (label, summary, about) in zip(st.columns(3), scores, strict=False):
    cell.metric(label, _format_ll(summary), help=about, border=True)
    cell.caption(_ll_note(summary))

if fit.stray_share > 0:
    verdict = (
        f"With α = {alpha:g}, about {fit.stray_share * 100:.2g}% of a sample's pixels take a "
        "colour never seen there in training; the model scores each as very unlikely, which "
        "pulls the samples down. Still, scoring one pixel at a time cannot tell that the "
        "pixels do not fit together."
    )
else:
    verdict = (
        "The model finds its speckled samples **about as probable as the real faces** it was "
        "trained on: it scores one pixel at a time, so it cannot tell that they do not fit "
        "together."
    )
st.markdown(verdict)
with st.expander("What these numbers are"):
    st.markdown(
        "Each number is the average log-likelihood **per pixel**: log p_model(x) ÷ 1,024, "
        "averaged over the faces (natural log; higher is better). With α = 0 every pixel of "
        "a sample takes a colour seen there in training, in the training proportions, so on "
        "average samples and training faces score the same. "
        + (
            "With α = 0, a new face that shows any colour never seen at that pixel in "
            "training gets probability 0: that is the −∞. A small α removes it."
            if fit.held_out_likelihood.n_impossible else
            "New faces score lower than the training faces: the fit follows its own data "
            "closely." if len(data.held_out) else ""
        )
    )

# 5 ------------------------------------------------------------------------ one pixel
step(5, STEPS[4], "Click a square on the map to see the colours the model picks from there.")


@st.fragment
def _pixel_inspector(
    faces: int | str, n: int, alpha: float, model_of: Callable[[], CategoricalNB],
    entropy: np.ndarray, first_face: np.ndarray, palette: np.ndarray,
) -> None:
    """The entropy map and one pixel's colours: a fragment, so picking a pixel (a click or
    the row and column inputs) reruns only this part of the page. ``faces`` is the key of
    the training faces (N, or the upload's digest), ``n`` their number."""
    # The map keeps its size and the colours behind a pixel take the rest of the row; on a
    # screen too narrow for both, the colours wrap below the map.
    row_of_two = st.container(horizontal=True, gap="large")
    map_col = row_of_two.container(width=pixel_figures.ENTROPY_WIDTH)
    pixel_col = row_of_two.container(width="stretch")
    with map_col:
        st.markdown(
            "**How unsure the model is at each pixel**, in bits: 0 means always the same "
            "colour, 1 is a coin toss."
        )
        row = st.session_state[ROW.key]
        column = st.session_state[COLUMN.key]
        show_chart(
            reports.entropy_map(faces, alpha, row, column, entropy),
            "pp_entropy_map", "pixel_entropy", on_select=_on_pick,
            selection_mode=("points",), width=pixel_figures.ENTROPY_WIDTH,
            description=f"Map of the model's uncertainty at each of the {pixels.SIZE} × "
            f"{pixels.SIZE} pixels, in bits, from {entropy.min():.2f} to {entropy.max():.2f} "
            f"(mean {entropy.mean():.2f}); the pixel picked, row {row}, column {column}, has "
            f"{entropy[row, column]:.2f} bits.",
        )
    with pixel_col:
        pick_row, pick_column = st.columns(2)
        pick_row.number_input("Row", min_value=0, max_value=pixels.SIZE - 1, step=1, key=ROW.key)
        pick_column.number_input("Column", min_value=0, max_value=pixels.SIZE - 1, step=1,
                                 key=COLUMN.key)
        row = st.session_state[ROW.key]
        column = st.session_state[COLUMN.key]
        pixel = pixels.pixel_index(row, column)
        table, colours = reports.pixel_colours(faces, alpha, pixel, model_of, palette)
        about, face = st.columns([2, 1], vertical_alignment="center")
        about.markdown(
            f"**Pixel {pixel}** (row {row}, column {column}): {entropy[row, column]:.2f} "
            f"bits; {len(table)} different colour{'s' if len(table) != 1 else ''} in the "
            f"{n:,} training faces."
        )
        face.container(key="pp_pixel_face").image(
            outlined_face_png(first_face, palette, (pixel,), ring=True),
            caption="On face 0", width="stretch", output_format="PNG",
            alt=f"Training face 0 with pixel {pixel} (row {row}, column {column}) boxed",
        )
        show_chart(
            colours, "pp_distribution",
            f"pixel_{pixel}_colours", width=DISTRIBUTION_WIDTH,
            description=f"Colours at pixel {pixel} in the {n:,} training faces, most common "
            "first: " + ", ".join(
                f"colour {colour} in {share:.0%}" for colour, share in
                zip(table["colour"].head(8), table["share"].head(8), strict=True)
            ) + (f", and {len(table) - 8} more" if len(table) > 8 else "") + ".",
        )
        unseen = table.attrs["unseen_theta"]
        st.caption(
            "Share of the training faces with each colour here, each bar in its colour. "
            "A sample picks from exactly these shares"
            + (
                f", plus a {unseen:.1%} chance in total (from α = {alpha:g}) of one of the "
                f"{table.attrs['n_unseen']} colours never seen here."
                if alpha > 0 else "."
            )
        )
    publish(ROW, COLUMN)  # a fragment's rerun does not reach the page's own publish()


_pixel_inspector(faces_key, n, alpha, model_of, fit.entropy, training[0], palette)
with st.expander("Why one pixel at a time goes wrong"):
    st.markdown(
        "Entropy measures how spread out a pixel's colour table is: a pixel that is always "
        "background has 0 bits, one shared between two equally common colours has 1 bit. "
        "The hot spots are hair and clothing, where the training faces differ. Each pixel "
        "is drawn on its own, so a sample can put one face's hair colour here and another "
        "face's shirt colour right next to it: that is the confetti in step 3."
    )

# 6 ------------------------------------------------------------------------ neighbours
step(6, STEPS[5], "Compare the two maps: in real faces neighbours go together (red), in the "
                  "samples they do not (pale).")
a, b, c = st.columns([1, 1, 2], vertical_alignment="center")
a.metric("Training faces", format_number(data.correlation), border=True,
         help="Mean correlation over all side-by-side and stacked pixel pairs that vary.")
b.metric(f"{pe.N_SAMPLES} samples", format_number(drawn.correlation), border=True,
         help="The same, over the model's samples.")
c.caption(
    "Correlation of the brightness of two neighbouring pixels across the faces: 1 means they "
    "always brighten and darken together, 0 means one tells nothing about the other. Each "
    "square below is one pixel and its right-hand neighbour; grey pairs never change."
)
show_chart(
    reports.correlation_chart(faces_key, alpha, seed, data, drawn),
    "pp_correlation", "neighbour_correlation", width="stretch",
    description="Two maps of how strongly each pixel's brightness goes with its right-hand "
    f"neighbour's: in the {n:,} training faces (mean correlation "
    f"{format_number(data.correlation)}) and in {pe.N_SAMPLES} Naive Bayes samples (mean "
    f"{format_number(drawn.correlation)}).",
)
with st.expander("What the correlation shows"):
    st.markdown(
        "In real faces a pixel and its neighbour are usually part of the same thing: if one "
        "is hair, so is the other, so their brightness is strongly correlated. Naive Bayes "
        "draws every pixel on its own, so in its samples the correlation is about zero, "
        "however many faces it was trained on."
    )

# 7 ------------------------------------------------------------------------ contrast
if features_sheet is not None:  # uploaded faces have no features: no step 7
    step(7, STEPS[6], "Compare the two rows: one model, two ways to describe a face.")
    st.markdown("**Naive Bayes on the five features** (then drawn as 32 × 32 pixels)")
    features_sheet.show("pp_feature_samples", download="feature_nb_samples.png")
    st.markdown("**Naive Bayes on the 1,024 pixels**")
    samples_sheet.show("pp_pixel_samples", download="pixel_nb_samples.png")
    st.markdown(
        f"Both rows come from one model fitted to the same {n:,} faces with the same α and "
        "seed. The five features are close to independent, so every sample is a proper face; "
        "neighbouring pixels are far from independent, so no pixel sample is."
    )
with st.expander("Why pixels are hard, and what comes next"):
    st.markdown(
        "Pixels meet both big difficulties of generative modelling at once:\n\n"
        "1. **Features depend on each other.** A pixel of a round lens only makes sense if "
        "the pixels around it complete the ring; a model that treats pixels as independent "
        "cannot learn that.\n"
        "2. **Valid images are a tiny fraction of all images.** There are 256¹⁰²⁴ (about "
        "10²⁴⁶⁶) ways to colour 1,024 pixels; faces are a vanishing sliver of them, and "
        "picking pixels one at a time almost never lands on one.\n\n"
        "The five features worked because someone had already boiled each picture down to "
        "the few numbers that matter. **Representation learning** lets a model find such a "
        "description by itself: a handful of hidden (latent) numbers per image, plus a "
        "learned map that turns any such numbers back into pixels. That is what the deep "
        "generative models in the rest of the book do."
    )

record(PAGE, ReportSection(
    "Planet Pixel: Naive Bayes on raw pixels",
    settings=[
        ("faces", "the built-in Wrodlers" if upload is None
         else "your pictures: " + ", ".join(upload.names)),
        ("training faces", f"{n:,}"),
        ("pseudocount α", f"{alpha:g}"),
        ("seed", str(seed)),
    ],
    numbers=[
        *((f"mean log-likelihood per pixel, {label}", _format_ll(summary))
          for label, summary, _ in scores),
        ("samples that copy a training face", f"{drawn.copies[0]} of {N_SHOWN}"),
        ("neighbour correlation, training faces", format_number(data.correlation)),
        (f"neighbour correlation, {pe.N_SAMPLES} samples", format_number(drawn.correlation)),
    ],
    pictures=[(samples_sheet.alt, samples_sheet.png), (nearest_sheet.alt, nearest_sheet.png)],
    tables=[(samples_sheet.table_label, samples_sheet.table)],
))
next_page_link(PAGE)
