"""Pictures for the tins: the latent plane (Fig 1-12's left half), what PCA learns, and the
tins as a curved sheet in the space of pictures (Fig 1-13).

Figures are built with :func:`gdl_core.style.figure` and work in the dashboard and in a
notebook. Tins themselves are pictures: :func:`tin_tile` makes one, enlarged with square
pixels, for a contact sheet.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from gdl_core.style import COLOURS, figure
from gdl_core.tins.decoder import HEIGHT_RANGE, WIDTH_RANGE

__all__ = [
    "latent_figure",
    "learned_coordinates_figure",
    "sheet_figure",
    "tin_tile",
    "variance_figure",
]

_AXIS = {"gridcolor": COLOURS["pale_grey"], "zeroline": False, "linecolor": COLOURS["dark_grey"],
         "showline": True, "ticks": "outside", "automargin": True}


def tin_tile(picture: np.ndarray, scale: int = 4) -> Image.Image:
    """A tin picture (values in [0, 1]) as a grayscale image enlarged ``scale`` times."""
    grey = np.rint(np.clip(picture, 0.0, 1.0) * 255).astype(np.uint8)
    return Image.fromarray(grey, mode="L").resize(
        (grey.shape[1] * scale, grey.shape[0] * scale), Image.Resampling.NEAREST
    )


def latent_figure(
    training_z: np.ndarray, picked: tuple[float, float] | None = None,
    taller: tuple[float, float] | None = None, height: int = 440,
):
    """The training tins as points at (width, height) over the whole plane f can draw;
    ``picked`` (height, width) is ringed, and ``taller`` gets an arrow from ``picked``.

    (The dashboard draws this plane with a point editor of its own, which lets a person
    drag ``picked``; this figure is the same picture for a notebook.)"""
    data = [
        {"type": "scatter", "x": training_z[:, 1], "y": training_z[:, 0], "mode": "markers",
         "name": "training tins", "marker": {"size": 8, "color": COLOURS["navy"]},
         "hovertemplate": "training tin: width %{x:.2f}, height %{y:.2f} cm<extra></extra>"},
    ]
    annotations = []
    if picked is not None:
        data.append({"type": "scatter", "x": [picked[1]], "y": [picked[0]], "mode": "markers",
                     "name": "your point z", "hoverinfo": "skip",
                     "marker": {"size": 16, "color": "rgba(0,0,0,0)",
                                "line": {"width": 3, "color": COLOURS["orange"]}}})
    if picked is not None and taller is not None:
        annotations.append({
            "x": taller[1], "y": taller[0], "ax": picked[1], "ay": picked[0],
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "text": "",
            "showarrow": True, "arrowhead": 2, "arrowwidth": 3, "arrowcolor": COLOURS["orange"],
        })
    return figure(data, {
        "xaxis": {**_AXIS, "title": {"text": "width (cm)"}, "range": [WIDTH_RANGE[0] - 0.3,
                                                                      WIDTH_RANGE[1] + 0.3]},
        "yaxis": {**_AXIS, "title": {"text": "height (cm)"}, "range": [HEIGHT_RANGE[0] - 0.3,
                                                                       HEIGHT_RANGE[1] + 0.3]},
        "annotations": annotations,
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    }, height=height, margin={"l": 60, "r": 10, "t": 40, "b": 50})


def variance_figure(ratio: np.ndarray, shown: int = 10, height: int = 300):
    """The share of the pictures' variance each of the first ``shown`` learned directions
    explains (bars) and the running total (line)."""
    ratio = np.asarray(ratio[:shown], dtype=float)
    k = np.arange(1, len(ratio) + 1)
    return figure([
        {"type": "bar", "x": k, "y": ratio * 100, "name": "this direction",
         "marker": {"color": COLOURS["navy"]},
         "hovertemplate": "direction %{x}: %{y:.1f}%<extra></extra>"},
        {"type": "scatter", "x": k, "y": np.cumsum(ratio) * 100, "mode": "lines+markers",
         "name": "directions 1 to k together", "line": {"color": COLOURS["orange"]},
         "hovertemplate": "directions 1 to %{x}: %{y:.1f}%<extra></extra>"},
    ], {
        "xaxis": {**_AXIS, "title": {"text": "learned direction k"}, "dtick": 1},
        "yaxis": {**_AXIS, "title": {"text": "variance explained (%)"}, "range": [0, 105]},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    }, height=height, margin={"l": 60, "r": 10, "t": 40, "b": 50})


def learned_coordinates_figure(coordinates: np.ndarray, z: np.ndarray, by: str,
                               height: int = 340):
    """The tins at their first two learned coordinates, coloured by their true ``by``
    ("height" or "width"): if the colour changes smoothly across the cloud, PCA found that
    quantity without being told it."""
    values = z[:, 0] if by == "height" else z[:, 1]
    return figure([{
        "type": "scatter", "x": coordinates[:, 0], "y": coordinates[:, 1], "mode": "markers",
        "marker": {"size": 9, "color": values, "colorscale": "Viridis", "showscale": True,
                   "colorbar": {"title": {"text": f"{by} (cm)"}, "thickness": 14}},
        "hovertemplate": f"{by} %{{marker.color:.1f}} cm<extra></extra>",
    }], {
        "xaxis": {**_AXIS, "title": {"text": "learned coordinate 1"}},
        "yaxis": {**_AXIS, "title": {"text": "learned coordinate 2"}},
        "title": {"text": f"coloured by true {by}", "x": 0.02, "font": {"size": 16}},
    }, height=height, margin={"l": 60, "r": 10, "t": 40, "b": 50})


def sheet_figure(coordinates: np.ndarray, z: np.ndarray, height: int = 440):
    """Fig 1-13 for the tins: their first three learned coordinates as a 3-D scatter,
    coloured by height. Every picture of 1,024 pixels is a point in a 1,024-dimensional
    space; the tins fill only a thin curved sheet of it, two numbers wide."""
    return figure([{
        "type": "scatter3d", "x": coordinates[:, 0], "y": coordinates[:, 1],
        "z": coordinates[:, 2], "mode": "markers",
        "marker": {"size": 4, "color": z[:, 0], "colorscale": "Viridis", "showscale": True,
                   "colorbar": {"title": {"text": "height (cm)"}, "thickness": 14}},
        "customdata": z,
        "hovertemplate": "height %{customdata[0]:.1f}, width %{customdata[1]:.1f} cm"
                         "<extra></extra>",
    }], {
        "scene": {"xaxis": {"title": {"text": "coordinate 1"}},
                  "yaxis": {"title": {"text": "coordinate 2"}},
                  "zaxis": {"title": {"text": "coordinate 3"}}},
    }, height=height, margin={"l": 0, "r": 0, "t": 10, "b": 0})
