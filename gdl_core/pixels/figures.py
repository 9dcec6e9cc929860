"""Pictures for Planet Pixel: plotly figures and marked-up faces.

These draw what :mod:`gdl_core.pixels.measures` computes; nothing here does statistics. The
plotly figures are built with :func:`gdl_core.style.figure`, and work in the dashboard and in
a notebook (``fig.show()``).

- :func:`outlined_face`: a face enlarged with crisp pixels and some pixels outlined (where
  the columns of Table 1-3 sit, or the pixel being inspected).
- :func:`entropy_figure`: the model's uncertainty per pixel as a 32 × 32 heat map; a click
  on a cell selects that pixel (:func:`selected_pixel` reads the click).
- :func:`distribution_figure`: the colours one pixel takes in the data, each bar painted in
  its palette colour.
- :func:`correlation_figure`: neighbour correlation in the training faces beside the same in
  the samples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.colors as pcolors
import plotly.graph_objects as go
from PIL import Image, ImageDraw

from gdl_core import pixels
from gdl_core.style import COLOURS, figure

__all__ = [
    "CORRELATION_SCALE",
    "ENTROPY_HEIGHT",
    "ENTROPY_SCALE",
    "ENTROPY_WIDTH",
    "MARK_COLOUR",
    "correlation_figure",
    "distribution_figure",
    "entropy_figure",
    "hex_colour",
    "outlined_face",
    "selected_pixel",
]

#: Outline of marked pixels: a vivid magenta that no face colour comes close to.
MARK_COLOUR = (255, 0, 200)
_FONT_SIZE = 15  # a point smaller than elsewhere: these charts sit in half-width columns
# Two greys only these figures use (the shared colours are gdl_core.style.COLOURS):
_OUTLINE = "#333333"  # bar edges and the titles over the correlation maps
_GRID = "#e6e6e6"  # the bar chart's grid lines


def _scale(colours: Sequence[str]) -> list[list]:
    """An explicit plotly colour scale (named scales can be restyled by a host's theme)."""
    steps = np.linspace(0, 1, len(colours))
    return [[float(step), colour] for step, colour in zip(steps, colours, strict=True)]


#: Certain pixels pale, unsure ones deep red: hot spots of uncertainty.
ENTROPY_SCALE = _scale(pcolors.sequential.YlOrRd)
#: Blue for negative, white for zero, red for positive correlation.
CORRELATION_SCALE = _scale(pcolors.diverging.RdBu[::-1])


def hex_colour(rgb: Iterable[int]) -> str:
    """``#rrggbb`` for an (r, g, b) triple."""
    r, g, b = (int(v) for v in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def outlined_face(
    codes_row: np.ndarray,
    palette: np.ndarray,
    marked: Iterable[int],
    size: int = 32,
    scale: int = 12,
    colour: tuple[int, int, int] = MARK_COLOUR,
    ring: bool = False,
) -> Image.Image:
    """A face enlarged ``scale`` times (nearest neighbour) with the ``marked`` pixels boxed.

    Each marked pixel gets its own box, drawn as a coloured line inside a thin black one, so
    it shows on light and dark colours alike. With ``ring=True`` the box is drawn one pixel
    further out and half a pixel thick instead, leaving the pixel itself uncovered and
    staying visible when the picture is shown small.
    """
    if scale < 4:
        raise ValueError(f"scale must be at least 4 to leave room for the outline, got {scale}")
    image = pixels.to_image(codes_row, palette, size)
    image = image.resize((size * scale, size * scale), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    width = max(1, scale // 2) if ring else max(1, scale // 6)
    pad = scale if ring else 0
    for pixel in marked:
        if not 0 <= int(pixel) < size * size:
            raise ValueError(f"pixel {pixel} is not on a {size}x{size} face")
        row, column = divmod(int(pixel), size)
        x0, y0 = column * scale - pad, row * scale - pad
        x1, y1 = x0 + scale - 1 + 2 * pad, y0 + scale - 1 + 2 * pad
        draw.rectangle((x0, y0, x1, y1), outline=(0, 0, 0), width=1)
        draw.rectangle((x0 + 1, y0 + 1, x1 - 1, y1 - 1), outline=colour, width=width)
    return image


#: Size of the entropy map's chart: square cells of about 13 px (a map about 420 px across)
#: under its colour bar; a narrower column shrinks the map, which then keeps to the top.
ENTROPY_WIDTH = 520
ENTROPY_HEIGHT = 560


def entropy_figure(
    entropy: np.ndarray, selected: tuple[int, int] | None = None,
    height: int = ENTROPY_HEIGHT,
) -> go.Figure:
    """Heat map of per-pixel entropy (bits), row 0 at the top; click a cell to select it.

    A heat map cannot be selected in plotly, so an invisible square marker sits on every
    cell: clicking it selects the point, whose ``x`` is the column and ``y`` the row.
    ``selected`` (row, column) is outlined. Cells stay square whatever the chart's width
    (the map keeps to the top of a narrow chart); tick labels are dark and large enough to
    read from the back of a room.
    """
    entropy = np.asarray(entropy, dtype=float)
    size = entropy.shape[0]
    rows, columns = np.divmod(np.arange(size * size), size)
    ink = COLOURS["ink"]
    top = int(max(1.0, np.ceil(entropy.max())))
    heatmap = {
        "type": "heatmap",
        "z": entropy,
        "colorscale": ENTROPY_SCALE,
        "zmin": 0,
        "zmax": top,
        # Across the top, not down the side: on a phone the map gets the width instead.
        "colorbar": {
            "orientation": "h", "xref": "container", "yref": "container", "x": 0.5,
            "xanchor": "center", "y": 1, "yanchor": "top", "ypad": 6,
            "lenmode": "pixels", "len": 240, "thickness": 14,
            # the unit on the last tick (a title beside a horizontal bar shifts its outline)
            "tickvals": list(range(top + 1)),
            "ticktext": [str(v) for v in range(top)] + [f"{top} bits"],
            "tickfont": {"size": 15, "color": ink}, "outlinewidth": 0,
        },
        "hoverinfo": "skip",
    }
    targets = {
        "type": "scatter",
        "x": columns,
        "y": rows,
        "mode": "markers",
        "marker": {"symbol": "square", "size": 14, "color": "rgba(0,0,0,0)"},
        "customdata": np.column_stack([np.arange(size * size), entropy.ravel()]),
        "hovertemplate": (
            "row %{y}, column %{x}<br>pixel %{customdata[0]}"
            "<br>%{customdata[1]:.2f} bits<extra></extra>"
        ),
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 1}},
        "showlegend": False,
    }
    shapes = []
    if selected is not None:
        row, column = selected
        shapes.append({
            "type": "rect", "x0": column - 0.5, "x1": column + 0.5, "y0": row - 0.5,
            "y1": row + 0.5, "line": {"color": COLOURS["blue"], "width": 3},
        })
    ticks = list(range(0, size, 4))
    axis = {"tickvals": ticks, "showgrid": False, "zeroline": False, "constrain": "domain",
            "fixedrange": True, "ticks": "outside", "ticklen": 5,
            "tickcolor": COLOURS["dark_grey"], "tickfont": {"size": 15, "color": ink}}
    title_font = {"size": 16, "color": ink}
    layout = {
        "xaxis": {**axis, "range": [-0.5, size - 0.5], "constraintoward": "right",
                  "title": {"text": "column", "font": title_font, "standoff": 6},
                  "side": "top"},
        "yaxis": {**axis, "range": [size - 0.5, -0.5], "constraintoward": "top",
                  "title": {"text": "row", "font": title_font, "standoff": 6},
                  "scaleanchor": "x"},
        "shapes": shapes,
        "clickmode": "event+select",
        "dragmode": False,
        "hovermode": "closest",
    }
    return figure([heatmap, targets], layout, height=height,
                  margin={"l": 60, "r": 20, "t": 110, "b": 10}, font_size=_FONT_SIZE)


def selected_pixel(selection: Mapping | None) -> tuple[int, int] | None:
    """(row, column) of the cell clicked on :func:`entropy_figure`, or ``None``.

    ``selection`` is what ``st.plotly_chart(..., on_select=...)`` reports under
    ``selection`` (a mapping with a ``points`` list); the last point clicked wins.
    """
    if not selection:
        return None
    points = selection.get("points") or []
    for point in reversed(points):
        x, y = point.get("x"), point.get("y")
        if x is None or y is None:
            continue
        return round(float(y)), round(float(x))
    return None


def distribution_figure(
    table: pd.DataFrame,
    palette: np.ndarray,
    n_faces: int,
    max_colours: int = 8,
    height: int = 340,
) -> go.Figure:
    """Bar chart of the colours one pixel takes in the training faces, most common first.

    ``table`` is :func:`gdl_core.pixels.measures.pixel_distribution`'s result. Each bar is
    painted in its palette colour (with a dark edge so pale colours show) and labelled with
    its palette index; colours beyond ``max_colours`` are pooled in one grey bar.
    """
    palette = np.asarray(palette)
    top = table.head(max_colours)
    labels = [str(int(c)) for c in top["colour"]]
    shares = top["share"].to_numpy(dtype=float)
    colours = [hex_colour(palette[int(c)]) for c in top["colour"]]
    rest = table.iloc[max_colours:]
    if len(rest):
        labels.append(f"{len(rest)} more")
        shares = np.append(shares, rest["share"].sum())
        colours.append(COLOURS["light_grey"])
    top = max(0.05, float(shares.max()) * 1.22)  # room for the labels above the bars
    step = next(step for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if top / step <= 6)
    ticks = np.arange(0, min(1.0, top) + 1e-9, step)  # no tick above 100%
    bars = {
        "type": "bar",
        "x": labels,
        "y": shares,
        "marker": {"color": colours, "line": {"color": _OUTLINE, "width": 1.5}},
        "text": [f"{s:.0%}" if s >= 0.005 else "<1%" for s in shares],
        "textposition": "outside",
        "textfont": {"size": 14},
        "constraintext": "none",
        "cliponaxis": False,
        "hovertemplate": "palette colour %{x}<br>%{y:.1%} of the faces<extra></extra>",
    }
    layout = {
        "xaxis": {"type": "category", "fixedrange": True, "tickangle": 0,
                  "title": {"text": f"palette colour number (share of {n_faces:,} faces)"}},
        "yaxis": {"tickformat": ".0%", "range": [0, top], "tickvals": ticks,
                  "gridcolor": _GRID, "fixedrange": True},
        "bargap": 0.25,
    }
    return figure([bars], layout, height=height,
                  margin={"l": 55, "r": 10, "t": 30, "b": 60}, font_size=_FONT_SIZE)


def correlation_figure(
    maps: Sequence[np.ndarray], titles: Sequence[str], height: int = 460, gap: float = 0.06
) -> go.Figure:
    """Side-by-side maps of neighbour correlation on one colour scale from −1 to 1.

    ``maps`` are the ``right`` maps of
    :func:`gdl_core.pixels.measures.neighbour_correlation_map` (row 0 at the top); cells
    where a pixel never changes (nan) are left in the pale background colour. The colour
    bar runs across the top, so on a narrow screen the maps keep the width; they keep to
    the top of the chart, under their titles.
    """
    count = len(maps)
    width = (1 - gap * (count - 1)) / count
    traces, layout, notes = [], {}, []
    for i, values in enumerate(maps):
        values = np.asarray(values, dtype=float)
        suffix = "" if i == 0 else str(i + 1)
        traces.append({
            "type": "heatmap",
            "z": values,
            "xaxis": f"x{suffix}",
            "yaxis": f"y{suffix}",
            "colorscale": CORRELATION_SCALE,
            "zmin": -1,
            "zmax": 1,
            "showscale": i == count - 1,
            # the unit on the last tick (a title beside a horizontal bar shifts its outline)
            "colorbar": {
                "orientation": "h", "xref": "container", "yref": "container", "x": 0.5,
                "xanchor": "center", "y": 1, "yanchor": "top", "ypad": 6,
                "lenmode": "pixels", "len": 280, "thickness": 14, "outlinewidth": 0,
                "tickvals": [-1, 0, 1], "ticktext": ["−1", "0", "1 correlation"],
                "tickfont": {"size": 15, "color": COLOURS["ink"]},
            },
            "hovertemplate": (
                "row %{y}, columns %{x} and %{x}+1<br>correlation %{z:.2f}<extra></extra>"
            ),
        })
        left = i * (width + gap)
        rows, columns = values.shape
        hidden = {"showgrid": False, "zeroline": False, "showticklabels": False,
                  "constrain": "domain", "fixedrange": True, "ticks": ""}
        # on a wide chart the maps move towards each other, not to the far edges
        toward = ("center" if count == 1 else "right" if i == 0 else
                  "left" if i == count - 1 else "center")
        layout[f"xaxis{suffix}"] = {**hidden, "range": [-0.5, columns - 0.5],
                                    "domain": [left, left + width], "anchor": f"y{suffix}",
                                    "constraintoward": toward}
        layout[f"yaxis{suffix}"] = {**hidden, "range": [rows - 0.5, -0.5],
                                    "scaleanchor": f"x{suffix}", "anchor": f"x{suffix}",
                                    "constraintoward": "top"}
        notes.append({  # over the middle of its map, wherever the map ends up
            "text": titles[i], "x": (columns - 1) / 2, "y": 1.0, "xref": f"x{suffix}",
            "yref": f"y{suffix} domain", "xanchor": "center", "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 16, "color": _OUTLINE},
        })
    layout["annotations"] = notes
    layout["plot_bgcolor"] = COLOURS["pale_grey"]  # pairs that never change (nan)
    return figure(traces, layout, height=height,
                  margin={"l": 10, "r": 10, "t": 110, "b": 10}, font_size=_FONT_SIZE)
