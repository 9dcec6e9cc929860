"""The controls and pictures the two Planet Wrodl pages share: the pseudocount, the sampling
row, faces and charts. What they show comes from :mod:`ui.wrodl_reports`.

The pseudocount α lives under one session key (:data:`ALPHA`), so moving it on one page
moves it on the other (and a page's reset puts it back to 0 for both).
"""

from __future__ import annotations

import streamlit as st

from gdl_core import wrodl
from gdl_core.images import Badge
from gdl_core.wrodl.alt_text import face_alt, faces_alt
from gdl_core.wrodl.models import PSEUDOCOUNTS
from gdl_core.wrodl.text import percent
from ui import wrodl_reports as reports
from ui.charts import show_chart
from ui.images import (
    NARROW_COLUMNS,
    NARROW_SCREEN_PX,
    SHEETS_KEPT,
    Sheet,
    avatar_png,
    avatar_sheet_png,
)
from ui.state import Param, next_seed, publish, restore

ALPHA = Param("wrodl_alpha", "alpha", 0.0, lo=0.0, hi=10.0, options=PSEUDOCOUNTS)
AVATAR_PX = 128  # rendered size of the small faces: sharp when shown about 100 px wide
MAX_SEED = 2**31 - 1


def seed_param(key: str) -> Param:
    return Param(key, "seed", 0, lo=0, hi=MAX_SEED)


# --- the pseudocount ------------------------------------------------------------------------


def restore_alpha() -> list[str]:
    """Take α from the URL on a first visit (snapped to a slider stop); return notices."""
    return restore(ALPHA)


def alpha() -> float:
    """The α the slider holds, for a page that needs it above the slider (Streamlit stores a
    widget's new value before the rerun that draws it)."""
    return float(st.session_state[ALPHA.key])


def alpha_slider() -> float:
    """The pseudocount control (keyboard: focus the handle, then ← / →), with what its
    stops mean as a caption (no "?" tab stop of its own)."""
    alpha = float(st.select_slider(
        "Pseudocount α (added to every count)",
        options=PSEUDOCOUNTS,
        key=ALPHA.key,
        format_func=lambda a: f"{a:g}",
    ))
    st.caption("α = 0 is the plain maximum-likelihood estimate; α = 1 is Laplace smoothing, "
               "as in the book. Both Planet Wrodl pages share this one setting.")
    return alpha


# --- charts and faces -----------------------------------------------------------------------


def chart(figure, key: str, description: str, where=st) -> None:
    """Show a Wrodl figure (its own colours and fonts, enlarged in presenter mode) with a
    toolbar button that saves it as ``<key>.png`` and ``description`` (what it shows, its key
    values now) as its text alternative."""
    show_chart(figure, key, where=where, description=description)


#: Hides a ``-for-narrow`` container on wide screens and a ``-for-wide`` one on phones (as
#: ui.images does for face sheets), so a page can offer a chart in two layouts.
SCREEN_CSS = f"""
[class*="-for-narrow"] {{ display: none; }}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  [class*="-for-wide"] {{ display: none; }}
  [class*="-for-narrow"] {{ display: block; }}
}}
"""
#: Presenter mode: the Wrodl pages' small tables (Table 1-2, the comparison) as large as the
#: text around them.
PRESENTER_TABLE_CSS = """
[class*="st-key-wrodl_"] [data-testid="stTable"] th,
[class*="st-key-wrodl_"] [data-testid="stTable"] td { font-size: 1.15rem; }
"""


def page_style() -> None:
    """The Wrodl pages' own CSS (one element at the top of a page): the screen-dependent
    charts of :func:`chart_for_screens`, and large tables in presenter mode."""
    css = SCREEN_CSS + (PRESENTER_TABLE_CSS if st.session_state.get("presenter_mode") else "")
    st.html(f"<style>{css}</style>")


def chart_for_screens(wide, narrow, key: str, description: str, where=st) -> None:
    """``wide`` on a laptop or projector, ``narrow`` (the same chart laid out for about
    360 px) on a phone, chosen by the browser (CSS from :func:`page_style`): the server need
    not know the screen. Their containers are ``<key>-for-wide`` and ``<key>-for-narrow``;
    both save as ``<key>.png`` and have ``description`` as their text alternative."""
    with where.container(key=f"{key}-for-wide"):
        show_chart(wide, f"{key}_wide", filename=key, description=description)
    with where.container(key=f"{key}-for-narrow"):
        show_chart(narrow, f"{key}_narrow", filename=key, description=description)


def portrait(face: tuple[str, ...], key: str, css_px: int = 160, what: str = "A Wrodler") -> None:
    """One face drawn large: rendered at 256 px and shown ``css_px`` wide, so it stays sharp on
    a high-density screen (a fixed pixel width would make Streamlit shrink the file itself).
    ``key`` names its container; its alternative text is ``what`` followed by the face's five
    features and whether it is a training face (:func:`gdl_core.wrodl.alt_text.face_alt`)."""
    with st.container(width=css_px, key=key):
        st.image(avatar_png(face, 256), width="stretch", output_format="PNG",
                 alt=face_alt(dict(zip(wrodl.FEATURES, face, strict=True)), what))


# --- sampling -------------------------------------------------------------------------------


@st.fragment
def samples_section(
    model: type, alpha: float, n: int, seed: Param, button_key: str, key: str,
    chance_new: float | None = None, table_key: str | None = None,
) -> None:
    """Seed input, "Sample again", the batch's novelty read-out and the ``n`` samples of
    ``model`` (a class) at α, with their table under ``table_key`` if given.

    A fragment: a new seed reruns only this part of the page, so a class pressing "Sample
    again" together costs the server a fraction of whole-page reruns.
    """
    seed_col, again_col, batch_col, free_col = st.columns(
        [1.1, 1.1, 1.4, 1.4], vertical_alignment="bottom"
    )
    seed_col.number_input("Seed", min_value=0, max_value=MAX_SEED, step=1, key=seed.key)
    again_col.button(
        "Sample again", key=button_key, icon=":material/casino:",
        on_click=next_seed, args=(seed.key, MAX_SEED),
    )
    seed_now = int(st.session_state[seed.key])
    drawn = reports.samples(model, alpha, n, seed_now)
    batch_col.metric("New faces in this batch", f"{drawn.n_new} of {n}")
    if chance_new is not None:
        free_col.metric("Chance a sample is new", percent(chance_new))
    samples_sheet(model, alpha, n, seed_now).show(
        key, f"{key}-alpha{alpha:g}-seed{seed_now}.png"
    )
    if table_key is not None:
        with st.expander(f"The {n} samples as a table"):
            st.container(key=table_key).dataframe(
                drawn.table, hide_index=True, width="stretch"
            )
    publish(seed)  # a fragment's rerun does not reach the page's own publish()


@st.cache_resource(max_entries=SHEETS_KEPT, show_spinner=False)
def samples_sheet(model: type, alpha: float, n: int, seed: int) -> Sheet:
    """The samples of :func:`ui.wrodl_reports.samples` in one row (on a phone two rows),
    each over a green "new" or a grey "copy of #i" badge, with the verdicts again as text."""
    drawn = reports.samples(model, alpha, n, seed)
    labels = tuple(
        Badge("new", "green") if copy < 0 else Badge(verdict, "gray")
        for copy, verdict in zip(drawn.copy_of.tolist(), drawn.verdicts, strict=True)
    )
    return Sheet(
        avatar_sheet_png(drawn.faces, AVATAR_PX, labels, columns=len(drawn.faces)), None,
        faces_alt([dict(zip(wrodl.FEATURES, face, strict=True)) for face in drawn.faces],
                  f"{len(drawn.faces)} sampled faces"),
        f"Samples 1 to {len(drawn.faces)}, left to right: {', '.join(drawn.verdicts)}.",
        split=True,
    )


@st.cache_resource(show_spinner=False)
def training_sheet() -> Sheet:
    """The 50 Wrodlers, ten to a row (five on a phone), each over its number."""
    faces = tuple(wrodl.face_tuples(wrodl.training_codes()))
    ids = tuple(f"#{i}" for i in range(len(faces)))
    return Sheet(
        avatar_sheet_png(faces, AVATAR_PX, ids),
        avatar_sheet_png(faces, AVATAR_PX, ids, columns=NARROW_COLUMNS),
        "The Wrodlers as cartoon faces, ten to a row: " + "; ".join(
            f"{i} {face}" for i, face in
            zip(ids, wrodl.describe(wrodl.training_codes()), strict=True)
        ),
        f"Faces #0 to #{len(faces) - 1}, ten to a row: #0 to #9 on the first row, #10 to #19 "
        "on the second, and so on (five to a row on a phone).",
    )
