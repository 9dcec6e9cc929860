"""Tests for gdl_core.world: the land raster, p_data, the box model and the Rule 1/2 judge.

Where possible each result is checked against an independent computation (plain Python
loops, explicit comparisons, known geography) rather than against the same numpy formula.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image

from gdl_core import world
from gdl_core.world import (
    VERDICTS,
    Box,
    LandMask,
    judge,
    judge_samples,
    land_mask,
    nearest_distance,
    sample_land,
)

# --------------------------------------------------------------------------- helpers


def _cell_of(lon: float, lat: float) -> tuple[int, int]:
    """Row and column of a point, written out independently of LandMask.cell_index."""
    col = min(math.floor((lon + 180.0) * 4.0), 1439)
    row = min(math.floor((90.0 - lat) * 4.0), 719)
    return row, col


def _random_box(rng: np.random.Generator) -> Box:
    lons = rng.uniform(-180, 180, size=2)
    lats = rng.uniform(-90, 90, size=2)
    return Box(lons[0], lons[1], lats[0], lats[1])


def _density_by_hand(box: Box, lon: float, lat: float) -> float:
    inside = box.lon_min <= lon <= box.lon_max and box.lat_min <= lat <= box.lat_max
    area = (box.lon_max - box.lon_min) * (box.lat_max - box.lat_min)
    return 1.0 / area if inside else 0.0


# --------------------------------------------------------------------------- the land raster


def test_png_asset_is_small_one_bit_and_the_right_size():
    path = world.LAND_MASK_PATH
    assert path.exists()
    assert path.stat().st_size < 20_000  # a 1-bit PNG of this map is about 12 KB
    with Image.open(path) as image:
        assert image.mode == "1"
        assert image.size == (1440, 720)  # (width, height)


def test_land_mask_shape_and_caching():
    mask = land_mask()
    assert mask is land_mask()  # read once, shared
    assert mask.raster.shape == (720, 1440)
    assert mask.raster.dtype == bool


def test_the_raster_tiles_the_extent_in_quarter_degree_cells():
    mask = land_mask()
    west, east, south, north = mask.extent
    rows, cols = mask.raster.shape
    assert (east - west) / cols == (north - south) / rows == 0.25
    # The extent's corners fall in the raster's corner cells, and a point 1.5 cells east and
    # 2.5 cells south of the north-west corner in cell (2, 1), by the hand formula as well.
    corners = {(west, north): (0, 0), (east, north): (0, cols - 1),
               (west, south): (rows - 1, 0), (east, south): (rows - 1, cols - 1),
               (west + 1.5 * 0.25, north - 2.5 * 0.25): (2, 1)}
    for (lon, lat), cell in corners.items():
        assert tuple(int(i) for i in mask.cell_index(lon, lat)) == cell == _cell_of(lon, lat)


def test_raster_is_read_only():
    mask = land_mask()
    assert not mask.raster.flags.writeable
    with pytest.raises(ValueError):
        mask.raster[0, 0] = True
    with pytest.raises(ValueError):
        mask.land_cells[0] = 0


def test_land_share_is_plausible_for_a_flat_lon_lat_map():
    mask = land_mask()
    frac = mask.raster.sum() / mask.raster.size
    # About 29% of the Earth's surface is land. On a lon/lat map every cell has the same
    # area, so land far from the equator (Antarctica, Greenland, Canada, Siberia) takes up
    # more than its share, and GLOBE also counts most lakes as land: the flat-map fraction
    # is a few points above 29% (0.33 here).
    assert 0.29 < frac < 0.36
    # Independent check: weighting each row by its true area on the sphere (the band between
    # its two edge latitudes is proportional to the difference of their sines) must bring
    # the share back to the known ~29% of the Earth's surface.
    top = np.deg2rad(90.0 - 0.25 * np.arange(720))
    bottom = np.deg2rad(90.0 - 0.25 * np.arange(1, 721))
    weight = np.sin(top) - np.sin(bottom)
    sphere_share = float((mask.raster.mean(axis=1) * weight).sum() / weight.sum())
    assert 0.27 < sphere_share < 0.31
    assert frac > sphere_share


@pytest.mark.parametrize(
    ("lon", "lat", "expected", "place"),
    [
        (2.35, 48.85, True, "Paris"),
        (-100.0, 40.0, True, "Kansas, USA"),
        (134.0, -25.0, True, "central Australia"),
        (20.0, 0.0, True, "Congo basin"),
        (-60.0, -10.0, True, "Amazon"),
        (100.0, 60.0, True, "Siberia"),
        (-42.0, 72.0, True, "Greenland ice sheet"),
        (0.0, -85.0, True, "Antarctica"),
        (-40.0, 30.0, False, "mid-Atlantic"),
        (0.0, 0.0, False, "Gulf of Guinea"),
        (-150.0, 0.0, False, "central Pacific"),
        (80.0, -30.0, False, "Indian Ocean"),
        (0.0, 89.0, False, "Arctic Ocean"),
    ],
)
def test_known_places(lon, lat, expected, place):
    assert bool(land_mask().is_land(lon, lat)) is expected, place


def test_is_land_is_vectorised_and_broadcasts():
    mask = land_mask()
    lon = np.array([2.35, -40.0, 134.0])
    lat = np.array([48.85, 30.0, -25.0])
    np.testing.assert_array_equal(mask.is_land(lon, lat), [True, False, True])
    grid = mask.is_land(np.linspace(-179, 179, 7)[None, :], np.linspace(-80, 80, 5)[:, None])
    assert grid.shape == (5, 7)
    assert mask.is_land(0.0, 0.0).shape == ()


def test_is_land_agrees_with_raster_lookup_written_by_hand():
    mask = land_mask()
    rng = np.random.default_rng(7)
    lon = rng.uniform(-180, 180, 2000)
    lat = rng.uniform(-90, 90, 2000)
    expected = [mask.raster[_cell_of(x, y)] for x, y in zip(lon, lat, strict=True)]
    np.testing.assert_array_equal(mask.is_land(lon, lat), expected)


def test_map_edges_map_to_edge_cells_and_off_map_raises():
    mask = land_mask()
    row, col = mask.cell_index(np.array([180.0, -180.0, 0.0]), np.array([-90.0, 90.0, 0.0]))
    np.testing.assert_array_equal(row, [719, 0, 360])
    np.testing.assert_array_equal(col, [1439, 0, 720])
    # Antarctica fills the southern edge row; the Arctic Ocean the northern one.
    assert bool(mask.is_land(180.0, -90.0))
    assert not bool(mask.is_land(-180.0, 90.0))
    for lon, lat in [(180.5, 0.0), (-181.0, 0.0), (0.0, 90.1), (0.0, -91.0), (np.nan, 0.0)]:
        with pytest.raises(ValueError, match="between"):
            mask.is_land(lon, lat)


def test_land_mask_rejects_wrong_shape():
    with pytest.raises(ValueError, match="720 rows"):
        LandMask(np.zeros((10, 10), dtype=bool))


# --------------------------------------------------------------------------- p_data


def test_sample_land_shape_and_every_point_on_land():
    points = sample_land(20_000, seed=3)
    assert points.shape == (20_000, 2)
    assert points.dtype == np.float64
    raster = land_mask().raster
    assert all(raster[_cell_of(lon, lat)] for lon, lat in points)
    assert np.all((points[:, 0] >= -180) & (points[:, 0] <= 180))
    assert np.all((points[:, 1] >= -90) & (points[:, 1] <= 90))


def test_sample_land_is_reproducible():
    np.testing.assert_array_equal(sample_land(500, 11), sample_land(500, 11))
    assert not np.array_equal(sample_land(500, 11), sample_land(500, 12))
    rng_a, rng_b = np.random.default_rng(5), np.random.default_rng(5)
    np.testing.assert_array_equal(sample_land(50, rng_a), sample_land(50, rng_b))


def test_sample_land_zero_and_bad_n():
    assert sample_land(0, 1).shape == (0, 2)
    for bad in (-1, 2.5, True, "10"):
        with pytest.raises(ValueError):
            sample_land(bad, 1)


def test_sample_land_is_uniform_over_land_cells():
    """Share of samples in big regions matches the share of land cells there."""
    n = 200_000
    points = sample_land(n, seed=2024)
    raster = land_mask().raster
    lat_centre = 90.0 - 0.125 - 0.25 * np.arange(720)
    lon_centre = -180.0 + 0.125 + 0.25 * np.arange(1440)
    regions = {
        "northern hemisphere": (
            points[:, 1] > 0,
            raster[lat_centre > 0].sum(),
        ),
        "western hemisphere": (
            points[:, 0] < 0,
            raster[:, lon_centre < 0].sum(),
        ),
        "south of 60°S": (
            points[:, 1] < -60,
            raster[lat_centre < -60].sum(),
        ),
        "tropics": (
            np.abs(points[:, 1]) < 23.5,
            raster[np.abs(lat_centre) < 23.5].sum(),
        ),
    }
    total = raster.sum()
    for name, (hit, land_cells) in regions.items():
        expected = land_cells / total
        observed = hit.mean()
        sigma = math.sqrt(expected * (1 - expected) / n)
        assert abs(observed - expected) < 5 * sigma, name


def test_sample_land_is_uniform_inside_cells():
    """Offsets within a cell are uniform: each quarter of the cell gets about a quarter."""
    points = sample_land(100_000, seed=9)
    frac_lon = (points[:, 0] + 180.0) * 4.0 % 1.0
    frac_lat = (90.0 - points[:, 1]) * 4.0 % 1.0
    quadrant = (frac_lon >= 0.5).astype(int) * 2 + (frac_lat >= 0.5)
    counts = np.bincount(quadrant, minlength=4)
    sigma = math.sqrt(100_000 * 0.25 * 0.75)
    assert np.all(np.abs(counts - 25_000) < 5 * sigma)


# --------------------------------------------------------------------------- the box


def test_box_corners_in_any_order_give_the_same_box():
    expected = Box(-10.0, 20.0, -5.0, 15.0)
    for lons in ((-10, 20), (20, -10)):
        for lats in ((-5, 15), (15, -5)):
            box = Box(lons[0], lons[1], lats[0], lats[1])
            assert box == expected
            assert box.as_tuple() == (-10.0, 20.0, -5.0, 15.0)
    assert expected.lon_min <= expected.lon_max
    assert expected.area == 30.0 * 20.0


def test_box_validation():
    with pytest.raises(ValueError, match="inside the map: longitude from -180 to 180, got 200"):
        Box(0, 200, 0, 10)
    with pytest.raises(ValueError, match="latitude from -90 to 90, got -95"):
        Box(0, 10, -95, 10)
    with pytest.raises(ValueError, match="zero width"):
        Box(5, 5, 0, 10)
    with pytest.raises(ValueError, match="zero height"):
        Box(0, 10, 3, 3)
    for bad in (math.nan, math.inf, "1", None, True):
        with pytest.raises(ValueError):
            Box(bad, 10, 0, 10)
    # The whole map is a valid box.
    assert Box(-180, 180, -90, 90).area == 360 * 180


def test_boundary_points_are_inside():
    box = Box(-10, 10, -5, 5)
    edge = np.array(
        [[-10, -5], [10, 5], [-10, 5], [10, -5], [0, 5], [0, -5], [-10, 0], [10, 0]], float
    )
    assert box.contains(edge).all()
    assert box.log_likelihood(edge) == pytest.approx(-8 * math.log(200.0))
    just_out = np.array([[np.nextafter(10.0, 11.0), 0.0], [0.0, np.nextafter(-5.0, -6.0)]])
    assert not box.contains(just_out).any()


def test_log_likelihood_matches_a_hand_computation():
    rng = np.random.default_rng(1)
    for _ in range(200):
        box = _random_box(rng)
        # Half the time, draw points inside the box so the likelihood is not zero.
        if rng.random() < 0.5:
            points = box.sample(int(rng.integers(1, 30)), rng)
        else:
            points = np.column_stack([rng.uniform(-180, 180, 10), rng.uniform(-90, 90, 10)])
        densities = [_density_by_hand(box, lon, lat) for lon, lat in points]
        if all(d > 0 for d in densities):
            expected = sum(math.log(d) for d in densities)
            assert box.log_likelihood(points) == pytest.approx(expected, rel=1e-12)
            assert math.isfinite(box.log_likelihood(points))
        else:
            assert box.log_likelihood(points) == -math.inf
            assert box.likelihood(points) == 0.0


def test_likelihood_small_cases_and_underflow():
    box = Box(0, 10, 0, 10)  # area 100
    points = np.array([[1.0, 1.0], [5.0, 5.0], [9.0, 2.0]])
    assert box.likelihood(points) == pytest.approx(1e-6, rel=1e-12)
    assert box.likelihood(np.empty((0, 2))) == 1.0
    assert box.log_likelihood(np.empty((0, 2))) == 0.0
    # One point outside: likelihood 0, log-likelihood -inf.
    outside = np.vstack([points, [[11.0, 5.0]]])
    assert box.likelihood(outside) == 0.0
    assert box.log_likelihood(outside) == -math.inf
    # Many points inside: the plain likelihood underflows to 0, the log stays exact.
    many = box.sample(1000, 0)
    assert box.likelihood(many) == 0.0
    assert box.log_likelihood(many) == pytest.approx(-1000 * math.log(100.0))
    # A tiny box overflows instead of raising.
    tiny = Box(0, 0.5, 0, 0.5)
    assert tiny.likelihood(tiny.sample(2000, 0)) == math.inf


def test_box_sample_inside_and_reproducible():
    box = Box(-20, 30, 10, 40)
    points = box.sample(5000, 4)
    assert points.shape == (5000, 2)
    assert box.contains(points).all()
    np.testing.assert_array_equal(points, box.sample(5000, 4))
    assert not np.array_equal(points, box.sample(5000, 5))
    # Uniform: the west half gets about half of the points.
    assert abs((points[:, 0] < 5).mean() - 0.5) < 5 * math.sqrt(0.25 / 5000)
    assert box.sample(0, 4).shape == (0, 2)
    with pytest.raises(ValueError):
        box.sample(-3, 4)


def test_points_input_is_checked():
    box = Box(0, 1, 0, 1)
    with pytest.raises(ValueError, match=r"shape \(N, 2\)"):
        box.contains(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="finite"):
        box.contains([[0.5, np.nan]])
    assert box.contains([]).shape == (0,)


# --------------------------------------------------------------------------- the MLE


def test_fit_is_the_bounding_box():
    rng = np.random.default_rng(3)
    for _ in range(50):
        points = np.column_stack([rng.uniform(-150, 150, 40), rng.uniform(-70, 70, 40)])
        fitted = Box.fit(points)
        assert fitted.as_tuple() == (
            min(p[0] for p in points),
            max(p[0] for p in points),
            min(p[1] for p in points),
            max(p[1] for p in points),
        )
        assert fitted.contains(points).all()


def test_fit_beats_every_other_box_that_holds_the_points():
    rng = np.random.default_rng(8)
    points = Box(-20, 40, 30, 60).sample(60, 8)  # known to lie in [-20, 40] x [30, 60]
    best_ll = Box.fit(points).log_likelihood(points)
    assert math.isfinite(best_ll)
    held = 0
    for _ in range(2000):
        # Corners drawn without looking at fit(): half the boxes surely hold every point.
        lon_min, lat_min = rng.uniform(-180, -20), rng.uniform(-90, 30)
        lon_max, lat_max = rng.uniform(40, 180), rng.uniform(60, 90)
        if rng.random() < 0.5:  # the other half may cut into the data
            lon_min, lat_max = rng.uniform(-20, 40), rng.uniform(30, 60)
        other = Box(lon_min, lon_max, lat_min, lat_max)
        inside = all(
            lon_min <= lon <= lon_max and lat_min <= lat <= lat_max for lon, lat in points
        )
        if inside:
            held += 1
            assert other.log_likelihood(points) < best_ll
        else:
            assert other.log_likelihood(points) == -math.inf
    assert held > 500
    # Moving any edge of the brute-force bounding box inwards loses a point.
    lon, lat = points[:, 0], points[:, 1]
    bounds = [min(lon), max(lon), min(lat), max(lat)]
    for edge, inward in zip(range(4), (1e-6, -1e-6, 1e-6, -1e-6), strict=True):
        tighter = list(bounds)
        tighter[edge] += inward
        assert Box(*tighter).log_likelihood(points) == -math.inf


def test_fit_degenerate_cases_raise_with_an_explanation():
    with pytest.raises(ValueError, match="single dot"):
        Box.fit([[10.0, 20.0]])
    with pytest.raises(ValueError, match="same longitude"):
        Box.fit([[10.0, 20.0], [10.0, 25.0]])
    with pytest.raises(ValueError, match="same latitude"):
        Box.fit([[10.0, 20.0], [15.0, 20.0]])
    with pytest.raises(ValueError, match="at least one point"):
        Box.fit(np.empty((0, 2)))


# --------------------------------------------------------------------------- Rule 1 / Rule 2


def test_judge_hand_built_cases():
    paris = (2.35, 48.85)
    sea = (-40.0, 30.0)
    training = np.array([[paris[0] + 0.3, paris[1] + 0.4]])  # 0.5° from Paris
    verdicts = judge(np.array([sea, paris]), training, radius=1.0)
    assert list(verdicts) == ["sea", "copy"]
    assert list(judge(np.array([paris]), training, radius=0.4)) == ["new"]
    far = np.array([[134.0, -25.0]])
    assert list(judge(np.array([paris, sea]), far, radius=1.0)) == ["new", "sea"]


def test_judge_radius_edge_and_exact_copy():
    sample = np.array([[10.0, 50.0]])  # central Germany
    training = np.array([[10.75, 51.0]])  # exactly 1.25° away (0.75² + 1² = 1.25²)
    assert judge(sample, training, 1.25)[0] == "copy"  # the edge counts as a copy
    assert judge(sample, training, 1.2499)[0] == "new"
    assert judge(sample, sample, 0.0)[0] == "copy"
    assert judge(sample, np.empty((0, 2)), 5.0)[0] == "new"


def test_judge_off_map_is_sea_and_bad_radius_raises():
    assert list(judge([[200.0, 0.0], [0.0, -95.0]], [[0.0, 0.0]], 1.0)) == ["sea", "sea"]
    for bad in (-0.1, math.nan, "1"):
        with pytest.raises(ValueError):
            judge([[2.35, 48.85]], [[0.0, 0.0]], bad)


def test_judge_output_type_and_custom_mask():
    verdicts = judge(sample_land(10, 0), sample_land(10, 1), 0.5)
    assert verdicts.shape == (10,)
    assert verdicts.dtype.kind == "U"
    assert set(verdicts) <= set(VERDICTS)
    all_sea = LandMask(np.zeros((720, 1440), dtype=bool))
    assert set(judge(sample_land(10, 0), [[0.0, 0.0]], 1.0, mask=all_sea)) == {"sea"}
    assert judge(np.empty((0, 2)), [[0.0, 0.0]], 1.0).shape == (0,)


def test_judge_and_nearest_distance_match_a_brute_force_loop(monkeypatch):
    # Tiny chunks so the chunked code path runs many times.
    monkeypatch.setattr(world.rules, "_CHUNK_ELEMENTS", 37)
    rng = np.random.default_rng(12)
    box = Box(-20, 40, 30, 60)  # Europe and North Africa: land and sea
    samples = box.sample(300, rng)
    training = sample_land(2000, 13)
    training = training[box.contains(training)][:150]
    radius = 1.5
    mask = land_mask()

    expected_d, expected_v = [], []
    for s_lon, s_lat in samples:
        d = min(math.hypot(s_lon - t_lon, s_lat - t_lat) for t_lon, t_lat in training)
        expected_d.append(d)
        if not mask.raster[_cell_of(s_lon, s_lat)]:
            expected_v.append("sea")
        elif d <= radius:
            expected_v.append("copy")
        else:
            expected_v.append("new")

    np.testing.assert_allclose(nearest_distance(samples, training), expected_d, rtol=1e-12)
    np.testing.assert_array_equal(judge(samples, training, radius), expected_v)
    assert {"sea", "copy", "new"} <= set(expected_v)  # the case covers all three verdicts


def test_judge_samples_draws_from_the_box_and_counts_each_verdict():
    box = Box(-20, 40, 30, 60)
    training = sample_land(400, 2)
    report = judge_samples(box, 500, np.random.default_rng([2, 1]), training, 2.0)
    assert report.samples.shape == (500, 2)
    assert box.contains(report.samples).all()
    again = judge_samples(box, 500, np.random.default_rng([2, 1]), training, 2.0)
    np.testing.assert_array_equal(again.samples, report.samples)  # the seed decides
    # The verdicts, re-derived sample by sample as in the brute-force test above.
    mask = land_mask()
    expected = []
    for s_lon, s_lat in report.samples:
        d = min(math.hypot(s_lon - t_lon, s_lat - t_lat) for t_lon, t_lat in training)
        sea = not mask.raster[_cell_of(s_lon, s_lat)]
        expected.append("sea" if sea else "copy" if d <= 2.0 else "new")
    np.testing.assert_array_equal(report.verdicts, expected)
    tally = {verdict: expected.count(verdict) for verdict in ("sea", "copy", "new")}
    assert report.counts == tally
    assert list(report.counts) == list(VERDICTS)  # in the order the page lays them out
    assert min(tally.values()) > 0  # all three kinds were counted


def test_examples_pick_the_first_sample_of_each_verdict_and_skip_a_missing_one():
    from gdl_core.world import EXAMPLE_LABELS, examples

    assert examples(["new", "sea", "new", "copy"]) == {"sea": 1, "copy": 3, "new": 0}
    assert examples(np.array(["new", "new"])) == {"new": 0}
    assert examples([]) == {}
    assert EXAMPLE_LABELS == {"sea": "A", "copy": "B", "new": "C"}
