"""Moving and resizing a box (Box.shifted, Box.resized), the land share of a box
(LandMask.land_share) and the reason a single point has no best box.

Expected boxes are written out by hand; the land share is checked against a cell-by-cell
loop and against sampling, not against the vectorised formula.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdl_core.world import Box, land_mask

# --------------------------------------------------------------------------- moving


@pytest.mark.parametrize(
    "box, move, expected",
    [
        ((-100, 100, -50, 50), (5, 0), (-95, 105, -50, 50)),
        ((-100, 100, -50, 50), (0, -10), (-100, 100, -60, 40)),
        ((-100, 100, -50, 50), (-3, 7), (-103, 97, -43, 57)),
        ((-178, 0, 80, 88), (-5, 0), (-180, -2, 80, 88)),  # stops at the west edge
        ((-178, 0, 80, 88), (0, 5), (-178, 0, 82, 90)),  # and at the north edge
        ((170, 180, -90, -85), (5, -5), (170, 180, -90, -85)),  # already in the corner
        ((-180, 180, -90, 90), (1, 1), (-180, 180, -90, 90)),  # the whole map cannot move
    ],
)
def test_shifted_moves_the_box_and_stops_at_the_map_edge(box, move, expected):
    moved = Box(*box).shifted(*move)
    assert moved == Box(*expected)
    if moved != Box(*box):
        assert moved.area == pytest.approx(Box(*box).area)  # a move never resizes


@pytest.mark.parametrize("bad", [math.nan, math.inf, "5", None])
def test_shifted_wants_numbers(bad):
    with pytest.raises(ValueError):
        Box(0, 10, 0, 10).shifted(bad, 0)


# --------------------------------------------------------------------------- resizing


@pytest.mark.parametrize(
    "box, by, expected",
    [
        ((-100, 100, -50, 50), 5, (-105, 105, -55, 55)),
        ((-100, 100, -50, 50), -5, (-95, 95, -45, 45)),
        ((-178, 175, 85, 88), 5, (-180, 180, 80, 90)),  # each side stops at its edge
        ((10, 18, 20, 40), -1, (11, 17, 21, 39)),
        ((-180, 180, -90, 90), 10, (-180, 180, -90, 90)),
    ],
)
def test_resized_moves_every_side(box, by, expected):
    assert Box(*box).resized(by) == Box(*expected)


@pytest.mark.parametrize("box, by", [((10, 18, 20, 40), -5), ((10, 18, 20, 40), -4),
                                     ((0, 100, 0, 2), -1)])
def test_shrinking_to_nothing_is_refused_with_the_sizes(box, by):
    with pytest.raises(ValueError, match="would leave nothing") as error:
        Box(*box).resized(by)
    width = box[1] - box[0]
    assert f"{width:g}° wide" in str(error.value)


# --------------------------------------------------------------------------- land share


def _land_share_by_hand(lon_min, lon_max, lat_min, lat_max) -> float:
    """Loop over every quarter-degree cell the rectangle touches, adding the part of it
    that the rectangle covers."""
    raster = land_mask().raster
    land = 0.0
    for row in range(720):
        top, bottom = 90 - 0.25 * row, 90 - 0.25 * (row + 1)
        dy = min(top, lat_max) - max(bottom, lat_min)
        if dy <= 0:
            continue
        for col in range(1440):
            west, east = -180 + 0.25 * col, -180 + 0.25 * (col + 1)
            dx = min(east, lon_max) - max(west, lon_min)
            if dx > 0 and raster[row, col]:
                land += dx * dy
    return land / ((lon_max - lon_min) * (lat_max - lat_min))


@pytest.mark.parametrize(
    "rect",
    [
        (-180, 180, -90, 90),
        (-10.1, 40.37, 30.05, 45.9),  # the Mediterranean: edges mid-cell
        (0.1, 0.2, 0.1, 0.2),  # inside one cell
        (-60.3, -20.7, -10.12, 10.13),
    ],
)
def test_land_share_matches_a_cell_by_cell_count(rect):
    assert land_mask().land_share(*rect) == pytest.approx(_land_share_by_hand(*rect),
                                                          rel=1e-9, abs=1e-12)


def test_land_share_is_what_uniform_samples_from_the_box_find():
    box = Box(-20.3, 60.8, -35.2, 40.1)
    points = box.sample(200_000, seed=1)
    found = land_mask().is_land(points[:, 0], points[:, 1]).mean()
    assert land_mask().land_share(*box.as_tuple()) == pytest.approx(found, abs=0.005)


def test_land_share_refuses_a_rectangle_that_is_not_one():
    with pytest.raises(ValueError, match="must lie on the map"):
        land_mask().land_share(10, 10, 0, 5)
    with pytest.raises(ValueError, match="must lie on the map"):
        land_mask().land_share(0, 200, 0, 5)


# --------------------------------------------------------------------------- one point


def test_a_single_point_has_no_best_box_for_the_right_reason():
    # Before: "every point has the same longitude … Add a point with a different longitude".
    with pytest.raises(ValueError) as error:
        Box.fit(np.array([[12.5, -3.0]]))
    reason = str(error.value)
    assert "single point" in reason and "single dot" in reason
    assert "same longitude" not in reason and "different longitude" not in reason
