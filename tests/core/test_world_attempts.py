"""Tests for gdl_core.world.attempts: the training report, one box's score, and the record of
boxes tried.

Every number is checked against a brute-force computation written here: a loop over the
points, a sum of log densities, a plain list of boxes.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdl_core.world import Attempts, Box, Training, sample_land

# --------------------------------------------------------------------------- oracles


def _holds(box: Box, lon: float, lat: float) -> bool:
    return box.lon_min <= lon <= box.lon_max and box.lat_min <= lat <= box.lat_max


def _area(box: Box) -> float:
    return (box.lon_max - box.lon_min) * (box.lat_max - box.lat_min)


def _log_likelihood_by_loop(box: Box, points) -> float:
    """ℓ as the sum over points of log p_model(x), with p_model = 1/area inside, 0 outside."""
    total = 0.0
    for lon, lat in points:
        if not _holds(box, lon, lat):
            return -math.inf
        total += math.log(1.0 / _area(box))
    return total


def _bounding_box_by_loop(points) -> tuple[float, float, float, float]:
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    return (min(lons), max(lons), min(lats), max(lats))


def _random_box(rng: np.random.Generator) -> Box:
    return Box(*rng.uniform(-180, 180, 2), *rng.uniform(-90, 90, 2))


def _tight_boxes(points) -> list[Box]:
    """The bounding box, and the bounding box with each edge moved inwards by one float step
    (each of those misses exactly the points on that edge): the cases at the boundary."""
    bounds = _bounding_box_by_loop(points)
    boxes = [Box(*bounds)]
    for edge, towards in enumerate((math.inf, -math.inf, math.inf, -math.inf)):
        tighter = list(bounds)
        tighter[edge] = math.nextafter(tighter[edge], towards)
        boxes.append(Box(*tighter))
    return boxes


# --------------------------------------------------------------------------- Attempts.add


def test_add_keeps_every_change_in_order_and_skips_a_repeat_of_the_last_box():
    rng = np.random.default_rng(4)
    pool = [_random_box(rng) for _ in range(6)]
    expected: list[Box] = []
    attempts = Attempts()
    for index in rng.integers(0, len(pool), 300):  # many repeats, some of them in a row
        box = pool[index]
        if not expected or expected[-1] != box:
            expected.append(box)
        attempts = attempts.add(box)
        assert list(attempts.boxes) == expected[-150:]
    assert len(expected) > 150  # the limit was reached


def test_add_returns_new_attempts_and_leaves_the_old_ones_alone():
    first = Attempts().add(Box(0, 10, 0, 10))
    second = first.add(Box(0, 20, 0, 10))
    assert first.boxes == (Box(0, 10, 0, 10),)
    assert second.boxes == (Box(0, 10, 0, 10), Box(0, 20, 0, 10))
    assert second.add(Box(20, 0, 10, 0)) is second  # the same rectangle, corners swapped
    with pytest.raises(AttributeError):
        second.boxes = ()  # frozen


def test_the_limit_keeps_the_newest_boxes():
    boxes = [Box(0, width, 0, 1) for width in range(1, 8)]
    attempts = Attempts(limit=3)
    for box in boxes:
        attempts = attempts.add(box)
    assert attempts.boxes == tuple(boxes[-3:])
    assert Attempts(tuple(boxes), limit=2).boxes == tuple(boxes[-2:])


@pytest.mark.parametrize("limit", [0, -1, 2.5, True, "150"])
def test_a_limit_below_one_or_not_a_whole_number_is_refused(limit):
    with pytest.raises(ValueError, match="limit"):
        Attempts(limit=limit)


def test_attempts_must_be_boxes():
    with pytest.raises(ValueError, match="Box"):
        Attempts(((0, 10, 0, 10),))


# --------------------------------------------------------------------------- Attempts.scores


def test_scores_match_a_sum_of_log_densities_point_by_point():
    rng = np.random.default_rng(11)
    points = Box(-30, 50, -10, 40).sample(40, rng)
    boxes = [_random_box(rng) for _ in range(60)] + _tight_boxes(points)
    boxes += [Box(-40, 60, -20, 50), Box(-180, 180, -90, 90)]  # surely hold every point
    attempts = Attempts(tuple(boxes))
    scores = attempts.scores(points)
    assert len(scores) == len(boxes)
    finite = 0
    for box, (area, log_l) in zip(boxes, scores, strict=True):
        expected = _log_likelihood_by_loop(box, points)
        assert area == pytest.approx(_area(box), rel=1e-15)
        if math.isinf(expected):
            assert log_l == -math.inf
        else:
            finite += 1
            assert log_l == pytest.approx(expected, rel=1e-12)
    assert finite >= 3 and finite < len(boxes)  # both kinds were checked
    # The bounding box holds every point; moving any edge in by one step loses one.
    tight = scores[len(boxes) - 7 : len(boxes) - 2]
    assert math.isfinite(tight[0][1])
    assert all(log_l == -math.inf for _, log_l in tight[1:])


def test_scores_come_from_the_points_given_not_from_a_stored_value():
    attempts = Attempts().add(Box(-180, 180, -90, 90)).add(Box(-20, 60, 0, 70))
    for n, seed in ((50, 0), (500, 0), (500, 3)):
        points = sample_land(n, seed)
        expected = [_log_likelihood_by_loop(box, points) for box in attempts.boxes]
        got = [log_l for _, log_l in attempts.scores(points)]
        assert got == pytest.approx(expected, rel=1e-12)


def test_scores_of_no_points_and_of_no_attempts():
    attempts = Attempts((Box(0, 10, 0, 10), Box(-5, 5, -5, 5)))
    assert attempts.scores(np.empty((0, 2))) == ((100.0, 0.0), (100.0, 0.0))  # log of 1
    assert Attempts().scores(sample_land(10, 0)) == ()


# --------------------------------------------------------------------------- Training


def test_training_holds_the_points_and_their_bounding_box_as_mle():
    points = sample_land(300, 9)
    data = Training(points)
    np.testing.assert_array_equal(data.points, points)
    assert data.mle.as_tuple() == _bounding_box_by_loop(points)
    assert data.mle_log_likelihood == pytest.approx(
        _log_likelihood_by_loop(data.mle, points), rel=1e-12
    )
    assert data.no_mle_reason == ""
    np.testing.assert_array_equal(Training.draw(300, 9).points, points)


def test_training_keeps_its_own_read_only_copy():
    points = sample_land(20, 1)
    data = Training(points)
    points[0] = (0.0, 0.0)
    assert tuple(data.points[0]) != (0.0, 0.0)
    with pytest.raises(ValueError):
        data.points[0, 0] = 1.0


@pytest.mark.parametrize(
    "points, reason",
    [([[10.0, 20.0]], "single dot"), ([[10.0, 20.0], [10.0, 25.0]], "same longitude")],
)
def test_training_without_a_best_box_says_why(points, reason):
    data = Training(points)
    assert data.mle is None
    assert math.isnan(data.mle_log_likelihood)
    assert reason in data.no_mle_reason
    assert math.isnan(data.score(Box(0, 30, 0, 30)).gap)


def test_score_matches_counts_and_sums_done_by_hand():
    rng = np.random.default_rng(5)
    points = sample_land(200, 5)
    data = Training(points)
    best_by_hand = _log_likelihood_by_loop(Box(*_bounding_box_by_loop(points)), points)
    boxes = [_random_box(rng) for _ in range(40)] + _tight_boxes(points)
    boxes.append(Box(-180, 180, -90, 90))
    for box in boxes:
        score = data.score(box)
        expected = _log_likelihood_by_loop(box, points)
        assert score.area == pytest.approx(_area(box), rel=1e-15)
        assert score.log_density == pytest.approx(math.log(1.0 / _area(box)), rel=1e-12)
        assert score.outside == sum(not _holds(box, lon, lat) for lon, lat in points)
        if math.isinf(expected):
            assert score.log_likelihood == score.gap == -math.inf
            assert score.outside > 0
        else:
            assert score.log_likelihood == pytest.approx(expected, rel=1e-12)
            assert score.gap == pytest.approx(expected - best_by_hand, abs=1e-9)
            assert score.gap <= 0
    assert data.score(data.mle).gap == 0.0
