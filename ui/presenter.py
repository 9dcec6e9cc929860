"""Presenter mode: bigger text for a projector, remembered in the URL as ``?present=1``."""

import streamlit as st

_PROJECTOR_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stMainBlockContainer"] { padding: 2.5rem 1.5rem 4rem; max-width: none; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
label, [data-testid="stCaptionContainer"] { font-size: 1.2rem; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 2.1rem; }
input, [data-baseweb="select"] { font-size: 1.1rem !important; }
[data-testid="stTable"] th, [data-testid="stTable"] td { font-size: 1.1rem; }
h1 { font-size: 2.6rem !important; }
.copy-view-link { font-size: 1.2rem; }
/* A phone in presenter mode: tables keep a phone's size, so that they fit the screen (a table
   that scrolls sideways hides columns from anyone who cannot scroll it with a mouse). */
@media (max-width: 640px) {
  [data-testid="stTable"] th, [data-testid="stTable"] td {
    font-size: 14px !important; padding: 4px 6px !important; }
}
/* Nothing may end in an ellipsis on a projector: long labels and values wrap instead. */
[data-testid="stMetricLabel"] .stMarkdownEllipsis p,
[data-testid="stMetricValue"] > div, [data-testid="stWidgetLabel"] p,
button p, [data-baseweb="select"] div { white-space: normal; text-overflow: clip;
  overflow: visible; overflow-wrap: normal; }
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
    # The sidebar (navigation and this toggle) folds away on a projector: every page links
    # to the next one at its foot, and the arrow at the top left brings the sidebar back.
    st.set_page_config(initial_sidebar_state="collapsed" if on else "auto")
    if on:
        st.query_params["present"] = "1"
        st.html(_PROJECTOR_CSS)
    else:
        st.query_params.pop("present", None)
    return on


PROJECTOR_FONT_SCALE = 1.25
