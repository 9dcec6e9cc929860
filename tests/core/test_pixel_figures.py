"""Planet Pixel's pictures show exactly the numbers they are given.

The figures are built without plotly's validation (:func:`gdl_core.style.figure`); every test
rebuilds them with full validation first, so a property plotly does not know fails here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from gdl_core import pixels
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import figures as pf
from gdl_core.pixels import measures as pm
from gdl_core.pixels import training as pt
from gdl_core.style import COLOURS
from tests.plotly_specs import decoded, validated

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def data():
    return pixels.make_dataset(pt.training_faces(50))


@pytest.fixture(scope="module")
def model(data):
    return CategoricalNB(0.2).fit(data[0], 256)






def test_hex_colour():
    assert pf.hex_colour((255, 0, 16)) == "#ff0010"
    assert pf.hex_colour(np.array([1, 2, 3], dtype=np.uint8)) == "#010203"


def test_outlined_face_boxes_the_marked_pixels_and_keeps_every_other_pixel(data):
    codes, palette = data
    scale = 12
    image = np.asarray(pf.outlined_face(codes[0], palette, pt.TABLE_PIXELS, scale=scale))
    assert image.shape == (32 * scale, 32 * scale, 3)
    face = palette[codes[0]].reshape(32, 32, 3)
    marked = {(14, column) for column in range(10, 20)}  # pixels 458-467
    for r in range(32):
        for c in range(32):
            block = image[r * scale : (r + 1) * scale, c * scale : (c + 1) * scale]
            if (r, c) in marked:
                assert tuple(block[0, 0]) == (0, 0, 0)  # thin black edge
                assert tuple(block[1, scale // 2]) == pf.MARK_COLOUR  # coloured line
                assert tuple(block[scale // 2, scale // 2]) == tuple(face[r, c])  # centre kept
            else:
                assert (block == face[r, c]).all(), f"pixel ({r}, {c}) changed"
    with pytest.raises(ValueError, match="not on a 32x32 face"):
        pf.outlined_face(codes[0], palette, [1024])
    with pytest.raises(ValueError, match="scale"):
        pf.outlined_face(codes[0], palette, [0], scale=2)


def test_a_ring_surrounds_the_pixel_and_leaves_it_uncovered(data):
    codes, palette = data
    scale = 12
    image = np.asarray(pf.outlined_face(codes[0], palette, [458], scale=scale, ring=True))
    face = palette[codes[0]].reshape(32, 32, 3)
    row, column = 14, 10  # pixel 458
    block = image[row * scale : (row + 1) * scale, column * scale : (column + 1) * scale]
    assert (block == face[row, column]).all()  # the pixel itself is untouched
    top, left = (row - 1) * scale, (column - 1) * scale
    assert tuple(image[top, left + 20]) == (0, 0, 0)
    assert tuple(image[top + 3, left + 20]) == pf.MARK_COLOUR  # half a pixel thick
    far = image[: (row - 2) * scale]
    assert (far == np.repeat(np.repeat(face[: row - 2], scale, 0), scale, 1)).all()


def test_entropy_figure_shows_the_map_with_a_clickable_point_per_cell(model):
    entropy = pm.entropy_map(model.theta_)
    fig = validated(pf.entropy_figure(entropy, selected=(14, 10)))
    heatmap, targets = fig.data
    assert isinstance(heatmap, go.Heatmap) and isinstance(targets, go.Scatter)
    np.testing.assert_array_equal(decoded(heatmap.z), entropy)
    assert heatmap.zmin == 0 and heatmap.zmax >= entropy.max()
    x, y = decoded(targets.x).astype(int), decoded(targets.y).astype(int)
    assert len(x) == 1024
    # point k sits on pixel k: column x, row y
    np.testing.assert_array_equal(y * 32 + x, np.arange(1024))
    np.testing.assert_array_equal(decoded(targets.customdata)[:, 0], np.arange(1024))
    # row 0 at the top, square cells
    assert tuple(fig.layout.yaxis.range) == (31.5, -0.5)
    assert fig.layout.yaxis.scaleanchor == "x"
    (box,) = fig.layout.shapes
    assert (box.x0, box.x1, box.y0, box.y1) == (9.5, 10.5, 13.5, 14.5)
    assert validated(pf.entropy_figure(entropy)).layout.shapes == ()


def test_selected_pixel_reads_the_last_clicked_point():
    assert pf.selected_pixel(None) is None
    assert pf.selected_pixel({"points": []}) is None
    selection = {"points": [{"x": 3, "y": 7}, {"x": 10, "y": 14, "point_index": 458}]}
    assert pf.selected_pixel(selection) == (14, 10)
    assert pf.selected_pixel({"points": [{"x": 4.0, "y": 2.0}]}) == (2, 4)


def test_distribution_figure_paints_each_bar_in_its_palette_colour(data, model):
    _, palette = data
    table = pm.pixel_distribution(model, 458)
    fig = validated(pf.distribution_figure(table, palette, 50, max_colours=12))
    (bars,) = fig.data
    assert list(bars.x) == [str(c) for c in table["colour"].head(12)]
    np.testing.assert_allclose(decoded(bars.y), table["share"].head(12))
    assert list(bars.marker.color) == [pf.hex_colour(palette[c]) for c in table["colour"]]


def test_distribution_axis_never_labels_more_than_100_percent(data):
    _, palette = data
    certain = pd.DataFrame({"colour": [3], "count": [50], "share": [1.0], "theta": [1.0]})
    fig = validated(pf.distribution_figure(certain, palette, 50))
    assert max(decoded(fig.layout.yaxis.tickvals)) == pytest.approx(1.0)
    assert fig.layout.yaxis.range[1] > 1.0  # the "100%" label still fits above the bar


def test_distribution_figure_pools_the_rare_colours():
    palette = np.arange(256 * 3, dtype=np.uint16).reshape(256, 3) % 256
    table = pd.DataFrame({
        "colour": np.arange(15), "count": np.arange(15, 0, -1),
        "share": np.arange(15, 0, -1) / 120, "theta": np.arange(15, 0, -1) / 120,
    })
    fig = validated(pf.distribution_figure(table, palette.astype(np.uint8), 120, max_colours=12))
    (bars,) = fig.data
    assert len(bars.x) == 13 and bars.x[-1] == "3 more"
    shares = decoded(bars.y)
    assert shares[-1] == pytest.approx((3 + 2 + 1) / 120)
    assert shares.sum() == pytest.approx(1.0)


def test_correlation_figure_puts_the_maps_side_by_side_on_one_scale(data):
    codes, palette = data
    right, _ = pm.neighbour_correlation_map(codes, palette)
    noise = np.random.default_rng(0).uniform(-0.1, 0.1, right.shape)
    fig = validated(pf.correlation_figure((right, noise), ("faces", "samples")))
    first, second = fig.data
    np.testing.assert_array_equal(decoded(first.z), right)
    np.testing.assert_array_equal(decoded(second.z), noise)
    for trace in fig.data:
        assert (trace.zmin, trace.zmax) == (-1, 1)
    assert (first.xaxis, second.xaxis) == ("x", "x2")
    assert fig.layout.xaxis.domain[1] < fig.layout.xaxis2.domain[0]  # no overlap
    assert [a.text for a in fig.layout.annotations] == ["faces", "samples"]
    assert first.showscale is False and second.showscale is True


def test_entropy_map_is_projector_sized_with_square_cells_and_dark_ticks(model):
    fig = validated(pf.entropy_figure(pm.entropy_map(model.theta_)))
    # A chart of ENTROPY_WIDTH × height leaves a map over 400 px across.
    margin = fig.layout.margin
    across = min(pf.ENTROPY_WIDTH - margin.l - margin.r, fig.layout.height - margin.t - margin.b)
    assert pf.ENTROPY_WIDTH >= 480 and across >= 400
    assert fig.layout.yaxis.scaleanchor == "x"  # square cells at any width
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        assert axis.tickfont.size >= 15 and axis.tickfont.color == COLOURS["ink"]
        assert axis.title.font.color == COLOURS["ink"]
    bar = fig.data[0].colorbar
    assert bar.orientation == "h"  # across the top: on a phone the map keeps the width
    assert bar.tickfont.color == COLOURS["ink"]
    assert bar.ticktext[-1].endswith("bits")
