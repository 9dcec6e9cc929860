"""A chart in words, for people who cannot see it: its title, its axes and what each trace
holds, with the numbers it shows now.

:func:`describe_figure` reads any plotly figure this library builds, so a chart's text
alternative is made from the same data as the picture and changes whenever the picture
does; a page adds the one or two values that matter most in its own words.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence

import numpy as np

__all__ = ["describe_figure", "join", "plain"]

_TAGS = re.compile(r"<[^>]+>")


def plain(text: object) -> str:
    """Plotly's rich text as plain words: tags dropped, line breaks as spaces."""
    text = str(text or "").replace("<br>", " ").replace("<br />", " ")
    return re.sub(r"\s+", " ", _TAGS.sub("", text)).strip()


def _title(obj) -> str:
    title = getattr(obj, "title", None)
    return plain(getattr(title, "text", None) if title is not None else None)


def _array(values):
    """``values`` as given, or decoded when plotly packed them (``{"dtype", "bdata"}``)."""
    if isinstance(values, dict) and "bdata" in values:
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        return array.reshape(values["shape"]) if "shape" in values else array
    return values


def _values(values) -> np.ndarray | None:
    values = _array(values)
    if values is None:
        return None
    try:
        array = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    array = array[np.isfinite(array)]
    return array if array.size else None


def _num(value: float) -> str:
    """Three significant digits, thousands separated, a true minus sign."""
    text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    return text.replace("-", "−")


def _range(values: np.ndarray) -> str:
    low, high = float(values.min()), float(values.max())
    if low == high:
        return f"all {_num(low)}"
    return f"from {_num(low)} to {_num(high)}"


def _trace(trace, axes: dict[str, str]) -> str | None:
    name = plain(getattr(trace, "name", None))
    kind = trace.type
    if kind in ("heatmap", "image"):
        raw = _array(getattr(trace, "z", None))
        z = _values(raw)
        shape = np.shape(raw) if raw is not None else ()
        size = f"a {shape[0]} × {shape[1]} grid" if len(shape) >= 2 else "a grid"
        what = f"{name}: " if name else ""
        return f"{what}{size} of values {_range(z)}" if z is not None else f"{what}{size}"
    if kind not in ("bar", "scatter", "scattergl"):
        return f"{name} ({kind})" if name else None
    x, y = _array(getattr(trace, "x", None)), _array(getattr(trace, "y", None))
    n = len(x) if x is not None else len(y) if y is not None else 0
    if n == 0:
        return None
    noun = "bars" if kind == "bar" else "points"
    horizontal = kind == "bar" and getattr(trace, "orientation", None) == "h"
    value_axis = "x" if horizontal else "y"
    values = _values(x if horizontal else y)
    parts = [f"{name}: " if name else "", f"{n:,} {noun}" if n != 1 else f"one {noun[:-1]}"]
    if values is not None:
        label = axes.get(value_axis) or value_axis
        parts.append(f", {label} {_range(values)}")
    return "".join(parts)


def describe_figure(figure, *, max_traces: int = 6) -> str:
    """``figure`` in a few sentences: "Chart: <title>. Horizontal axis: …; vertical axis: ….
    <trace>: 50 bars, θ̂ from 0 to 0.46; …"."""
    layout = figure.layout
    title = _title(layout)
    axes = {"x": _title(layout.xaxis), "y": _title(layout.yaxis)}
    sentences = [f"Chart: {title}." if title else "Chart."]
    named = [f"{where} axis: {label}" for where, label in
             (("Horizontal", axes["x"]), ("Vertical", axes["y"])) if label]
    if named:
        sentences.append("; ".join(named) + ".")
    traces = [t for t in (_trace(trace, axes) for trace in figure.data) if t]
    if traces:
        shown = traces[:max_traces]
        more = len(traces) - len(shown)
        sentences.append("; ".join(shown) + (f"; and {more} more series" if more > 0 else "")
                         + ".")
    return " ".join(sentences)


def join(sentences: Sequence[str]) -> str:
    """Sentences joined with single spaces, empty ones left out."""
    return " ".join(s.strip() for s in sentences if s and s.strip())
