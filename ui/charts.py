"""Showing a plotly figure the same way on every page: the figure's own colours and fonts
(not the theme's), enlarged for the room in presenter mode, with one toolbar button that
saves the chart as a PNG (drawn in the browser, so it works offline), and a text alternative
for people who cannot see it."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from gdl_core.chart_text import describe_figure
from gdl_core.style import scaled_spec
from ui.presenter import PROJECTOR_FONT_SCALE

#: The class of a chart's text alternative: read by screen readers, not drawn (the CSS that
#: hides it is in :data:`ui.images.KEYBOARD_CSS`, on every page).
DESCRIPTION_CLASS = "chart-description"

#: Plotly's toolbar reduced to "Download plot as a PNG", at twice the screen's resolution.
TOOLBAR = {
    "displayModeBar": True,
    "displaylogo": False,
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


class _Sent(go.Figure):
    """A figure as ``st.plotly_chart`` sends it, made once. Streamlit asks a figure for its
    dict on every call, and plotly deep-copies the figure to make it (2.3 ms for the Naive
    Bayes comparison); this empty figure hands over the dict made the first time."""

    def __init__(self, spec: dict):
        super().__init__()
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


def _sendable(figure):
    """``figure`` for this audience (fonts enlarged in presenter mode) as a :class:`_Sent`.
    A plotly figure keeps its :class:`_Sent` for each audience, so a figure built once (in a
    cache) is converted once; it must not change after it is first shown. A plain spec dict
    (:func:`gdl_core.style.spec`, for a chart drawn anew on every rerun) is sent as it is,
    without building a figure from it."""
    presenting = bool(st.session_state.get("presenter_mode"))
    if not isinstance(figure, BaseFigure):
        return _Sent(scaled_spec(figure, PROJECTOR_FONT_SCALE) if presenting else figure)
    name = "_sent_presenter" if presenting else "_sent_screen"
    sent = getattr(figure, name, None)
    if sent is None:
        sent = _Sent(scaled_spec(figure, PROJECTOR_FONT_SCALE) if presenting
                     else figure.to_dict())
        object.__setattr__(figure, name, sent)
    return sent


def show_chart(
    figure, key: str, filename: str | None = None, where=st, description: str | None = None,
    **options,
):
    """``figure`` under ``key``, saved as ``<filename or key>.png`` from its toolbar.

    Before it, visually hidden, its text alternative: ``description`` (what the chart shows
    and its key values now, in the page's words, made from the same data), or without one
    the figure's title, axes and series in words
    (:func:`gdl_core.chart_text.describe_figure`), so it changes whenever the chart does.

    ``options`` go to ``st.plotly_chart`` (``on_select``, ``selection_mode``, ``config``
    entries are merged into the toolbar's); returns what it returns.
    """
    config = {
        **TOOLBAR,
        "toImageButtonOptions": {**TOOLBAR["toImageButtonOptions"], "filename": filename or key},
        **options.pop("config", {}),
    }
    text = description or describe_figure(figure)
    where.html(f'<p class="{DESCRIPTION_CLASS}">{html.escape(text)}</p>')
    return where.plotly_chart(
        _sendable(figure), key=key, theme=None, config=config, **options
    )
