"""The look every plotly figure in gdl_core shares: one font and a base layout.

Each figure module adds its own axes, legend and colours on top of :func:`base_layout`.
"""

from __future__ import annotations

import plotly.graph_objects as go

__all__ = ["FONT", "FONT_FAMILY", "TEXT_COLOUR", "base_layout", "font", "scale_fonts"]

#: Streamlit's own typeface first, so a chart's text matches the page around it.
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif'
TEXT_COLOUR = "#222"


def font(size: int = 16) -> dict:
    """The figures' font at ``size`` points (16 is easy to read on a projector)."""
    return {"family": FONT_FAMILY, "size": size, "color": TEXT_COLOUR}


FONT = font()


def base_layout(height: int, margin: dict, *, font_size: int = 16, **more) -> dict:
    """Layout entries every figure sets: its height, margins, font and a white plot area.

    ``more`` adds layout entries or overrides these (e.g. a transparent ``plot_bgcolor``).
    """
    return {"height": height, "margin": margin, "font": font(font_size),
            "plot_bgcolor": "white", **more}


def scale_fonts(figure, factor: float):
    """A copy of ``figure`` with every font size multiplied by ``factor``.

    Every ``font``, ``tickfont``, ``textfont``… entry of the layout and the traces is
    scaled; a layout without a font size gets 16 × ``factor``. For a projector, where
    the page's text is enlarged, the charts can follow.
    """
    spec = figure.to_dict() if hasattr(figure, "to_dict") else dict(figure)
    scaled = _scale_font_sizes(spec, factor, inside_font=False)
    scaled.setdefault("layout", {}).setdefault("font", {}).setdefault("size", 16 * factor)
    return go.Figure(scaled)


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
