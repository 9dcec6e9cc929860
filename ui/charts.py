"""Showing a plotly figure the same way on every page: the figure's own colours and fonts
(not the theme's), enlarged for the room in presenter mode, with one toolbar button that
saves the chart as a PNG (drawn in the browser, so it works offline), and a text alternative
for people who cannot see it."""

from __future__ import annotations

import html

import streamlit as st

from gdl_core.chart_text import describe_figure
from ui.presenter import for_audience

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
        for_audience(figure), key=key, theme=None, config=config, **options
    )
