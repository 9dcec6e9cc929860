"""Tests for gdl_core.world.figures: the world map, the history chart, the land image, and
reading a dragged box back.

The figures are built without plotly's per-property validation (for speed), so every test
that builds one also pushes it through plotly's full validation once.
"""

from __future__ import annotations

import base64
import io
import json
import math

import numpy as np
import plotly.io
import pytest
from PIL import Image

from gdl_core.world import VERDICTS, Box, judge, land_mask, sample_land
from gdl_core.world.figures import (
    BOX_COLOUR,
    LAND_COLOUR,
    MINUS_INFINITY_LABEL,
    VERDICT_STYLE,
    history_description,
    history_figure,
    land_data_uri,
    land_png,
    world_figure,
)
from tests.plotly_specs import decoded, validated

# --------------------------------------------------------------------------- land image


def test_land_png_is_small_two_coloured_and_matches_the_raster():
    png = land_png()
    assert len(png) < 12_000
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (720, 360)  # every second row and column
        rgb = np.array(image.convert("RGB"))
    colours = np.unique(rgb.reshape(-1, 3), axis=0)
    assert len(colours) == 2
    is_land = np.all(rgb == np.array(LAND_COLOUR), axis=2)
    assert np.array_equal(is_land, land_mask().raster[::2, ::2])


def test_land_data_uri_is_a_png_data_uri():
    uri = land_data_uri()
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == land_png()


# --------------------------------------------------------------------------- the map


def test_world_figure_draws_the_points_the_box_and_no_land_by_default():
    points = sample_land(40, seed=1)
    box = Box(-50, 60, -20, 45)
    fig = validated(world_figure(points, box=box))
    data_trace = fig.data[0]
    np.testing.assert_allclose(decoded(data_trace.x), points[:, 0], atol=1e-4)
    np.testing.assert_allclose(decoded(data_trace.y), points[:, 1], atol=1e-4)
    boxes = [s for s in fig.layout.shapes if s.line.color == BOX_COLOUR]
    assert len(boxes) == 1
    assert (boxes[0].x0, boxes[0].x1, boxes[0].y0, boxes[0].y1) == box.as_tuple()
    assert len(fig.layout.images) == 0  # p_data stays hidden
    assert fig.layout.dragmode == "select"
    assert fig.layout.yaxis.scaleanchor == "x"  # a degree is as long north as east


def test_world_figure_reveals_the_land_as_one_layout_image_under_the_points():
    uri = land_data_uri()
    fig = validated(world_figure(sample_land(10, seed=0), land=uri))
    (image,) = fig.layout.images
    assert image.source == uri
    assert image.layer == "below"
    assert (image.x, image.y, image.sizex, image.sizey) == (-180, 90, 360, 180)
    assert all(trace.type == "scatter" for trace in fig.data)  # no per-pixel trace, no geo


def test_the_drag_layer_holds_nothing_a_selection_could_report():
    fig = validated(world_figure(sample_land(30, seed=2), box=Box(-10, 10, -10, 10)))
    front = [t for t in fig.data if t.xaxis == "x2"]
    # Nothing with markers or text, the only things plotly selects (the hover copies of
    # the points are bare lines).
    assert all(t.mode in (None, "lines") for t in front)
    assert [len(t.x) for t in front if t.mode is None] == [0]
    assert fig.layout.xaxis2.range == fig.layout.xaxis.range
    assert fig.layout.yaxis2.range == fig.layout.yaxis.range
    assert fig.layout.xaxis2.visible is False
    without = validated(world_figure(sample_land(30, seed=2), selectable=False))
    assert not [t for t in without.data if t.xaxis == "x2"]


def test_world_figure_colours_samples_by_verdict():
    points = sample_land(60, seed=3)
    box = Box.fit(points)
    samples = box.sample(300, seed=4)
    verdicts = judge(samples, points, radius=4.0)
    fig = validated(world_figure(points, box=box, samples=samples, verdicts=verdicts))
    counts = {}
    for verdict in VERDICTS:
        (trace,) = [t for t in fig.data if t.meta == verdict]
        counts[verdict] = len(decoded(trace.x))
        assert f"({counts[verdict]:,})" in trace.name
        assert VERDICT_STYLE[verdict][0] in trace.hovertemplate
    assert counts == {v: int((verdicts == v).sum()) for v in VERDICTS}
    with pytest.raises(ValueError, match="one verdict for each sample"):
        world_figure(points, samples=samples, verdicts=verdicts[:-1])


def test_samples_without_verdicts_are_plain_points_with_no_judgement():
    points = sample_land(30, seed=5)
    samples = Box.fit(points).sample(40, seed=6)
    fig = validated(world_figure(points, samples=samples))
    shown = [t for t in fig.data if t.mode == "markers"]
    assert [t.name for t in shown] == ["the data X (30 points)", "samples (40)"]
    np.testing.assert_allclose(decoded(shown[1].x), samples[:, 0], atol=1e-4)
    words = json.dumps(fig.to_dict()["data"])
    for label, _, _ in VERDICT_STYLE.values():
        assert label not in words
    assert "Rule" not in words and "sea" not in words


@pytest.mark.parametrize("n, name", [(1, "the data X (1 point)"), (2, "the data X (2 points)"),
                                     (1000, "the data X (1,000 points)")])
def test_the_data_legend_counts_points_in_the_singular_and_plural(n, name):
    # Before: "the data X (1 points)".
    assert world_figure(sample_land(n, seed=0)).data[0].name == name


def test_points_and_samples_answer_hover_from_the_drag_layer_without_being_selectable():
    points = sample_land(25, seed=7)
    samples = Box.fit(points).sample(30, seed=8)
    verdicts = judge(samples, points, 3.0)
    fig = validated(world_figure(points, samples=samples, verdicts=verdicts))
    layer = [t for t in fig.data if t.xaxis == "x2" and t.hovertemplate]
    # Plotly selects markers and text, never bare lines: a dragged box reports no points.
    assert all(t.mode == "lines" and t.line.width == 0 for t in layer)
    data_layer = [t for t in layer if t.hovertemplate.startswith("data point")]
    np.testing.assert_allclose(decoded(data_layer[0].x), points[:, 0], atol=1e-4)
    np.testing.assert_allclose(decoded(data_layer[0].y), points[:, 1], atol=1e-4)
    for verdict in VERDICTS:
        label = VERDICT_STYLE[verdict][0]
        (trace,) = [t for t in layer if label in t.hovertemplate]
        assert len(decoded(trace.x)) == int((verdicts == verdict).sum())
    assert all("lon %{x:.2f}°, lat %{y:.2f}°" in t.hovertemplate for t in layer)
    # Before the reveal, a sample says only that it is a sample.
    plain = validated(world_figure(points, samples=samples))
    (sample_layer,) = [t for t in plain.data if t.xaxis == "x2" and t.hovertemplate
                       and t.hovertemplate.startswith("sample")]
    assert sample_layer.hovertemplate.startswith("sample<br>")


def test_map_ticks_name_the_hemispheres_and_a_drag_is_taken_literally():
    fig = validated(world_figure(sample_land(5, seed=0)))
    assert list(fig.layout.xaxis.ticktext) == ["180°W", "90°W", "0°", "90°E", "180°E"]
    assert list(fig.layout.xaxis.tickvals) == [-180, -90, 0, 90, 180]
    assert list(fig.layout.yaxis.ticktext) == ["90°S", "45°S", "0°", "45°N", "90°N"]
    assert fig.layout.selectdirection == "d"  # a thin drag is a thin box, not a band


def test_map_payload_at_five_thousand_points_is_well_under_300_kb():
    points = sample_land(5_000, seed=0)
    box = Box.fit(points)
    samples = box.sample(2_000, seed=1)
    fig = world_figure(points, box=box, land=land_data_uri(), samples=samples,
                       verdicts=judge(samples, points, 3.0))
    assert len(plotly.io.to_json(fig, validate=False)) < 300_000


# --------------------------------------------------------------------------- history


def test_history_figure_places_attempts_the_mle_and_the_minus_infinity_band():
    n = 50
    attempts = [(64_800.0, -n * math.log(64_800.0)), (20_000.0, -math.inf),
                (50_000.0, -n * math.log(50_000.0))]
    mle = (45_000.0, -n * math.log(45_000.0))
    fig = validated(history_figure(attempts, n, mle=mle, current=1))
    assert fig.layout.xaxis.type == "log"
    finite = [t for t in fig.data if t.hovertemplate and "ℓ = %{y" in t.hovertemplate
              and "MLE" not in t.hovertemplate]
    (finite,) = finite
    np.testing.assert_allclose(decoded(finite.x), [64_800.0, 50_000.0])
    assert [row[0] for row in finite.customdata] == [1, 3]  # attempt numbers
    (crosses,) = [t for t in fig.data if t.marker.symbol == "x"]
    np.testing.assert_allclose(decoded(crosses.x), [20_000.0])
    # The −∞ attempts live on an axis of their own, a band under the chart, with one tick
    # that says −∞ (not a number on the ℓ axis).
    assert crosses.yaxis == "y2"
    band, main = fig.layout.yaxis2, fig.layout.yaxis
    assert band.domain[1] < main.domain[0]
    assert list(band.ticktext) == ["−∞"]
    assert band.range[0] < decoded(crosses.y)[0] < band.range[1]
    assert fig.layout.xaxis.anchor == "y2"  # the area axis runs under the band
    (label,) = [a for a in fig.layout.annotations if a.text == MINUS_INFINITY_LABEL]
    assert label.yref == "paper" and band.domain[1] < label.y < main.domain[0]
    (star,) = [t for t in fig.data if t.marker.symbol == "star"]
    assert (star.x[0], star.y[0]) == mle
    (curve,) = [t for t in fig.data if t.mode == "lines"]
    curve_x = decoded(curve.x)
    np.testing.assert_allclose(decoded(curve.y), -n * np.log(curve_x))
    assert curve_x.min() == pytest.approx(mle[0]) and curve_x.max() == pytest.approx(64_800.0)
    (ring,) = [t for t in fig.data if t.marker.line.color == BOX_COLOUR]
    assert ring.yaxis == "y2" and ring.x[0] == 20_000.0  # the current box missed a point
    assert ring.text is None  # no label in the band, where it would hit the band's own


def test_history_points_carry_their_corners_so_a_click_can_bring_a_box_back():
    points = sample_land(40, seed=11)
    boxes = [Box(-180, 180, -90, 90), Box(-20, 30, -10, 10), Box.fit(points)]
    scores = [(box.area, box.log_likelihood(points)) for box in boxes]
    mle = Box.fit(points)
    fig = validated(history_figure(scores, 40, boxes=[b.as_tuple() for b in boxes],
                                   mle=(mle.area, mle.log_likelihood(points)),
                                   mle_box=mle.as_tuple(), current=2))
    rows = {}
    for trace in (t for t in fig.data if t.customdata):
        for row, area in zip(trace.customdata, decoded(trace.x), strict=True):
            rows[row[0]] = (row[1:], area)
    for number, box in enumerate(boxes, start=1):
        corners, area = rows[number]
        assert Box(*corners) == box
        assert area == pytest.approx(Box(*corners).area)  # the point sits at its box's area
    assert Box(*rows[0][0]) == mle  # the star
    assert all(isinstance(t.customdata[0], tuple | list) for t in fig.data if t.customdata)
    spec = json.loads(plotly.io.to_json(fig))
    for trace in spec["data"]:  # plain lists: a browser reports a clicked row as a list
        assert not isinstance(trace.get("customdata"), dict)
    with pytest.raises(ValueError, match="one box per attempt"):
        history_figure(scores, 40, boxes=[b.as_tuple() for b in boxes[:2]])


def test_history_titles_fit_a_phone():
    fig = history_figure([(100.0, -math.log(100.0))], 1, current=0)
    # At the figures' 16 px, a character is about 8 px wide; a phone leaves ~300 px.
    assert len(fig.layout.xaxis.title.text) <= 36
    assert len(fig.layout.yaxis.title.text) <= 20
    assert fig.layout.xaxis.automargin and fig.layout.yaxis.automargin


def test_history_figure_without_an_mle_or_attempts_still_draws():
    fig = validated(history_figure([], 1))
    assert not [t for t in fig.data if t.marker.symbol == "star"]
    fig = validated(history_figure([(100.0, -math.log(100.0))], 1, current=0))
    assert not [t for t in fig.data if t.mode == "lines"]
    json.loads(plotly.io.to_json(fig))


def test_the_history_in_words_counts_the_boxes_and_states_the_latest_and_the_mle():
    n = 3
    # two boxes that hold all three points (ℓ = −3·log(area)) and one that misses one
    attempts = [(200.0, -3 * math.log(200.0)), (50.0, -math.inf), (80.0, -3 * math.log(80.0))]
    text = history_description(attempts, n, mle=(40.0, -3 * math.log(40.0)))
    assert "the 3 boxes tried" in text
    assert "the latest has area 80 square degrees and ℓ = −13.15" in text  # 3·ln 80 = 13.146
    assert "2 of them held all 3 points" in text and "1 left a point outside" in text
    assert "maximum-likelihood box has area 40 and ℓ = −11.07" in text  # 3·ln 40 = 11.067
    assert history_description([], n).startswith("No boxes tried yet")
    assert "the 1 box tried" in history_description(attempts[:1], n)
