"""The box editor of the world map: a Streamlit v2 component (``st.components.v2``) that
draws the points, the land and the samples on a canvas and lets a person draw, move and
resize the box ``p_model`` with a mouse, a finger, a pen or the keyboard.

Its JavaScript (``box_editor.js``, beside this file) recomputes the read-outs on every frame
while the box moves, with the same formulas as ``gdl_core`` (tests/js checks them against
fixtures made by gdl_core), and sends the box to Python once, when the drag ends or an arrow
key is let go. Python stays the authority: the page reads the box with
:func:`corners_from_value` and recomputes everything with ``gdl_core``.

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

__all__ = ["HELP", "box_editor", "corners_from_value", "encode_floats", "verdict_codes"]

#: How to use the editor, in a sentence for the page to show beside it.
HELP = ("**On the map:** drag on empty map to draw a box, drag inside it to move it, drag an "
        "edge or a corner to resize it. **Keys:** click the map, then the arrows move the "
        "box, Shift + arrows move its east or north edge, + and − grow or shrink it.")

_HERE = Path(__file__).resolve().parent
JS = (_HERE / "box_editor.js").read_text(encoding="utf-8")
CSS = (_HERE / "box_editor.css").read_text(encoding="utf-8")
HTML = """
<div class="be">
  <div class="be-legend" aria-hidden="true"></div>
  <div class="be-map">
    <canvas class="be-canvas" tabindex="0" role="application"
            aria-roledescription="box editor"
            aria-describedby="be-help"></canvas>
    <div class="be-tip" role="tooltip" hidden></div>
  </div>
  <div class="be-live" aria-hidden="true">
    <span>inside <b data-k="inside"></b></span>
    <span>outside <b data-k="outside"></b></span>
    <span>area <b data-k="area"></b> deg²</span>
    <span>L = <b data-k="L"></b></span>
    <span>ℓ = <b data-k="logL"></b></span>
    <span>ℓ − ℓ(MLE) = <b data-k="gap"></b></span>
  </div>
  <div class="be-sr" id="be-help">Drag on the map to draw a box, inside it to move it,
    on an edge or a corner to resize it. Keyboard: arrows move the box, Shift and arrows
    move its east or north edge, plus and minus grow or shrink it.</div>
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
