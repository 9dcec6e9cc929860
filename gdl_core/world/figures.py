"""Pictures of the world-map example, as plotly figures built with :func:`gdl_core.style.figure`.

Everything here draws what :mod:`gdl_core.world` computes; nothing here does statistics.
The same figures work in the dashboard and in a notebook (``fig.show()``).

- :func:`land_png` / :func:`land_data_uri`: the land raster as a small two-colour PNG, laid
  under the points as a plotly *layout image* (a few KB, no per-pixel trace, no plotly geo,
  nothing fetched from the internet).
- :func:`world_figure`: the training points, optionally the land, the box ``p_model`` and
  samples coloured by their Rule 1 / Rule 2 verdict.
- :func:`history_figure`: every box tried so far, its log-likelihood against its area, with
  the maximum-likelihood box marked (:func:`history_spec`: the same as plain dicts).
- :func:`history_description`: that chart in words, with its current values.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from gdl_core.images import png_bytes
from gdl_core.numbers import format_number, plural
from gdl_core.style import COLOURS, figure, spec
from gdl_core.world import EXTENT, VERDICTS, Box, LandMask, land_mask
from gdl_core.world.points import degrees

__all__ = [
    "BOX_COLOUR",
    "LAND_COLOUR",
    "UPLOAD_VERDICT_STYLE",
    "VERDICT_STYLE",
    "history_description",
    "history_figure",
    "history_spec",
    "land_data_uri",
    "land_png",
    "world_figure",
]

BOX_COLOUR = COLOURS["orange"]  # the book draws p_model as an orange box
POINT_COLOUR = COLOURS["navy"]
LAND_COLOUR = (214, 201, 166)  # sand
SEA_COLOUR = (211, 228, 243)  # pale blue
BLANK_COLOUR = "#f4f4f2"  # the map before p_data is revealed
GRID_COLOUR = "rgba(0, 0, 0, 0.08)"
MINUS_INFINITY_TEXT = "#a33"  # the history chart's labels for boxes that miss a point
MLE_OUTLINE = "#6b5500"  # a dark gold ring round the star

SAMPLE_COLOUR = COLOURS["grey"]  # samples before p_data is revealed: not yet judged

# verdict -> (legend label, colour, marker symbol). Shapes differ as well as colours, so the
# three kinds stay apart on a washed-out projector and for colour-blind readers.
# The labels are short, so the legend takes few rows above the map; the page says which rule
# each kind breaks.
VERDICT_STYLE: Mapping[str, tuple[str, str, str]] = {
    "sea": ("in the sea (A)", COLOURS["red"], "x"),
    "copy": ("near-copy (B)", COLOURS["purple"], "diamond"),
    "new": ("new, on land (C)", COLOURS["green"], "circle"),
}

#: The verdicts on a person's own points, judged by Rule 2 alone: nobody knows their p_data,
#: so no sample is said to be in the sea and a new one is just "new".
UPLOAD_VERDICT_STYLE: Mapping[str, tuple[str, str, str]] = {
    "copy": VERDICT_STYLE["copy"],
    "new": ("new (C)", *VERDICT_STYLE["new"][1:]),
}

_PAD = 4.0  # degrees of empty margin around the map, so a box on the map's edge stays visible


# --------------------------------------------------------------------------- the land image


def land_png(mask: LandMask | None = None, *, step: int = 2) -> bytes:
    """The land raster as a two-colour PNG: sand-coloured land on a pale blue sea.

    ``step`` keeps every ``step``-th row and column (2 → 720 × 360 pixels, about 8 KB), which
    is finer than the map is ever drawn on screen.
    """
    mask = land_mask() if mask is None else mask
    cells = np.ascontiguousarray(mask.raster[::step, ::step]).astype(np.uint8)
    image = Image.fromarray(cells, mode="L").convert("P")
    image.putpalette([*SEA_COLOUR, *LAND_COLOUR] + [0, 0, 0] * 254)
    return png_bytes(image, optimize=True, bits=1)


def land_data_uri(mask: LandMask | None = None, *, step: int = 2) -> str:
    """:func:`land_png` as a ``data:image/png;base64,…`` URI for a plotly layout image."""
    return "data:image/png;base64," + base64.b64encode(land_png(mask, step=step)).decode()


# --------------------------------------------------------------------------- the map


def _compact(values: np.ndarray) -> np.ndarray:
    """float32 coordinates: half the bytes, still about 1 m of precision on the map."""
    return np.ascontiguousarray(values, dtype=np.float32)


def _marker_size(n: int) -> float:
    if n <= 200:
        return 8.0
    if n <= 1000:
        return 5.0
    return 3.0


def _hover_layer(x, y, label: str) -> dict:
    """An invisible trace on the drag layer that only answers hover, with ``label`` and the
    point's longitude and latitude. Lines only, no markers: plotly selects markers and text,
    never bare lines, so a dragged box still reports no points."""
    return {"type": "scatter", "x": _compact(x), "y": _compact(y), "mode": "lines",
            "xaxis": "x2", "yaxis": "y2", "showlegend": False,
            "line": {"width": 0, "color": "rgba(0, 0, 0, 0)"},
            "hovertemplate": f"{label}<br>lon %{{x:.2f}}°, lat %{{y:.2f}}°<extra></extra>"}


def world_figure(
    points,
    *,
    box: Box | None = None,
    land: str | None = None,
    samples=None,
    verdicts=None,
    height: int = 500,
    selectable: bool = True,
) -> go.Figure:
    """The map: training points on longitude/latitude axes, optionally the land, the box and
    samples from the box.

    ``land`` is an image URI (see :func:`land_data_uri`) or ``None`` to keep ``p_data``
    hidden. ``samples`` (M, 2) come from ``Box.sample``. With ``verdicts`` (M,) from
    ``world.judge`` they are coloured by verdict; without, they are plain grey points, not
    yet judged (before ``p_data`` is revealed nobody can tell sea from land).

    With ``selectable`` (the default) dragging on the map draws a selection box (in
    Streamlit, a selection event whose ``"box"`` holds its corners). The drag lands on an
    empty, invisible layer (axes ``x2``/``y2``, exactly on top of the map) rather than on
    the points: a browser
    reports every point inside a selection, which for thousands of points would send
    hundreds of kilobytes back on each drag, while a box needs only its four numbers. The
    layer answers hover for the points and samples underneath through invisible line-only
    copies of them, which a selection never reports.
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    lon_min, lon_max, lat_min, lat_max = EXTENT
    data: list[dict] = [
        {
            "type": "scatter",
            "x": _compact(points[:, 0]),
            "y": _compact(points[:, 1]),
            "mode": "markers",
            "name": f"the data X ({plural(len(points), 'point')})",
            "marker": {
                "size": _marker_size(len(points)),
                "color": POINT_COLOUR,
                "line": {"width": 0.8 if len(points) <= 1000 else 0, "color": "white"},
            },
            "hovertemplate": "data point<br>lon %{x:.2f}°, lat %{y:.2f}°<extra></extra>",
        }
    ]
    hover = [_hover_layer(points[:, 0], points[:, 1], "data point")]
    if samples is not None:
        samples = np.asarray(samples, dtype=float).reshape(-1, 2)
        size = 8 if len(samples) <= 500 else 6
        if verdicts is None:
            data.append(
                {"type": "scatter", "x": _compact(samples[:, 0]), "y": _compact(samples[:, 1]),
                 "mode": "markers", "name": f"samples ({len(samples):,})",
                 "marker": {"size": size, "color": SAMPLE_COLOUR,
                            "line": {"width": 0.8, "color": "white"}},
                 "hovertemplate": "sample<br>lon %{x:.2f}°, lat %{y:.2f}°<extra></extra>"}
            )
            hover.append(_hover_layer(samples[:, 0], samples[:, 1], "sample"))
        else:
            verdicts = np.asarray(verdicts, dtype=str)
            if verdicts.shape != (len(samples),):
                raise ValueError("Give one verdict for each sample.")
            for verdict in VERDICTS:
                chosen = verdicts == verdict
                label, colour, symbol = VERDICT_STYLE[verdict]
                marker = {"size": size, "color": colour, "symbol": symbol}
                if symbol != "x":
                    marker["line"] = {"width": 0.8, "color": "white"}
                template = f"sample: {label}<br>lon %{{x:.2f}}°, lat %{{y:.2f}}°"
                data.append(
                    {"type": "scatter", "x": _compact(samples[chosen, 0]),
                     "y": _compact(samples[chosen, 1]), "mode": "markers",
                     "name": f"{label} ({int(chosen.sum()):,})", "marker": marker,
                     "meta": verdict, "hovertemplate": f"{template}<extra></extra>"}
                )
                hover.append(_hover_layer(samples[chosen, 0], samples[chosen, 1],
                                          f"sample: {label}"))
    frame = {"type": "rect", "xref": "x", "yref": "y", "x0": lon_min, "x1": lon_max,
             "y0": lat_min, "y1": lat_max, "layer": "below",
             "line": {"color": "rgba(0, 0, 0, 0.25)", "width": 1}}
    shapes: list[dict] = []
    images: list[dict] = []
    if land is None:
        shapes.append({**frame, "fillcolor": BLANK_COLOUR})
    else:
        images.append(
            {"source": land, "xref": "x", "yref": "y", "x": lon_min, "y": lat_max,
             "sizex": lon_max - lon_min, "sizey": lat_max - lat_min, "sizing": "stretch",
             "layer": "below"}
        )
    if box is not None:
        shapes.append(
            {"type": "rect", "xref": "x", "yref": "y", "x0": box.lon_min, "x1": box.lon_max,
             "y0": box.lat_min, "y1": box.lat_max, "layer": "above",
             "line": {"color": BOX_COLOUR, "width": 3},
             "fillcolor": "rgba(232, 113, 10, 0.10)"}
        )
        # A legend entry for the box (a shape has none of its own), next to the data's.
        data.insert(
            1,
            {"type": "scatter", "x": [None], "y": [None], "mode": "lines",
             "name": "your box p_model", "line": {"color": BOX_COLOUR, "width": 3},
             "hoverinfo": "skip"}
        )
    axis = {
        "fixedrange": True,
        "showgrid": True,
        "gridcolor": GRID_COLOUR,
        "zeroline": False,
        "ticks": "outside",
        "showline": False,
        "layer": "above traces",
        "constrain": "domain",
    }
    # Few, well-spaced labels: they must stay apart on a phone and be legible on a projector.
    lon_ticks = list(range(-180, 181, 90))
    lat_ticks = list(range(-90, 91, 45))
    x_range = [lon_min - _PAD, lon_max + _PAD]
    y_range = [lat_min - _PAD, lat_max + _PAD]
    layout = {
        "plot_bgcolor": "rgba(0, 0, 0, 0)",  # the map's own background is a shape
        "paper_bgcolor": "white",
        "dragmode": "select" if selectable else "zoom",
        # A drag selects exactly the rectangle dragged (plotly's "any" turns a thin drag
        # into a band across the whole map).
        "selectdirection": "d",
        "hovermode": "closest",
        "hoverdistance": 12,
        "showlegend": True,
        # Above the map, in the plot's own coordinates, so plotly makes room for as many
        # rows as the legend needs on a narrow screen.
        "legend": {"orientation": "h", "yref": "paper", "yanchor": "bottom", "y": 1.01,
                   "xanchor": "left", "x": 0, "font": {"size": 15}},
        # Keep the selection rectangle visible but quiet; the orange box is what matters.
        "newselection": {"line": {"color": BOX_COLOUR, "dash": "dot", "width": 2}},
        "activeselection": {"fillcolor": BOX_COLOUR, "opacity": 0.08},
        # Longitude and latitude are in the tick labels (60°E, 30°S), so no axis titles.
        "xaxis": {"range": x_range, "tickvals": lon_ticks,
                  "ticktext": [degrees(v, "E", "W") for v in lon_ticks], **axis},
        "yaxis": {"range": y_range, "tickvals": lat_ticks,
                  "ticktext": [degrees(v, "N", "S") for v in lat_ticks],
                  "scaleanchor": "x", "scaleratio": 1, **axis,
                  # Where the figure is taller than the map (a narrow screen), the spare
                  # room goes below the map, not between it and its legend.
                  "constraintoward": "top"},
        "shapes": shapes,
        "images": images,
    }
    if selectable:
        # The drag layer: a second subplot exactly over the first, with nothing a selection
        # could report, and invisible copies of the points for hover.
        data.append({"type": "scatter", "x": [], "y": [], "xaxis": "x2", "yaxis": "y2",
                     "showlegend": False, "hoverinfo": "skip"})
        data += hover
        front = {"fixedrange": True, "visible": False, "constrain": "domain"}
        layout["xaxis2"] = {"range": x_range, "anchor": "y2", **front}
        layout["yaxis2"] = {"range": y_range, "anchor": "x2", "scaleanchor": "x2",
                            "scaleratio": 1, **front}
    # Room for "90°S", "180°E" and the longitude labels at 1.25 × the font size (presenter
    # mode), no more: every pixel is map.
    margin = {"l": 52, "r": 25, "t": 6, "b": 40}
    return figure(data, layout, height=height, margin=margin)


# --------------------------------------------------------------------------- the history


#: The history chart's −∞ band: its own small subplot under the main one (paper fractions).
_BAND = (0.0, 0.13)
_MAIN = (0.3, 1.0)
MINUS_INFINITY_LABEL = "ℓ = −∞ (a point outside)"


def history_figure(*args, **kwargs) -> go.Figure:
    """:func:`history_spec` as a plotly figure (same arguments)."""
    return go.Figure(**history_spec(*args, **kwargs), _validate=False)


def history_spec(
    attempts: Sequence[tuple[float, float]],
    n: int,
    *,
    boxes: Sequence[Sequence[float]] | None = None,
    mle: tuple[float, float] | None = None,
    mle_box: Sequence[float] | None = None,
    current: int | None = None,
    height: int = 340,
) -> dict:
    """Log-likelihood against area for every box tried, on a log area axis, as a plotly
    spec (plain dicts: the world page draws a new one after every box, so it sends the dicts
    without building a figure).

    ``attempts`` holds ``(area, ℓ)`` pairs in the order they were tried (ℓ may be ``-inf``);
    ``mle`` is the maximum-likelihood box's ``(area, ℓ)`` or ``None`` when there is none
    (fewer than two distinct points). ``current`` indexes the box on the map now.

    Every box that holds all ``n`` points scores exactly ``ℓ = −n·log(area)``, so those
    attempts sit on one dashed curve; boxes smaller than the MLE cannot hold every point.
    Attempts with ``ℓ = −∞`` have no place on a number line: they are drawn as crosses in a
    band of their own under the chart, labelled as such. Labels sit on the chart itself
    rather than in a legend, and the titles are short enough for a phone's width.

    Each attempt's ``customdata`` is ``[number, *corners]`` when ``boxes`` gives the
    corners ``(lon_min, lon_max, lat_min, lat_max)`` of every attempt (``[number]``
    otherwise), and the MLE star's is ``[0, *mle_box]``: a click on a point says which box
    to bring back. They are plain lists, not packed arrays, so that a browser reports each
    row of a clicked point as a list.
    """
    full_area = Box(*EXTENT).area  # the largest box there is: the whole map
    areas = np.array([a for a, _ in attempts], dtype=float)
    lls = np.array([ll for _, ll in attempts], dtype=float)
    finite = np.isfinite(lls)
    numbers = np.arange(1, len(attempts) + 1)
    if boxes is None:
        custom = numbers[:, None].astype(float)
    else:
        corners = np.asarray(boxes, dtype=float).reshape(-1, 4)
        if len(corners) != len(attempts):
            raise ValueError("Give the corners of every attempt, one box per attempt.")
        custom = np.column_stack([numbers, corners])

    # The x range: every attempt and the whole map, and room left of the MLE to show where
    # boxes become too small.
    lows = [*areas]
    if mle is not None:
        lows.append(mle[0] / 10**0.35)
    if not lows:
        lows.append(full_area / 10.0)
    x_range = [math.log10(min(lows)) - 0.1, math.log10(max([full_area, *areas])) + 0.1]

    # The y range of the main chart: every finite value drawn, with some room around.
    shown = list(lls[finite])
    if mle is not None:
        shown += [mle[1], -n * math.log(full_area)]
    if not shown:
        shown = [0.0]
    top, bottom = max(shown), min(shown)
    span = max(top - bottom, 1.0)
    # Room for the "now" ring round the lowest point and for its label over the top one.
    y_range = [bottom - 0.16 * span, top + 0.3 * span]

    red = {"size": 14, "color": MINUS_INFINITY_TEXT}
    keep_opacity = {"selected": {"marker": {"opacity": 1}},
                    "unselected": {"marker": {"opacity": 1}}}
    data: list[dict] = []
    shapes: list[dict] = [
        {"type": "rect", "xref": "paper", "yref": "y2", "x0": 0, "x1": 1, "y0": -1, "y1": 1,
         "fillcolor": "rgba(214, 39, 40, 0.06)", "line": {"width": 0}, "layer": "below"},
    ]
    annotations: list[dict] = [
        # In the gap between the chart and the band: never on top of a cross or a tick.
        {"x": 0, "y": sum(_BAND[1:] + _MAIN[:1]) / 2, "xref": "paper", "yref": "paper",
         "xanchor": "left", "yanchor": "middle", "showarrow": False,
         "text": MINUS_INFINITY_LABEL, "font": red},
    ]
    if mle is not None:
        curve_areas = np.geomspace(mle[0], max(full_area, mle[0]), 60)
        shapes.append(
            {"type": "rect", "xref": "x", "yref": "paper", "x0": 10 ** x_range[0],
             "x1": mle[0], "y0": _MAIN[0], "y1": _MAIN[1],
             "fillcolor": "rgba(214, 39, 40, 0.07)", "line": {"width": 0}, "layer": "below"}
        )
        annotations.append(
            # On a log axis an annotation's x is the log10 of the value.
            {"x": (x_range[0] + math.log10(mle[0])) / 2, "y": 0.55, "xref": "x",
             "yref": "paper", "xanchor": "center", "yanchor": "middle", "showarrow": False,
             "align": "center", "text": "too small<br>to hold<br>every point", "font": red}
        )
        data.append(
            {"type": "scatter", "x": curve_areas, "y": -n * np.log(curve_areas),
             "mode": "lines", "line": {"color": COLOURS["grey"], "dash": "dash", "width": 2},
             "hoverinfo": "skip"}
        )
    click = "<br><i>click to bring it back</i>" if boxes is not None else ""
    data += [
        {"type": "scatter", "x": areas[finite], "y": lls[finite], "mode": "markers",
         "marker": {"size": 11, "color": POINT_COLOUR, "line": {"width": 1, "color": "white"}},
         "customdata": custom[finite].tolist(), **keep_opacity,
         "hovertemplate": "box #%{customdata[0]}<br>area %{x:,.0f} deg²<br>ℓ = %{y:,.2f}"
         f"{click}<extra></extra>"},
        {"type": "scatter", "x": areas[~finite], "y": np.zeros(int((~finite).sum())),
         "yaxis": "y2", "mode": "markers",
         "marker": {"size": 12, "color": COLOURS["red"], "symbol": "x"},
         "customdata": custom[~finite].tolist(), **keep_opacity,
         "hovertemplate": "box #%{customdata[0]}<br>area %{x:,.0f} deg²<br>ℓ = −∞"
         f"{click}<extra></extra>"},
    ]
    if mle is not None:
        star = {"type": "scatter", "x": [mle[0]], "y": [mle[1]], "mode": "markers+text",
                "marker": {"size": 22, "color": COLOURS["gold"], "symbol": "star",
                           "line": {"width": 1, "color": MLE_OUTLINE}},
                "text": ["MLE"], "textposition": "middle left", "textfont": {"size": 16},
                **keep_opacity,
                "hovertemplate": "MLE (the bounding box)<br>area %{x:,.0f} deg²<br>"
                f"ℓ = %{{y:,.2f}}{click}<extra></extra>"}
        if mle_box is not None:
            star["customdata"] = [[0.0, *map(float, mle_box)]]
        data.append(star)
    if current is not None and 0 <= current < len(attempts):
        ring = {"type": "scatter", "x": [areas[current]], "mode": "markers",
                "marker": {"size": 24, "color": "rgba(0, 0, 0, 0)", "symbol": "circle",
                           "line": {"width": 3, "color": BOX_COLOUR}},
                **keep_opacity, "hoverinfo": "skip"}
        if finite[current]:
            ring.update(y=[lls[current]], mode="markers+text", text=["now"],
                        textposition="top center", textfont={"size": 14, "color": BOX_COLOUR})
        else:  # in the band, where a label above would run into the band's own
            ring.update(y=[0.0], yaxis="y2")
        data.append(ring)
    axis = {"showgrid": True, "gridcolor": GRID_COLOUR, "fixedrange": True, "ticks": "outside",
            "automargin": True}
    layout = {
        "paper_bgcolor": "white",
        "hovermode": "closest",
        "showlegend": False,
        "dragmode": False,
        "xaxis": {"type": "log", "range": x_range, "anchor": "y2",
                  "title": {"text": "area of the box (deg², log scale)", "standoff": 6},
                  # Over a decade or more, label the powers of ten only: plotly's default
                  # labels 2, 3 … between them, and "2" right of 1k reads like 2k or 20k.
                  **({"dtick": 1} if x_range[1] - x_range[0] >= 1 else {}),
                  **axis},
        "yaxis": {"range": y_range, "domain": list(_MAIN), "zeroline": False,
                  "title": {"text": "log-likelihood ℓ"}, **axis},
        "yaxis2": {"range": [-1, 1], "domain": list(_BAND), "tickvals": [0],
                   "ticktext": ["−∞"], "showgrid": False, "zeroline": False,
                   "fixedrange": True, "ticks": "", "tickfont": red, "automargin": True},
        "shapes": shapes,
        "annotations": annotations,
    }
    return spec(data, layout, height=height, margin={"l": 60, "r": 10, "t": 10, "b": 40})


def history_description(
    attempts: Sequence[tuple[float, float]], n: int, mle: tuple[float, float] | None = None,
    *, data: str | None = None,
) -> str:
    """:func:`history_figure` in words, with its current values: how many boxes were tried,
    the latest one's area and ℓ, how many held all ``n`` points (ℓ = −N·log(area), finite)
    and how many left one out (ℓ = −∞), and the maximum-likelihood box's area and ℓ.
    ``data``, when given, says first what the points are (an upload's description)."""
    if data:
        return f"On {data}: {history_description(attempts, n, mle)}"
    if not attempts:
        return "No boxes tried yet: the chart of ℓ against area is empty."
    area, ell = attempts[-1]
    finite = sum(1 for _, value in attempts if math.isfinite(value))
    text = (
        f"Log-likelihood ℓ against area for the {plural(len(attempts), 'box', 'boxes')} "
        "tried; the "
        f"latest has area {format_number(area, 0)} square degrees and ℓ = "
        f"{format_number(ell)}. {finite} of them held all {n:,} points, on the curve "
        f"ℓ = −{n:,}·log(area); {len(attempts) - finite} left a point outside (ℓ = −∞)."
    )
    if mle is not None:
        text += (f" The maximum-likelihood box has area {format_number(mle[0], 0)} and "
                 f"ℓ = {format_number(mle[1])}.")
    return text
