"""What the two Planet Wrodl pages share: the pseudocount control, cached fits and samples.

The pseudocount α lives under one session key (:data:`ALPHA`), so moving it on one page
moves it on the other. Fitted models, the 4,032-row tables and samples are cached by their
parameters; the maths all comes from :mod:`gdl_core`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from gdl_core import novelty, wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.wrodl import figures
from ui.images import avatar_png
from ui.presenter import for_audience
from ui.state import Param, next_seed, restore

#: The pseudocount slider's stops: fine steps near 0, then roughly ×2.5 per step up to 10.
ALPHAS: tuple[float, ...] = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
ALPHA = Param("wrodl_alpha", "alpha", 0.0, lo=0.0, hi=10.0, options=ALPHAS)

#: The worked example's order of the features (p(LongHairStraight, Red, Round, ...)).
EXAMPLE_ORDER: tuple[str, ...] = (
    "topType", "hairColor", "accessoriesType", "clothingType", "clothingColor",
)
#: The order of the panels in the book's Table 1-2.
TABLE_ORDER: tuple[str, ...] = (
    "topType", "hairColor", "clothingColor", "accessoriesType", "clothingType",
)

MODELS = {"multinomial": JointMultinomial, "naive_bayes": CategoricalNB}
AVATAR_PX = 128  # rendered size of the small faces: sharp when shown about 100 px wide
MAX_SEED = 2**31 - 1


def seed_param(key: str) -> Param:
    return Param(key, "seed", 0, lo=0, hi=MAX_SEED)


# --- the pseudocount ------------------------------------------------------------------------


def restore_alpha() -> list[str]:
    """Take α from the URL on a first visit (snapped to a slider stop); return notices."""
    return restore(ALPHA)


def alpha_slider() -> float:
    """The pseudocount control (keyboard: focus the handle, then ← / →)."""
    return float(st.select_slider(
        "Pseudocount α (added to every count)",
        options=ALPHAS,
        key=ALPHA.key,
        format_func=lambda a: f"{a:g}",
        help="α = 0 is the plain maximum-likelihood estimate; α = 1 is Laplace smoothing, "
        "as in the book. Both Planet Wrodl pages share this one setting.",
    ))


# --- data and models (cached by their parameters) -------------------------------------------


@st.cache_data(show_spinner=False)
def training_codes() -> np.ndarray:
    return wrodl.encode(wrodl.load())


@st.cache_data(show_spinner=False)
def all_codes() -> np.ndarray:
    return wrodl.all_combinations()


@st.cache_data(show_spinner=False)
def combination_labels() -> list[str]:
    """Each of the 4,032 combinations as text, features in the worked example's order."""
    faces = wrodl.decode(all_codes()).astype(str)
    return faces[list(EXAMPLE_ORDER)].agg(", ".join, axis=1).tolist()


@st.cache_data(max_entries=32, show_spinner=False)
def fit(kind: str, alpha: float):
    """The model ``kind`` ("multinomial" or "naive_bayes") fitted to the 50 faces at α."""
    return MODELS[kind](alpha).fit(training_codes(), wrodl.N_VALUES)


@st.cache_data(max_entries=32, show_spinner=False)
def every_combination(alpha: float) -> dict[str, np.ndarray]:
    """n_j, the multinomial θ̂_j and the Naive Bayes p(x) of all 4,032 combinations."""
    codes = all_codes()
    multinomial = fit("multinomial", alpha)
    return {
        "count": multinomial.count(codes),
        "multinomial": multinomial.prob(codes),
        "naive_bayes": fit("naive_bayes", alpha).prob(codes),
    }


def index_of(face: dict[str, str]) -> int:
    """Row of ``face`` in :func:`all_codes` (lexicographic order of the codes)."""
    return int(wrodl.combination_index(wrodl.encode(face))[0])


def nb_factors(model: CategoricalNB, face: dict[str, str]) -> list[float]:
    """The five θ̂ that Naive Bayes multiplies for ``face``, in the worked example's order."""
    factors = dict(zip(wrodl.FEATURES, model.factors(wrodl.encode(face))[0], strict=True))
    return [float(factors[f]) for f in EXAMPLE_ORDER]


@st.cache_data(show_spinner=False)
def faces_as_text() -> pd.DataFrame:
    """The 50 faces with plain string columns, for tables."""
    return wrodl.load().astype(str)


@st.cache_data(max_entries=64, show_spinner=False)
def draw(kind: str, alpha: float, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` samples of ``kind`` at α with ``seed``: their codes, and for each the index of
    the training face it copies (−1 when it is new)."""
    codes = fit(kind, alpha).sample(n, seed)
    return codes, novelty.copy_of(codes, training_codes())


@st.cache_data(show_spinner=False)
def novelty_by_alpha(kind: str, n: int = 1000, seed: int = 0) -> dict[str, np.ndarray]:
    """For every slider stop: the chance a sample is new, and the share new in ``n`` draws."""
    model, codes = MODELS[kind], training_codes()
    return {
        "expected": novelty.novelty_curve(model, codes, wrodl.N_VALUES, ALPHAS),
        "observed": novelty.sampled_novelty(model, codes, wrodl.N_VALUES, ALPHAS, n, seed),
    }


# --- figures (built once per α and shared: plotly spends far longer building than drawing) --
# st.cache_resource hands out the same object without pickling it; st.plotly_chart only
# reads a figure (it serialises a copy), so sharing them between sessions is safe.


@st.cache_resource(max_entries=32, show_spinner=False)
def sorted_theta_chart(alpha: float):
    table = every_combination(alpha)
    marks = {
        name: float(fit("multinomial", alpha).prob(wrodl.encode(face))[0])
        for name, face in (("combination 1", wrodl.COMBINATION_1),
                           ("combination 2", wrodl.COMBINATION_2))
    }
    return figures.sorted_theta_figure(
        table["multinomial"], table["count"], marks=marks, y_range=(1e-4, 0.1)
    )


@st.cache_resource(max_entries=32, show_spinner=False)
def naive_bayes_chart(alpha: float):
    return figures.naive_bayes_figure(fit("naive_bayes", alpha), wrodl.FEATURES, TABLE_ORDER)


@st.cache_resource(max_entries=32, show_spinner=False)
def comparison_chart(alpha: float):
    table = every_combination(alpha)
    return figures.comparison_figure(
        table["multinomial"], table["naive_bayes"], table["count"],
        labels=combination_labels(), y_range=(1e-8, 0.1),
        marks={"combination 1": index_of(wrodl.COMBINATION_1),
               "combination 2": index_of(wrodl.COMBINATION_2)},
    )


@st.cache_resource(max_entries=32, show_spinner=False)
def novelty_chart(kind: str, alpha: float):
    curve = novelty_by_alpha(kind)
    return figures.novelty_figure(
        ALPHAS, curve["expected"], observed=curve["observed"], current=alpha, n_observed=1000,
    )


def chart(figure, key: str, where=st) -> None:
    """Show one of these figures: its own colours and fonts (not the theme's), no toolbar."""
    where.plotly_chart(
        for_audience(figure), key=key, theme=None, config={"displayModeBar": False}
    )


def sample_controls(kind: str, alpha: float, n: int, seed_key: str, button_key: str):
    """Seed input, "Sample again" button and the batch's novelty read-out, in one row.

    Returns the ``n`` sampled codes, their copy marks (see :func:`draw`) and the row's last
    column, free for a page's own read-out.
    """
    seed_col, again_col, batch_col, free_col = st.columns(
        [1.2, 1, 1.4, 1.4], vertical_alignment="bottom"
    )
    seed_col.number_input("Seed", min_value=0, max_value=MAX_SEED, step=1, key=seed_key)
    again_col.button(
        "Sample again", key=button_key, icon=":material/casino:",
        on_click=next_seed, args=(seed_key, MAX_SEED),
    )
    codes, copies = draw(kind, alpha, n, int(st.session_state[seed_key]))
    batch_col.metric("New faces in this batch", f"{int((copies < 0).sum())} of {n}")
    return codes, copies, free_col


# --- faces on screen ------------------------------------------------------------------------


def face_tuples(codes: np.ndarray) -> list[tuple[str, ...]]:
    """Faces as value tuples in FEATURES order: the cache key of :func:`ui.images.avatar_png`."""
    vocab = list(wrodl.FEATURES.values())
    return [tuple(vocab[k][c] for k, c in enumerate(row)) for row in np.asarray(codes).tolist()]


def avatars(codes: np.ndarray) -> list[bytes]:
    return [avatar_png(face, AVATAR_PX) for face in face_tuples(codes)]


def portrait(face: tuple[str, ...], css_px: int = 160) -> None:
    """One face drawn large: rendered at 256 px and shown ``css_px`` wide, so it stays sharp on
    a high-density screen (a fixed pixel width would make Streamlit shrink the file itself)."""
    with st.container(width=css_px):
        st.image(avatar_png(face, 256), width="stretch", output_format="PNG")


def verdict(copy_index: int) -> str:
    return "new" if copy_index < 0 else f"copy of #{copy_index}"


def show_samples(codes: np.ndarray, copies: np.ndarray, key: str) -> None:
    """Ten (or so) faces in one row, each with a green "new" or a grey "copy of #i" badge.

    ``key`` names the row's container (CSS class ``st-key-<key>``), which browser tests use.
    """
    cells = st.container(key=key).columns(len(codes), gap="small")
    for cell, png, copy_index in zip(cells, avatars(codes), copies, strict=True):
        cell.image(png, width="stretch", output_format="PNG")
        if copy_index < 0:
            cell.badge("new", icon=":material/auto_awesome:", color="green")
        else:
            cell.badge(f"copy of #{copy_index}", color="gray")


def samples_table(codes: np.ndarray, copies: np.ndarray) -> pd.DataFrame:
    """The samples' features (worked example order) and verdicts, numbered from 1."""
    table = wrodl.decode(codes)[list(EXAMPLE_ORDER)].astype(str)
    table.insert(0, "sample", np.arange(1, len(table) + 1))
    table["copy or new"] = [verdict(i) for i in copies]
    return table
