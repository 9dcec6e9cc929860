"""Showing a plotly figure the same way on every page: the figure's own colours and fonts
(not the theme's), enlarged for the room in presenter mode, with one toolbar button that
saves the chart as a PNG (drawn in the browser, so it works offline)."""

from __future__ import annotations

import streamlit as st

from ui.presenter import for_audience

#: Plotly's toolbar reduced to "Download plot as a PNG", at twice the screen's resolution.
TOOLBAR = {
    "displayModeBar": True,
    "displaylogo": False,
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def show_chart(figure, key: str, filename: str | None = None, where=st, **options):
    """``figure`` under ``key``, saved as ``<filename or key>.png`` from its toolbar.

    ``options`` go to ``st.plotly_chart`` (``on_select``, ``selection_mode``, ``config``
    entries are merged into the toolbar's); returns what it returns.
    """
    config = {
        **TOOLBAR,
        "toImageButtonOptions": {**TOOLBAR["toImageButtonOptions"], "filename": filename or key},
        **options.pop("config", {}),
    }
    return where.plotly_chart(
        for_audience(figure), key=key, theme=None, config=config, **options
    )
