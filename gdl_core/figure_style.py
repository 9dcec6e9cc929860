"""The look every plotly figure in gdl_core shares: one font and a base layout.

Each figure module adds its own axes, legend and colours on top of :func:`base_layout`.
"""

from __future__ import annotations

__all__ = ["FONT", "FONT_FAMILY", "TEXT_COLOUR", "base_layout", "font"]

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
