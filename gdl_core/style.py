"""The look every plotly figure in gdl_core shares: one font, one set of named colours, and
one way to build a figure (:func:`figure`).

Colours are named for what they look like; each figure module says what they mean there
(navy is the data on the world map and the seen combinations on Wrodl, orange is p_model's
box and the unseen combinations, and so on), so one meaning never gets two shades.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import plotly.graph_objects as go

__all__ = [
    "COLOURS", "FONT_FAMILY", "base_layout", "figure", "font", "scale_fonts", "scaled_spec",
    "spec",
]

#: Streamlit's own typeface first, so a chart's text matches the page around it.
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif'

#: Every colour the figures use, by name. Text colours pass 4.5:1 on white.
COLOURS: Mapping[str, str] = MappingProxyType({
    "ink": "#222222",       # text
    "dark_grey": "#444444",  # axis lines, outlines
    "grey": "#888888",      # guide lines
    "mid_grey": "#9a9a9a",  # the zero band of a log axis
    "light_grey": "#bbbbbb",
    "pale_grey": "#eeeeee",  # grids, background of "no value"
    "navy": "#1b2f5e",      # observed data
    "orange": "#e8710a",    # p_model; what was never observed
    "pale_orange": "#f3c8a0",
    "green": "#1a9850",     # Naive Bayes; a new sample (success)
    "red": "#d62728",       # impossible: a sample in the sea, ℓ = −∞
    "brick": "#c0392b",     # the multinomial; a zero count
    "purple": "#8e44ad",    # a near-copy
    "gold": "#f2c200",      # the maximum-likelihood estimate
    "blue": "#1030e0",      # the selected pixel
    "black": "#111111",     # marks on a chart
})


def font(size: int = 16) -> dict:
    """The figures' font at ``size`` points (16 is easy to read on a projector)."""
    return {"family": FONT_FAMILY, "size": size, "color": COLOURS["ink"]}


def base_layout(height: int, margin: dict, *, font_size: int = 16, **more) -> dict:
    """Layout entries every figure sets: its height, margins, font and a white plot area.

    ``more`` adds layout entries or overrides these (e.g. a transparent ``plot_bgcolor``).
    """
    return {"height": height, "margin": margin, "font": font(font_size),
            "plot_bgcolor": "white", **more}


def spec(
    data: Sequence[Mapping], layout: Mapping, *, height: int, margin: Mapping,
    font_size: int = 16,
) -> dict:
    """A figure as plain dicts, ``{"data": [...], "layout": {...}}``, on the shared
    :func:`base_layout` (``layout`` adds to or overrides it): what :func:`figure` wraps, and
    what a page that draws a new chart on every rerun can send as it is."""
    full = {**base_layout(height, dict(margin), font_size=font_size), **layout}
    return {"data": list(data), "layout": full}


def figure(
    data: Sequence[Mapping], layout: Mapping, *, height: int, margin: Mapping,
    font_size: int = 16,
) -> go.Figure:
    """:func:`spec` as a plotly figure.

    Plotly's property-by-property validation is skipped: it costs tens of milliseconds per
    figure, a large part of a page's rerun. The dicts are fixed by the figure modules, and
    their tests build every figure once with full validation (``go.Figure(fig.to_dict())``).
    """
    return go.Figure(**spec(data, layout, height=height, margin=margin, font_size=font_size),
                     _validate=False)


def scaled_spec(figure, factor: float) -> dict:
    """``figure`` (a plotly figure or its dict) as a dict with every font size multiplied by
    ``factor``.

    Every ``font``, ``tickfont``, ``textfont``… entry of the layout and the traces is
    scaled; a layout without a font size gets 16 × ``factor``. For a projector, where
    the page's text is enlarged, the charts can follow.
    """
    plain = figure.to_dict() if hasattr(figure, "to_dict") else dict(figure)
    scaled = _scale_font_sizes(plain, factor, inside_font=False)
    scaled.setdefault("layout", {}).setdefault("font", {}).setdefault("size", 16 * factor)
    return scaled


def scale_fonts(figure, factor: float) -> go.Figure:
    """A copy of ``figure`` with every font size multiplied by ``factor``
    (:func:`scaled_spec`). The spec comes from a figure already built and only its sizes
    change, so plotly does not validate every property again."""
    return go.Figure(scaled_spec(figure, factor), _validate=False)


def _scale_font_sizes(node, factor: float, inside_font: bool):
    if isinstance(node, dict):
        return {
            key: (
                _scaled_size(value, factor)
                if inside_font and key == "size"
                else _scale_font_sizes(value, factor, key.endswith("font"))
            )
            for key, value in node.items()
        }
    if isinstance(node, list | tuple):
        return [_scale_font_sizes(item, factor, inside_font) for item in node]
    return node


def _scaled_size(size, factor: float):
    if isinstance(size, int | float):
        return size * factor
    return [s * factor for s in size]
