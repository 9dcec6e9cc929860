"""Presenter mode: bigger text for a projector, remembered in the URL as ``?present=1``."""

import streamlit as st

from gdl_core.style import scale_fonts

_PROJECTOR_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
label, [data-testid="stCaptionContainer"] { font-size: 1.2rem; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 2.1rem; }
input, [data-baseweb="select"] { font-size: 1.1rem !important; }
[data-testid="stMetricLabel"] .stMarkdownEllipsis p { white-space: normal; }
h1 { font-size: 3rem !important; }
</style>
"""


def presenter_mode_toggle() -> bool:
    """Show the toggle, keep it in the URL, and enlarge the text when it is on."""
    if "presenter_mode" not in st.session_state:
        st.session_state.presenter_mode = st.query_params.get("present") == "1"
    on = st.toggle(
        "Presenter mode",
        key="presenter_mode",
        help="Larger text for a projector or a shared screen.",
    )
    if on:
        st.query_params["present"] = "1"
        st.html(_PROJECTOR_CSS)
    else:
        st.query_params.pop("present", None)
    return on


PROJECTOR_FONT_SCALE = 1.25


def for_audience(figure):
    """The figure as it should be shown now: fonts enlarged in presenter mode."""
    if st.session_state.get("presenter_mode"):
        return scale_fonts(figure, PROJECTOR_FONT_SCALE)
    return figure
