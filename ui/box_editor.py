"""The plane editor: one Streamlit v2 component (``st.components.v2``) that draws points on a
canvas and lets a person edit something on that plane with a mouse, a finger, a pen or the
keyboard. It has two modes, one implementation (``box_editor.js``, beside this file: a core
shared by both, plus what each mode draws and does):

- :func:`box_editor` (the world map): draw, move and resize the box ``p_model``; the
  read-outs (points outside, area, ℓ, …) are recomputed on every frame while the box moves.
- :func:`point_editor` (the representation page's latent plane): click or drag anywhere to
  move the point z; while it moves, f(z) is drawn on the plane at once, by a port of
  ``gdl_core.tins.decoder`` to JavaScript.

The JavaScript uses the same formulas as ``gdl_core`` (tests/js checks them against fixtures
made by gdl_core), and sends the value to Python once, when the drag ends or an arrow key is
let go. Python stays the authority: the page reads the value with
:func:`corners_from_value` or :func:`point_from_value` and recomputes everything with
``gdl_core``.

Nothing is fetched from the network and nothing is built: the JS and CSS are read from
their files and handed to Streamlit inline.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
import streamlit as st

from gdl_core.world import EXTENT

__all__ = [
    "HELP", "POINT_HELP", "box_editor", "corners_from_value", "encode_floats", "point_editor",
    "point_from_value", "verdict_codes",
]

#: How to use the editor, in a sentence for the page to show beside it.
HELP = ("**On the map:** drag on empty map to draw a box, drag inside it to move it, drag an "
        "edge or a corner to resize it. **Keys:** click the map, then the arrows move the "
        "box, Shift + arrows move its east or north edge, + and − grow or shrink it.")
#: The same for the point editor.
POINT_HELP = ("**On the plane:** click or drag anywhere to move z there; f(z) follows as you "
              "drag. **Keys:** click the plane, then the arrows move z by 0.25 cm, Shift + "
              "arrows by 1 cm.")

_HERE = Path(__file__).resolve().parent
JS = (_HERE / "box_editor.js").read_text(encoding="utf-8")
CSS = (_HERE / "box_editor.css").read_text(encoding="utf-8")
HTML = """
<div class="be">
  <div class="be-legend" aria-hidden="true"></div>
  <div class="be-map">
    <canvas class="be-canvas" tabindex="0" role="application"
            aria-describedby="be-help"></canvas>
    <div class="be-tip" role="tooltip" hidden></div>
  </div>
  <div class="be-live" aria-hidden="true"></div>
  <div class="be-sr be-help-text" id="be-help"></div>
  <div class="be-status be-sr" role="status" aria-live="polite"></div>
</div>
"""

_component = st.components.v2.component("gdl_box_editor", html=HTML, css=CSS, js=JS)

#: One letter per verdict, in the order of the samples (``verdicts`` in the component's data).
VERDICT_LETTERS = {"sea": "s", "copy": "c", "new": "n"}


def encode_floats(values, dtype=np.float64) -> str:
    """Little-endian floats, base64: the points exactly (float64) in about half the bytes of
    their decimal JSON, or samples (float32) in a quarter."""
    array = np.ascontiguousarray(np.asarray(values, dtype=float).reshape(-1),
                                 dtype=np.dtype(dtype).newbyteorder("<"))
    return base64.b64encode(array.tobytes()).decode("ascii")


def verdict_codes(verdicts) -> str:
    """The verdicts as one string, a letter per sample (``s``, ``c``, ``n``)."""
    return "".join(VERDICT_LETTERS[str(v)] for v in np.asarray(verdicts).reshape(-1))


def corners_from_value(value) -> tuple[float, float, float, float] | None:
    """The box the component sent, ``(lon_min, lon_max, lat_min, lat_max)``: sorted,
    clamped to the map; ``None`` when there is none or it is not a box with an area."""
    if not isinstance(value, Mapping):
        return None
    corners = value.get("corners")
    if not isinstance(corners, Sequence) or len(corners) != 4:
        return None
    try:
        numbers = [float(v) for v in corners]
    except (TypeError, ValueError):
        return None
    if not all(map(math.isfinite, numbers)):
        return None
    west, east, south, north = EXTENT
    lon = sorted(min(max(v, west), east) for v in numbers[:2])
    lat = sorted(min(max(v, south), north) for v in numbers[2:])
    if lon[0] == lon[1] or lat[0] == lat[1]:
        return None
    return (lon[0], lon[1], lat[0], lat[1])


def box_editor(
    *,
    key: str,
    points,
    box: Sequence[float],
    on_change: Callable[[], None],
    mle_log_likelihood: float | None,
    land: str | None = None,
    samples=None,
    verdicts=None,
    examples: Sequence[Mapping] = (),
    legend: Sequence[tuple[str, str, str]] = (),
    styles: Mapping[str, Mapping[str, str]] | None = None,
    verdict_names: Mapping[str, str] | None = None,
    step: float = 1.0,
    font_scale: float = 1.0,
    label: str = "World map with the box p_model",
):
    """Mount the editor under ``key``; ``on_change`` runs when the person has sent a new box
    (read it with ``corners_from_value(st.session_state[key].get("box"))``).

    ``points`` (N, 2) are sent exactly (float64), so the live read-outs count exactly the
    points gdl_core counts; ``samples`` (M, 2) only for drawing (float32), with ``verdicts``
    (M,) when they are judged. ``examples`` are the labelled samples ``{"label", "verdict",
    "lon", "lat"}``; ``step`` is how far an arrow key moves the box, in degrees.
    """
    mle = None if mle_log_likelihood is None or not math.isfinite(mle_log_likelihood) \
        else float(mle_log_likelihood)
    data = {
        "mode": "box",
        "points": encode_floats(points),
        "box": [float(v) for v in box],
        "mle_log_l": mle,
        "land": land,
        "samples": None if samples is None else encode_floats(samples, np.float32),
        "verdicts": None if verdicts is None else verdict_codes(verdicts),
        "examples": [dict(example) for example in examples],
        "legend": [list(item) for item in legend],
        "styles": dict(styles or {}),
        "verdict_names": dict(verdict_names or {}),
        "step": float(step),
        "font_scale": float(font_scale),
        "label": label,
    }
    return _component(key=key, data=data, on_box_change=on_change, width="stretch",
                      height="content")


def point_from_value(value, extent: Sequence[float]) -> tuple[float, float] | None:
    """The point the point editor sent, ``(x, y)``: clamped to ``extent`` ``(x_min, x_max,
    y_min, y_max)`` and rounded to hundredths, as the editor keeps it; ``None`` when there
    is none or it is not two finite numbers."""
    if not isinstance(value, Mapping):
        return None
    xy = value.get("xy")
    if not isinstance(xy, Sequence) or isinstance(xy, str) or len(xy) != 2:
        return None
    try:
        x, y = (float(v) for v in xy)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    x_min, x_max, y_min, y_max = (float(v) for v in extent)
    return (round(min(max(x, x_min), x_max), 2), round(min(max(y, y_min), y_max), 2))


def point_editor(
    *,
    key: str,
    points,
    point: Sequence[float],
    on_change: Callable[[], None],
    extent: Sequence[float],
    axes: tuple[str, str] = ("x", "y"),
    unit: str = "",
    order: str = "xy",
    preview: str | None = None,
    offset: Sequence[float] | None = None,
    legend: Sequence[tuple[str, str, str]] = (),
    name: str = "z",
    point_name: str = "point",
    colours: tuple[str, str] = ("#1b2f5e", "#e8710a"),
    step: float = 0.25,
    big_step: float = 1.0,
    tick_step: float = 2.0,
    max_side: int = 480,
    font_scale: float = 1.0,
    label: str = "A plane with the point z",
):
    """Mount the editor in point mode under ``key``; ``on_change`` runs when the person has
    sent a new point (read it with ``point_from_value(st.session_state[key].get("point"),
    extent)``).

    ``points`` (N, 2) are the plane's data as (x, y) (``point_name`` names one in its
    tooltip); ``point`` is the point ``name`` (z) as (x, y); ``extent``
    ``(x_min, x_max, y_min, y_max)`` is the plane (z stays on it). ``axes`` names x and y,
    ``order`` the order the live read-out names them in (``"yx"``: y first). ``preview="tin"``
    draws f(z) of ``gdl_core.tins.decoder`` beside z, with x the width and y the height.
    ``offset`` (dx, dy) draws an arrow from z to z + offset; ``colours`` are the points' and
    z's. An arrow key moves z by ``step``, Shift and an arrow by ``big_step``; ``max_side``
    caps the plane's side (CSS px, before ``font_scale``).
    """
    data = {
        "mode": "point",
        "points": encode_floats(points),
        "point": [float(v) for v in point],
        "extent": [float(v) for v in extent],
        "axes": {"x": axes[0], "y": axes[1]},
        "unit": unit,
        "order": order,
        "preview": preview,
        "offset": None if offset is None else [float(v) for v in offset],
        "legend": [list(item) for item in legend],
        "name": name,
        "point_name": point_name,
        "point_colour": colours[0],
        "z_colour": colours[1],
        "step": float(step),
        "big_step": float(big_step),
        "tick_step": float(tick_step),
        "max_side": int(max_side),
        "font_scale": float(font_scale),
        "label": label,
    }
    return _component(key=key, data=data, on_point_change=on_change, width="stretch",
                      height="content")
