"""The Planet Wrodl figures draw exactly what the models compute.

The figures are built without plotly's per-property validation (for speed), so every test
pushes the figure through plotly's full validation first and reads the validated copy.
"""

import json
import math
import re

import numpy as np
import plotly.graph_objects as go
import pytest

from gdl_core import wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.style import COLOURS
from gdl_core.wrodl.figures import (
    comparison_figure,
    naive_bayes_figure,
    novelty_figure,
    sorted_theta_figure,
)
from tests.plotly_specs import decoded, validated

TABLE_ORDER = ("topType", "hairColor", "clothingColor", "accessoriesType", "clothingType")
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")


@pytest.fixture(scope="module")
def training():
    return wrodl.encode(wrodl.load())


def tables(training, alpha):
    every = wrodl.all_combinations()
    multinomial = JointMultinomial(alpha).fit(training, wrodl.N_VALUES)
    nb = CategoricalNB(alpha).fit(training, wrodl.N_VALUES)
    return multinomial.prob(every), multinomial.count(every), nb.prob(every)






def trace(fig: go.Figure, name: str):
    (found,) = [t for t in fig.data if t.name == name]
    return found


def points(values) -> list:
    """The non-gap values of a line trace (None separates segments)."""
    return [v for v in values if v is not None]


@pytest.mark.parametrize("alpha", [0.0, 1.0])
def test_sorted_theta_shows_every_combination_and_one_flat_floor(training, alpha):
    theta, counts, _ = tables(training, alpha)
    fig = validated(sorted_theta_figure(theta, counts, marks={"combination 1": 0.04}))
    seen, unseen = trace(fig, "seen in the data"), trace(fig, "never seen")
    # Steps cover ranks 1 … 4,032 without a gap: seen first, then the unseen floor.
    seen_x, unseen_x = points(seen.x), points(unseen.x)
    assert seen_x[0] == 1 and seen_x[-1] == unseen_x[0] == 49 and unseen_x[-1] == 4032
    # The floor: one flat step, the same θ̂ for all 3,984 unseen combinations.
    (floor,) = set(points(unseen.y))
    if alpha:
        assert floor == pytest.approx(alpha / (50 + 4032 * alpha))
    else:  # exactly 0 is drawn on the band at the bottom, and the axis says "0" there
        assert fig.layout.yaxis.ticktext[0] == "0"
        assert floor == pytest.approx(fig.layout.yaxis.tickvals[0])
    # Seen steps are θ̂ = (n + α)/(N + dα) for n = 2 and n = 1; ≤ 6 points, not 4,032.
    assert sorted(set(points(seen.y)), reverse=True) == pytest.approx(
        [(n + alpha) / (50 + 4032 * alpha) for n in (2, 1)]
    )
    assert len(seen.x) + len(unseen.x) < 12
    assert any("combination 1" in a.text for a in fig.layout.annotations) == (alpha == 0)


def test_sorted_theta_checks_its_input():
    with pytest.raises(ValueError, match="same"):
        sorted_theta_figure(np.ones(3), np.ones(4))


@pytest.mark.parametrize("alpha", [0.0, 2.0])
def test_naive_bayes_bars_are_table_1_2(training, alpha):
    model = CategoricalNB(alpha).fit(training, wrodl.N_VALUES)
    fig = validated(naive_bayes_figure(model, wrodl.FEATURES, TABLE_ORDER))
    bars = [t for t in fig.data if t.type == "bar"]
    labels = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    assert [a.text for a in fig.layout.annotations] == list(TABLE_ORDER)
    for feature, bar, label in zip(TABLE_ORDER, bars, labels, strict=True):
        k = list(wrodl.FEATURES).index(feature)
        values = wrodl.FEATURES[feature]
        assert list(bar.y) == list(values)
        np.testing.assert_allclose(decoded(bar.x), model.theta_[k, : len(values)])
        for text, n in zip(label.text, model.counts_[k, : len(values)], strict=True):
            assert text.endswith(f"(n = {int(n)})")
    ticks = [t for t in fig.data if t.name == "n / N (no pseudocount)"]
    assert len(ticks) == (5 if alpha else 0)
    if not alpha:  # θ̂ as Table 1-2 prints it: Gray01 "0.20", Black "0.00"
        colour = labels[TABLE_ORDER.index("clothingColor")].text
        assert colour[0] == "0.00  (n = 0)" and colour[2] == "0.20  (n = 10)"


def title_room(fig: go.Figure) -> list[float]:
    """Pixels between the top of the figure and the top of each panel title (18 pt titles
    one line high, 1.25 times larger in presenter mode)."""
    layout = fig.layout
    plot_px = layout.height - layout.margin.t - layout.margin.b
    return [layout.margin.t + (1 - a.y) * plot_px - 1.4 * 18 * 1.25
            for a in layout.annotations if a.text in TABLE_ORDER]


@pytest.mark.parametrize("alpha", [0.0, 1.0])
@pytest.mark.parametrize("columns", [3, 1])
def test_naive_bayes_panel_titles_stay_inside_the_figure(training, alpha, columns):
    model = CategoricalNB(alpha).fit(training, wrodl.N_VALUES)
    fig = validated(naive_bayes_figure(model, wrodl.FEATURES, TABLE_ORDER, columns=columns))
    assert min(title_room(fig)) >= 0
    if alpha:  # the legend sits above or beside the panels, not on a title
        legend = fig.layout.legend
        assert legend.y > 1 or legend.x == 1.0


def test_naive_bayes_bars_for_a_phone_are_one_panel_to_a_row(training):
    model = CategoricalNB(0.0).fit(training, wrodl.N_VALUES)
    fig = validated(naive_bayes_figure(model, wrodl.FEATURES, TABLE_ORDER, columns=1,
                                       bar_px=30))
    x_domains = {tuple(fig.layout[f"xaxis{i if i > 1 else ''}"].domain) for i in range(1, 6)}
    assert x_domains == {(0.0, 1.0)}
    # Tall enough for 28 bars of 30 px and the gaps between five panels, each panel as
    # tall as its number of bars.
    tops = sorted((fig.layout[f"yaxis{i if i > 1 else ''}"].domain for i in range(1, 6)),
                  key=lambda d: -d[1])
    heights = [top - bottom for bottom, top in tops]
    bars = [len(wrodl.FEATURES[name]) for name in TABLE_ORDER]
    assert [h / heights[0] for h in heights] == pytest.approx([b / bars[0] for b in bars])
    assert fig.layout.height >= 28 * 30 + 4 * 60


def test_comparison_puts_each_count_in_one_column(training):
    theta, counts, nb = tables(training, 1.0)
    labels = [f"face {i}" for i in range(len(theta))]
    index_2 = int(np.ravel_multi_index(wrodl.encode(wrodl.COMBINATION_2)[0], wrodl.N_VALUES))
    fig = validated(
        comparison_figure(theta, nb, counts, labels=labels, marks={"combination 2": index_2})
    )
    dots = trace(fig, "Naive Bayes p(x): one dot per combination")
    bars = trace(fig, "multinomial θ̂: one value per column")
    np.testing.assert_allclose(decoded(dots.y), nb)
    lane = np.rint(decoded(dots.x)).astype(int)
    assert lane.tolist() == counts.astype(int).tolist()  # counts 0, 1, 2 -> columns 0, 1, 2
    assert points(bars.y) == pytest.approx(
        [v for n in (0, 1, 2) for v in [(n + 1) / (50 + 4032)] * 2]
    )
    # Naive Bayes spreads the unseen faces over orders of magnitude; the multinomial cannot.
    unseen = nb[counts == 0]
    assert unseen.max() / unseen.min() > 1e3
    assert dots.hovertext[5].startswith("face 5")
    assert any(a.text.startswith("combination 2: 0.000") for a in fig.layout.annotations)
    assert fig.layout.xaxis.ticktext[0].startswith("never seen<br>")


def test_comparison_at_alpha_zero_draws_zeros_on_the_band(training):
    theta, counts, nb = tables(training, 0.0)
    fig = validated(comparison_figure(theta, nb, counts))
    zero_y = fig.layout.yaxis.tickvals[0]
    assert fig.layout.yaxis.ticktext[0] == "0"
    dots = trace(fig, "Naive Bayes p(x): one dot per combination")
    assert int(np.sum(np.isclose(decoded(dots.y), zero_y))) == int((nb == 0).sum()) == 1008
    assert any("1,008 faces with" in a.text for a in fig.layout.annotations)


def test_novelty_figure_marks_the_current_alpha():
    alphas = [0.0, 0.1, 1.0]
    for current, position in ((0.1, 1), (1.0, 2)):
        fig = validated(novelty_figure(alphas, [0.0, 0.5, 0.9], observed=[0.0, 0.48, 0.91],
                                       current=current, n_observed=1000))
        bars = trace(fig, "chance a sample is new")
        assert list(bars.x) == ["0", "0.1", "1"]
        assert list(bars.y) == [0.0, 0.5, 0.9]
        assert list(trace(fig, "share new in 1,000 samples").y) == [0.0, 0.48, 0.91]
        (now,) = fig.layout.annotations
        # On a category axis the arrow must sit at the category's position, not at the
        # category whose index happens to equal the label ("1" would point at "0.1").
        assert now.x == position and now.text == f"α = {current:g} now"
    assert math.isclose(fig.layout.yaxis.range[1], 1.3)


@pytest.mark.parametrize("alpha", [0.0, 1.0])
def test_every_colour_comes_from_the_shared_palette(training, alpha):
    """No figure brings a colour of its own: each hex colour is one of style.COLOURS."""
    theta, counts, nb = tables(training, alpha)
    model = CategoricalNB(alpha).fit(training, wrodl.N_VALUES)
    figures = [
        sorted_theta_figure(theta, counts, marks={"combination 1": float(theta.max())}),
        naive_bayes_figure(model, wrodl.FEATURES, TABLE_ORDER),
        comparison_figure(theta, nb, counts, marks={"a": 0}),
        novelty_figure([0.0, 1.0], [0.0, 0.9], observed=[0.0, 0.9], current=alpha),
    ]
    palette = {colour.lower() for colour in COLOURS.values()}
    for fig in figures:
        spec = validated(fig).to_dict()
        del spec["layout"]["template"]  # plotly's default template, not a colour of ours
        used = {colour.lower() for colour in HEX.findall(json.dumps(spec))}
        assert used and used <= palette, used - palette


def test_the_seen_and_unseen_steps_keep_their_colours(training):
    theta, counts, _ = tables(training, 1.0)
    fig = validated(sorted_theta_figure(theta, counts))
    assert trace(fig, "seen in the data").line.color == "#1b2f5e"  # navy
    assert trace(fig, "never seen").line.color == "#e8710a"  # orange
