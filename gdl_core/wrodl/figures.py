"""Pictures for Planet Wrodl: the multinomial and Naive Bayes, side by side, as plotly figures
built with :func:`gdl_core.style.figure`.

Everything here draws what :mod:`gdl_core.multinomial`, :mod:`gdl_core.naive_bayes` and
:mod:`gdl_core.novelty` compute; nothing here does statistics. The figures work in the
dashboard and in a notebook (``fig.show()``).

- :func:`sorted_theta_figure`: all θ̂ of the multinomial from largest to smallest, so the
  flat floor that every unseen combination shares is plain to see.
- :func:`naive_bayes_figure`: Table 1-2 as bar charts, one panel per feature (θ̂ and n).
- :func:`comparison_figure`: every combination's Naive Bayes p(x), grouped by how often the
  combination was seen, next to the one value the multinomial gives each group.
- :func:`novelty_figure`: the chance that a sample is new, for each pseudocount.

Colours (:data:`gdl_core.style.COLOURS`): navy for combinations seen in the data, orange for
those never seen, brick for the multinomial, green for Naive Bayes, black for marked values.
Probabilities span many orders of magnitude, so the charts use log axes. A probability of
exactly 0 has no place on a log axis; it is drawn on a band at the bottom labelled "0",
under a mid-grey dotted line.
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from gdl_core.numbers import format_prob, power_of_ten
from gdl_core.style import COLOURS, figure
from gdl_core.wrodl.text import percent, plural, theta_text, times

__all__ = ["comparison_figure", "naive_bayes_figure", "novelty_figure", "sorted_theta_figure"]

#: Every axis: a dark line along it, pale grid lines, room for its labels.
_AXIS = {"showline": True, "linecolor": COLOURS["dark_grey"], "gridcolor": COLOURS["pale_grey"],
         "automargin": True, "tickfont": {"size": 15}}
_LEGEND_ON_TOP = {"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0}


def _count_word(n: int) -> str:
    """ "never seen", "seen once", "seen twice", "seen 3 times"."""
    return "never seen" if int(n) == 0 else f"seen {times(n)}"


def _figure(
    data: list[dict], layout: dict, height: int, title: str | None, top: int | None = None
) -> go.Figure:
    """The Wrodl look: every ``xaxis…``/``yaxis…`` entry of ``layout`` gets :data:`_AXIS`
    under its own settings; a legend above the plot unless ``layout`` places it. ``top`` is
    the top margin in pixels (default: room for ``title``)."""
    full = {
        "hoverlabel": {"font": {"size": 15}},
        "legend": _LEGEND_ON_TOP,
        **{key: {**_AXIS, **value} if key.startswith(("xaxis", "yaxis")) else value
           for key, value in layout.items()},
    }
    if title:
        full["title"] = {"text": title}
    margin = {"l": 10, "r": 10, "t": (50 if title else 20) if top is None else top, "b": 10}
    return figure(data, full, height=height, margin=margin)


# --- log axes with a band for exact zeros ---------------------------------------------------


def _log_axis(positive: np.ndarray, y_range: tuple[float, float] | None, has_zero: bool):
    """Decades to show and where an exact 0 is drawn: (zero_y, low, high, tickvals, ticktext).

    Without zeros (``has_zero`` false) the axis starts at the lowest decade, with no "0" band.
    """
    if y_range is None:
        low = float(positive.min()) if positive.size else 1e-4
        high = float(positive.max()) if positive.size else 1.0
        y_range = (10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high)))
    low_decade = math.floor(math.log10(y_range[0]) + 1e-9)
    high_decade = math.ceil(math.log10(y_range[1]) - 1e-9)
    zero_y = 10 ** (low_decade - 0.6)
    decades = list(range(low_decade, high_decade + 1))
    step = max(1, math.ceil(len(decades) / 7))  # at most about seven labelled decades
    decades = decades[::-1][::step][::-1]
    tickvals = [10.0**e for e in decades]
    ticktext = [_decade_label(e) for e in decades]
    if not has_zero:
        return zero_y, low_decade - 0.1, high_decade + 0.05, tickvals, ticktext
    return zero_y, low_decade - 0.8, high_decade + 0.05, [zero_y, *tickvals], ["0", *ticktext]


def _decade_label(exponent: int) -> str:
    if -2 <= exponent <= 0:
        return f"{10.0 ** exponent:g}"
    return power_of_ten(exponent)


def _zero_band(zero_y: float) -> dict:
    """A dotted line just above the "0" band, so it reads as a break in the log axis."""
    y = zero_y * 10**0.3
    return {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
            "line": {"color": COLOURS["mid_grey"], "width": 1, "dash": "dot"}}


def _mark(
    x: float, y: float, text: str, *, log_x: bool = False, left: bool = False,
    down: bool = False, label_at: tuple[float, float] | None = None,
) -> tuple[dict, dict]:
    """A black diamond at (x, y) and a boxed label beside it (readable over dense dots), as a
    trace and an annotation; the label goes up and to the right, or to the left when
    ``left`` is true (near the right edge), and down when ``down`` is true (near the top,
    where a label going up would cover the legend). ``label_at`` puts the label at that point
    instead (x, and y on the log axis, in data units: the same place on every screen), with
    a line to the diamond; it hangs to the left of that point when ``left`` is true."""
    black = COLOURS["black"]
    diamond = {
        "type": "scatter", "x": [float(x)], "y": [float(y)], "mode": "markers",
        "showlegend": False, "hoverinfo": "skip",
        "marker": {"color": black, "size": 13, "symbol": "diamond",
                   "line": {"color": "white", "width": 1.5}},
    }
    label = {
        "x": math.log10(x) if log_x else float(x), "y": math.log10(y), "text": text,
        "showarrow": True, "arrowhead": 0, "arrowcolor": black,
        "ax": -40 if left else 40, "ay": 35 if down else -30,
        "xanchor": "right" if left else "left",
        "font": {"size": 15, "color": black}, "bgcolor": "rgba(255,255,255,0.92)",
        "bordercolor": black, "borderwidth": 1, "borderpad": 3,
    }
    if label_at is not None:
        label.update(ax=float(label_at[0]), ay=math.log10(label_at[1]), axref="x", ayref="y")
    return diamond, label


# --- the multinomial, sorted ----------------------------------------------------------------


def sorted_theta_figure(
    theta: np.ndarray,
    counts: np.ndarray,
    *,
    marks: Mapping[str, float] | None = None,
    y_range: tuple[float, float] | None = None,
    title: str | None = None,
    height: int = 420,
) -> go.Figure:
    """All θ̂_j from largest to smallest (rank on a log axis), seen and unseen in two colours.

    ``theta`` and ``counts`` hold θ̂_j and n_j for every combination j (length d). Equal
    neighbours are drawn as one flat step, so the figure stays small even when thousands of
    unseen combinations share the floor. ``marks`` names a few values to point at, e.g.
    ``{"combination 1": 0.04}``; each is placed in the middle of its step. ``y_range`` fixes
    the axis (handy to keep it still while a slider moves the values).
    """
    theta = np.asarray(theta, dtype=float)
    counts = np.asarray(counts)
    if theta.shape != counts.shape or theta.ndim != 1 or theta.size == 0:
        raise ValueError("theta and counts must be two 1-D arrays of the same, non-zero length")
    order = np.lexsort((counts == 0, -theta))  # largest first; seen before unseen on ties
    theta, seen = theta[order], counts[order] > 0
    # Runs of equal value and equal seen/unseen status.
    change = np.flatnonzero((np.diff(theta) != 0) | (np.diff(seen) != 0)) + 1
    starts = np.concatenate([[0], change]).tolist()
    ends = np.concatenate([change, [theta.size]]).tolist()  # exclusive
    zero_y, low, high, tickvals, ticktext = _log_axis(
        theta[theta > 0], y_range, has_zero=bool((theta == 0).any())
    )

    data, annotations, shapes = [], [], []
    for is_seen, colour, name in (
        (True, COLOURS["navy"], "seen in the data"),
        (False, COLOURS["orange"], "never seen"),
    ):
        xs, ys, hover = [], [], []
        for start, end in zip(starts, ends, strict=True):
            if seen[start] != is_seen:
                continue
            value = float(theta[start])
            y = value if value > 0 else zero_y
            text = (
                f"rank {start + 1:,}–{end:,}: {plural(end - start, 'combination')}, {name}"
                f"<br>θ̂ = {format_prob(value)} each" if end - start > 1 else
                f"rank {start + 1:,}: 1 combination, {name}<br>θ̂ = {format_prob(value)}"
            )
            # A flat step from the run's first rank to the next run's first rank.
            xs += [start + 1, end + 1 if end < theta.size else end, None]
            ys += [y, y, None]
            hover += [text, text, None]
        if xs:
            data.append({
                "type": "scatter", "x": xs, "y": ys, "mode": "lines", "name": name,
                "line": {"color": colour, "width": 4}, "hovertext": hover, "hoverinfo": "text",
            })
    for label, value in (marks or {}).items():
        hits = np.flatnonzero(np.isclose(theta[starts], value, rtol=1e-9, atol=0))
        if not hits.size:
            continue
        start, end = starts[hits[0]], ends[hits[0]]
        x = math.sqrt((start + 1) * max(end, start + 1))
        diamond, note = _mark(x, value if value > 0 else zero_y,
                              f"{label}: {format_prob(value)}", log_x=True,
                              left=math.log10(x) > math.log10(theta.size) / 2,
                              down=value > 0 and math.log10(value) > high - 1.2)
        data.append(diamond)
        annotations.append(note)
    if (theta == 0).any():
        shapes.append(_zero_band(zero_y))
    ranks = [r for r in (1, 10, 100, 1000) if r < theta.size] + [theta.size]
    layout = {
        "annotations": annotations,
        "shapes": shapes,
        "xaxis": {"type": "log", "tickvals": ranks, "ticktext": [f"{r:,}" for r in ranks],
                  "range": [math.log10(0.8), math.log10(theta.size * 1.25)],
                  "title": {"text": "rank (1 = most probable; log scale)"}},
        "yaxis": {"type": "log", "title": {"text": "θ̂ (log scale)"}, "range": [low, high],
                  "tickvals": tickvals, "ticktext": ticktext},
    }
    return _figure(data, layout, height, title)


# --- Naive Bayes: Table 1-2 as bars ---------------------------------------------------------


#: Naive Bayes panels: room above the top row for its titles, and between two rows for the
#: upper row's tick labels and the lower row's titles (pixels, at 1.25 × font size too).
_TITLE_PX, _ROW_GAP_PX, _BOTTOM_PX = 44, 84, 40


@functools.lru_cache(maxsize=8)
def _grid(titles: tuple[str, ...], columns: int, heights: tuple[int, ...], gap: float) -> dict:
    """The axes (``xaxis``, ``yaxis2``, …) and panel titles of a grid of ``len(heights)``
    rows of ``columns`` panels, row r as tall as ``heights[r]``, ``gap`` (a share of the
    plot area's height) between rows, titles 18 pt."""
    grid = make_subplots(
        rows=len(heights), cols=columns, subplot_titles=titles, horizontal_spacing=0.2,
        vertical_spacing=gap if len(heights) > 1 else 0,
        row_heights=[h / sum(heights) for h in heights],
    ).layout.to_plotly_json()
    grid.pop("template", None)
    for title in grid["annotations"]:
        title["font"] = {"size": 18}
    return grid


def naive_bayes_figure(
    model,
    features: Mapping[str, Sequence[str]],
    order: Sequence[str] | None = None,
    *,
    columns: int = 3,
    title: str | None = None,
    bar_px: int = 34,
    label_room: float = 0.75,
) -> go.Figure:
    """One horizontal bar chart per feature: θ̂ of every value, labelled with θ̂ and count n.

    ``model`` is a fitted :class:`~gdl_core.naive_bayes.CategoricalNB` whose feature k is
    the k-th entry of ``features`` (name -> values). ``order`` picks and orders the panels
    (default: all, in ``features`` order), laid out ``columns`` to a row (3 for a wide
    screen, 1 for a phone). Each bar gets ``bar_px`` pixels of height, and the figure is as
    tall as its rows need; every θ̂ axis runs to ``1 + label_room`` times the largest θ̂,
    leaving room for the labels right of the bars. θ̂ is labelled as the book prints it
    (:func:`~gdl_core.wrodl.text.theta_text`: "0.20" without a pseudocount). When the model
    is smoothed (α > 0) a black tick marks each unsmoothed share n/N; values never seen get a
    brick-red label.
    """
    names = list(features)
    order = list(order) if order is not None else names
    counts, theta = model.counts_, model.theta_
    n_obs = counts[0, : len(features[names[0]])].sum()
    rows = math.ceil(len(order) / columns)
    tallest = tuple(
        max(len(features[name]) for name in order[r * columns : (r + 1) * columns])
        for r in range(rows)
    )
    spare_panel = len(order) < rows * columns
    legend_px = 0 if spare_panel or model.alpha == 0 else 36  # a legend above the panels
    top = _TITLE_PX + legend_px + (50 if title else 0)
    plot_px = sum(tallest) * bar_px + (rows - 1) * _ROW_GAP_PX
    height = top + plot_px + _BOTTOM_PX
    layout = copy.deepcopy(_grid(tuple(order), columns, tallest, _ROW_GAP_PX / plot_px))
    largest = float(theta.max())
    data = []
    for i, name in enumerate(order):
        axes = {"xaxis": f"x{i + 1 if i else ''}", "yaxis": f"y{i + 1 if i else ''}"}
        k = names.index(name)
        values = list(features[name])
        n_k, t_k = counts[k, : len(values)], theta[k, : len(values)]
        data.append({
            "type": "bar", "y": values, "x": t_k, "orientation": "h",
            "marker": {"color": COLOURS["green"]},
            "hovertext": [
                f"{name} = {v}<br>n = {int(n)} of {int(n_obs)}<br>θ̂ = {theta_text(t)}"
                for v, n, t in zip(values, n_k, t_k, strict=True)
            ],
            "hoverinfo": "text", "showlegend": False, **axes,
        })
        if model.alpha > 0:
            data.append({
                "type": "scatter", "y": values, "x": n_k / n_obs, "mode": "markers",
                "name": "n / N (no pseudocount)",
                "marker": {"symbol": "line-ns", "size": 16,
                           "line": {"width": 3, "color": COLOURS["black"]}},
                "showlegend": i == 0, "hoverinfo": "skip", **axes,
            })
        label_x = np.maximum(t_k, n_k / n_obs if model.alpha > 0 else 0) + largest * 0.04
        data.append({
            "type": "scatter", "y": values, "x": label_x, "mode": "text",
            "textposition": "middle right", "cliponaxis": False,
            "text": [f"{theta_text(t, 2)}  (n = {int(n)})" for n, t in zip(n_k, t_k, strict=True)],
            "textfont": {"color": [COLOURS["brick"] if n == 0 else COLOURS["ink"] for n in n_k],
                         "size": 14},
            "showlegend": False, "hoverinfo": "skip", **axes,
        })
        layout[f"xaxis{i + 1 if i else ''}"].update(
            range=[0, largest * (1 + label_room)], tickformat=".1f", nticks=4
        )
    for key in layout:
        if key.startswith("yaxis"):
            layout[key]["autorange"] = "reversed"
    if spare_panel:  # the legend goes in the empty last panel
        layout["legend"] = {**_LEGEND_ON_TOP, "orientation": "v", "x": 1.0, "xanchor": "right",
                            "y": 0.2}
    else:  # above the first row's titles
        layout["legend"] = {**_LEGEND_ON_TOP, "y": 1 + (_TITLE_PX - 4) / plot_px}
    return _figure(data, layout, height, title, top=top)


# --- multinomial against Naive Bayes --------------------------------------------------------


def comparison_figure(
    multinomial_theta: np.ndarray,
    nb_prob: np.ndarray,
    counts: np.ndarray,
    *,
    labels: Sequence[str] | None = None,
    marks: Mapping[str, int] | None = None,
    y_range: tuple[float, float] | None = None,
    title: str | None = None,
    height: int = 480,
) -> go.Figure:
    """Naive Bayes p(x) of every combination against the multinomial's θ̂ for it.

    The multinomial's θ̂ depends only on how often a combination was seen (n_j), so it takes
    one value per count: each count gets a column, the combinations in it are spread across
    the column as dots at their Naive Bayes p(x), and a bar marks the column's single
    multinomial θ̂. ``labels`` (one per combination) become the dots' hover text;
    ``marks`` maps a name to a combination's index to point it out.
    """
    theta = np.asarray(multinomial_theta, dtype=float)
    nb = np.asarray(nb_prob, dtype=float)
    counts = np.asarray(counts).astype(np.int64)
    if not (theta.shape == nb.shape == counts.shape) or theta.ndim != 1:
        raise ValueError("multinomial_theta, nb_prob and counts must be 1-D and equally long")
    groups, group_sizes = np.unique(counts, return_counts=True)
    lane = np.searchsorted(groups, counts)
    # Deterministic spread inside a column (golden-ratio sequence): the same picture each time.
    spread = ((np.arange(theta.size) * 0.6180339887) % 1.0 - 0.5) * 0.7
    positive = np.concatenate([nb[nb > 0], theta[theta > 0]])
    has_zero = bool((nb == 0).any() or (theta == 0).any())
    zero_y, low, high, tickvals, ticktext = _log_axis(positive, y_range, has_zero=has_zero)

    bar_x, bar_y, bar_text = [], [], []
    for i, (n, size) in enumerate(zip(groups, group_sizes, strict=True)):
        value = float(theta[counts == n][0])
        y = value if value > 0 else zero_y
        bar_x += [i - 0.48, i + 0.48, None]
        bar_y += [y, y, None]
        text = (f"multinomial θ̂ = {format_prob(value)} for all {int(size):,}" if size > 1
                else f"multinomial θ̂ = {format_prob(value)}")
        bar_text += [text, text, None]
    dots = {
        "type": "scatter", "x": lane + spread, "y": np.where(nb > 0, nb, zero_y),
        "mode": "markers", "name": "Naive Bayes p(x): one dot per combination",
        "marker": {"color": COLOURS["green"], "size": 5, "opacity": 0.55}, "hoverinfo": "y",
    }
    if labels is not None:
        dots["hovertext"] = [f"{label}<br>Naive Bayes p(x) = {format_prob(p)}"
                             for label, p in zip(labels, nb.tolist(), strict=True)]
        dots["hoverinfo"] = "text"
    data = [
        {"type": "scatter", "x": bar_x, "y": bar_y, "mode": "lines",
         "name": "multinomial θ̂: one value per column",
         "line": {"color": COLOURS["brick"], "width": 7}, "hovertext": bar_text,
         "hoverinfo": "text"},
        dots,
    ]
    annotations = []
    # The labels sit low in the columns right of the first, where no face is drawn (a seen
    # face has p(x) of 10⁻⁴ or more), one above the other, the most probable mark's highest:
    # placed in data units, they keep clear of each other and of the dots on any screen.
    ranked = sorted(marks or {}, key=lambda label: -float(nb[marks[label]]))
    for label, index in (marks or {}).items():
        p = float(nb[index])
        last = lane[index] == len(groups) - 1
        level = low + (high - low) * (0.5 - 0.2 * ranked.index(label))
        diamond, note = _mark(
            lane[index] + spread[index], p if p > 0 else zero_y, f"{label}: {format_prob(p)}",
            left=last, label_at=(len(groups) - 0.55 if last else lane[index] + 0.55,
                                 10**level),
        )
        data.append(diamond)
        annotations.append(note)
    n_zero = int((nb == 0).sum())
    if n_zero:
        annotations.append({
            "x": float(lane[nb == 0].max() + 0.5), "y": math.log10(zero_y) + 0.6,
            "xanchor": "left",
            "text": f"← {plural(n_zero, 'face')} with<br>Naive Bayes p(x) = 0", "align": "left",
            "showarrow": False, "font": {"size": 14, "color": COLOURS["green"]},
            "bgcolor": "rgba(255,255,255,0.9)",
        })
    layout = {
        "annotations": annotations,
        "shapes": [_zero_band(zero_y)] if has_zero else [],
        "xaxis": {
            "tickvals": list(range(len(groups))),
            "ticktext": [f"{_count_word(n)}<br>{plural(size, 'face')}"
                         for n, size in zip(groups, group_sizes, strict=True)],
            "range": [-0.6, len(groups) - 0.4], "showgrid": False, "zeroline": False,
            "title": {"text": "how often a face occurs in the data"},
        },
        "yaxis": {"type": "log", "title": {"text": "probability (log scale)"},
                  "range": [low, high], "tickvals": tickvals, "ticktext": ticktext},
    }
    return _figure(data, layout, height, title)


# --- how often a sample is new --------------------------------------------------------------


def novelty_figure(
    alphas: Sequence[float],
    expected: Sequence[float],
    *,
    observed: Sequence[float] | None = None,
    current: float | None = None,
    n_observed: int | None = None,
    title: str | None = None,
    height: int = 340,
) -> go.Figure:
    """Chance that a sample is new for each pseudocount α (bars), the current α highlighted.

    ``observed`` (optional) is the share of new faces actually found among ``n_observed``
    samples at each α, drawn as dots on the bars.
    """
    labels = [f"{a:g}" for a in alphas]
    expected = [float(e) for e in expected]
    now = None if current is None else next(
        (i for i, a in enumerate(alphas) if math.isclose(a, current)), None
    )
    data = [{
        "type": "bar", "x": labels, "y": expected, "name": "chance a sample is new",
        "marker": {"color": [
            COLOURS["orange"] if current is not None and math.isclose(a, current)
            else COLOURS["pale_orange"] for a in alphas
        ]},
        "text": [percent(e) for e in expected], "textposition": "auto",
        "insidetextanchor": "start", "cliponaxis": False,
        "hovertemplate": "α = %{x}<br>chance of a new face: %{y:.1%}<extra></extra>",
    }]
    if observed is not None:
        share = f"share new in {n_observed:,} samples" if n_observed else "share new in samples"
        data.append({
            "type": "scatter", "x": labels, "y": [float(o) for o in observed], "mode": "markers",
            "name": share, "marker": {"color": COLOURS["navy"], "size": 11, "symbol": "circle"},
            "hovertemplate": "α = %{x}<br>" + share + ": %{y:.1%}<extra></extra>",
        })
    annotations = []
    if now is not None:
        annotations.append({  # x as the category's position: a label like "1" would be read
            "x": now, "y": min(expected[now] + 0.09, 1.08), "yanchor": "bottom",  # as one
            "text": f"α = {labels[now]} now", "showarrow": True, "arrowhead": 2, "ax": 0,
            "ay": -28, "font": {"size": 15, "color": COLOURS["orange"]},
            "bgcolor": "rgba(255,255,255,0.9)",
        })
    layout = {
        "annotations": annotations,
        "xaxis": {"type": "category", "title": {"text": "pseudocount α"}},
        "yaxis": {"range": [0, 1.3], "tickformat": ".0%", "title": {"text": "new faces"},
                  "tickvals": [0, 0.25, 0.5, 0.75, 1]},
    }
    return _figure(data, layout, height, title)
