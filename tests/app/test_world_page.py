"""The world-map likelihood page in Streamlit's AppTest: box, read-outs, MLE, history, URL.

Every number shown is checked against gdl_core computed here, independently of the page.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from gdl_core.numbers import format_likelihood
from gdl_core.world import Box, judge, sample_land
from tests.app.helpers import open_page
from tests.plotly_specs import unpacked

PAGE = "app_pages/world.py"
CORNERS = ("world_lon_min", "world_lon_max", "world_lat_min", "world_lat_max")
WHOLE_MAP = Box(-180, 180, -90, 90)


def _open(app, **query):
    return open_page(app, PAGE, **query)


def _metric(app, label: str) -> str:
    values = [m.value for m in app.metric if m.label == label]
    assert len(values) == 1, f"no single read-out {label!r} among {[m.label for m in app.metric]}"
    return values[0]


def _number(text: str) -> float:
    text = text.replace("−", "-").replace(",", "")
    return -math.inf if text == "-∞" else float(text)


def _set_box(app, lon_min, lon_max, lat_min, lat_max):
    for key, value in zip(CORNERS, (lon_min, lon_max, lat_min, lat_max), strict=True):
        app.number_input(key=key).set_value(float(value)).run()
        assert not app.exception, app.exception


def _box_on_page(app) -> Box:
    return Box(*(app.number_input(key=key).value for key in CORNERS))


def _tried(app) -> list[Box]:
    """The boxes the page keeps as tried, oldest first."""
    return list(app.session_state["world_state"]["attempts"].boxes)


def _chart(app, key: str) -> dict:
    """The plotly spec of the chart with ``key``, its packed arrays decoded."""
    (chart,) = [c for c in app.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return unpacked(json.loads(chart.proto.spec))


def _history_chart(app) -> list[tuple[float, float]]:
    """(area, ℓ) of each box on the history chart, by the box's number: ℓ read off the
    y axis for a box that held every point, −∞ for a cross on the row below."""
    by_number = {}
    for trace in _chart(app, "world_history_chart")["data"]:
        template = trace.get("hovertemplate", "")
        if not template.startswith("box #"):
            continue
        minus_infinity = "ℓ = −∞" in template
        for number, area, log_l in zip(trace["customdata"], trace["x"], trace["y"],
                                       strict=True):
            by_number[number] = (area, -math.inf if minus_infinity else log_l)
    assert sorted(by_number) == list(range(1, len(by_number) + 1))
    return [by_number[number] for number in sorted(by_number)]


def _assert_history_shows(app, boxes: list[Box], points) -> None:
    shown = _history_chart(app)
    assert len(shown) == len(boxes)
    for box, (area, log_l) in zip(boxes, shown, strict=True):
        assert area == pytest.approx(box.area, rel=1e-12)
        expected = box.log_likelihood(points)
        if math.isinf(expected):
            assert log_l == expected
        else:
            assert log_l == pytest.approx(expected, rel=1e-12)


def test_page_opens_with_the_data_hidden_and_a_box_over_the_whole_map(app):
    _open(app)
    assert "Likelihood and maximum likelihood" in [title.value for title in app.title]
    assert app.toggle(key="world_land").value is False
    points = sample_land(50, 0)
    assert _box_on_page(app) == WHOLE_MAP
    assert _metric(app, "Area (square degrees)") == "64,800"
    assert _number(_metric(app, "Log-likelihood ℓ")) == pytest.approx(
        WHOLE_MAP.log_likelihood(points), abs=0.005
    )
    assert _metric(app, "Likelihood L") == format_likelihood(WHOLE_MAP.log_likelihood(points))
    assert _metric(app, "Points outside") == "0 of 50"
    text = " ".join(m.value for m in app.markdown)
    for word in ("p_data", "p_model", "maximum likelihood estimate", "Rule 1", "Rule 2"):
        assert word in text or word in " ".join(m.value for m in app.subheader)


def test_setting_corners_shows_that_boxes_likelihood(app):
    _open(app)
    _set_box(app, -178, 175, -89.9, 84)
    points = sample_land(50, 0)
    box = Box(-178, 175, -89.9, 84)
    expected = box.log_likelihood(points)
    assert math.isfinite(expected)  # this box holds all 50 points
    assert _number(_metric(app, "Log-likelihood ℓ")) == pytest.approx(expected, abs=0.005)
    assert _metric(app, "Points outside") == "0 of 50"
    # Area 353 × 173.9 = 61,386.7 square degrees, so a density of 1/61,386.7 = 1.63e-5.
    assert _metric(app, "Area (square degrees)") == "61,387"
    assert _metric(app, "Density inside, 1/area") == "1.6 × 10⁻⁵"
    gap = expected - Box.fit(points).log_likelihood(points)
    assert gap < 0
    assert _number(_metric(app, "ℓ minus ℓ of the MLE")) == pytest.approx(gap, abs=0.005)


def test_fit_the_mle_button_gives_the_bounding_box_and_its_log_likelihood(app):
    _open(app, n="200", seed="7")
    app.button(key="world_fit_mle").click().run()
    assert not app.exception
    points = sample_land(200, 7)
    best = Box.fit(points)
    assert _box_on_page(app).as_tuple() == pytest.approx(best.as_tuple())
    expected = best.log_likelihood(points)
    assert _number(_metric(app, "Log-likelihood ℓ")) == pytest.approx(expected, abs=0.005)
    assert _metric(app, "ℓ minus ℓ of the MLE") == "0.00"
    assert _metric(app, "Points outside") == "0 of 200"
    assert _metric(app, "Likelihood L") == format_likelihood(expected)
    # The URL carries the MLE exactly, so a shared link scores the same.
    shared = Box(*(float(app.query_params[k]) for k in ("lon_min", "lon_max", "lat_min",
                                                       "lat_max")))
    assert shared.log_likelihood(points) == expected


def test_a_box_that_misses_points_counts_them_and_scores_minus_infinity(app):
    _open(app)
    _set_box(app, -100, 100, -50, 60)
    points = sample_land(50, 0)
    missed = int((~Box(-100, 100, -50, 60).contains(points)).sum())
    assert missed > 0
    assert _metric(app, "Points outside") == f"{missed} of 50"
    assert _metric(app, "Likelihood L") == "0"
    assert _metric(app, "Log-likelihood ℓ") == "−∞"
    assert _metric(app, "ℓ minus ℓ of the MLE") == "−∞"
    reason = " ".join(e.value for e in app.error)
    assert f"{missed} of the 50 points lie outside your box" in reason
    assert "density 0" in reason and "−∞" in reason


def test_every_change_of_box_lands_in_the_history_and_clear_empties_it(app):
    _open(app)
    points = sample_land(50, 0)
    assert _tried(app) == [WHOLE_MAP]
    _set_box(app, -170, 180, -90, 90)  # one corner moves; the other three keep their values
    app.button(key="world_fit_mle").click().run()
    boxes = [WHOLE_MAP, Box(-170, 180, -90, 90), Box.fit(points)]
    assert _tried(app) == boxes
    _assert_history_shows(app, boxes, points)
    app.run()  # a rerun with the same box adds nothing
    assert _tried(app) == boxes
    app.button(key="world_clear_history").click().run()
    assert _tried(app) == [Box.fit(points)]  # only the box on the map now
    _assert_history_shows(app, [Box.fit(points)], points)


def test_history_is_rescored_when_the_data_change(app):
    _open(app)
    app.button(key="world_fit_mle").click().run()  # the MLE of 50 points misses some of 500
    _set_box(app, -100, 100, -50, 60)
    boxes = _tried(app)
    app.number_input(key="world_n").set_value(500).run()
    assert _tried(app) == boxes
    points = sample_land(500, 0)
    scores = [box.log_likelihood(points) for box in boxes]
    assert any(math.isinf(s) for s in scores) and any(math.isfinite(s) for s in scores)
    _assert_history_shows(app, boxes, points)
    app.number_input(key="world_seed").set_value(8).run()
    _assert_history_shows(app, boxes, sample_land(500, 8))


def test_zero_width_box_is_refused_and_the_previous_box_kept(app):
    _open(app)
    _set_box(app, -120, 150, -60, 80)
    before = _tried(app)
    app.number_input(key="world_lon_min").set_value(150.0).run()
    assert not app.exception
    assert "zero width" in " ".join(e.value for e in app.error)
    assert _box_on_page(app) == Box(-120, 150, -60, 80)
    assert _tried(app) == before


def test_corners_in_reverse_order_are_swapped_with_a_note(app):
    _open(app)
    _set_box(app, -120, 150, -60, 80)
    app.number_input(key="world_lat_min").set_value(85.0).run()
    assert not app.exception
    assert _box_on_page(app).as_tuple() == (-120, 150, 80, 85)
    assert app.number_input(key="world_lat_min").value == 80
    assert "reverse order" in " ".join(i.value for i in app.info)


def test_one_point_has_no_mle_and_the_button_says_why(app):
    _open(app, n="1")
    before = _box_on_page(app)
    app.button(key="world_fit_mle").click().run()
    assert not app.exception
    message = " ".join(e.value for e in app.error)
    assert "No maximum-likelihood box" in message and "single dot" in message
    assert _box_on_page(app) == before
    assert _metric(app, "ℓ minus ℓ of the MLE") == "—"


def test_query_params_round_trip(app):
    _open(app, n="300", seed="5", land="1", lon_min="-150.5", lon_max="170.25",
          lat_min="-80", lat_max="75.125")
    assert app.number_input(key="world_n").value == 300
    assert app.number_input(key="world_seed").value == 5
    assert app.toggle(key="world_land").value is True
    assert _box_on_page(app) == Box(-150.5, 170.25, -80, 75.125)
    assert not app.warning
    points = sample_land(300, 5)
    expected = Box(-150.5, 170.25, -80, 75.125).log_likelihood(points)
    assert _number(_metric(app, "Log-likelihood ℓ")) == pytest.approx(expected, abs=0.005)
    # Changing the view rewrites the URL.
    app.number_input(key="world_lat_max").set_value(60.0).run()
    app.toggle(key="world_land").set_value(False).run()
    assert app.query_params["lat_max"] == "60.0"
    assert app.query_params["land"] == "0"
    assert app.query_params["n"] == "300"
    assert float(app.query_params["lon_min"]) == -150.5


@pytest.mark.parametrize(
    "query, notice, key, value",
    [
        ({"n": "abc"}, "Ignored `n=abc`", "world_n", 50),
        ({"n": "2.5"}, "Ignored `n=2.5`", "world_n", 50),
        ({"n": "999999"}, "`n=999999` in the link is out of range", "world_n", 5_000),
        ({"seed": "-3"}, "`seed=-3` in the link is out of range", "world_seed", 0),
        ({"lon_min": "999"}, "`lon_min=999` in the link is out of range", "world_lon_min",
         -180.0),  # clamped to 180, a flat box, so the west edge went back
        ({"lat_max": "nan"}, "Ignored `lat_max=nan`", "world_lat_max", 90.0),
    ],
)
def test_bad_query_params_give_a_notice_and_no_exception(app, query, notice, key, value):
    _open(app, **query)
    assert not app.exception
    assert any(notice in w.value for w in app.warning), [w.value for w in app.warning]
    assert app.number_input(key=key).value == value
    n = app.number_input(key="world_n").value
    seed = app.number_input(key="world_seed").value
    expected = _box_on_page(app).log_likelihood(sample_land(n, seed))
    assert _number(_metric(app, "Log-likelihood ℓ")) == pytest.approx(expected, abs=0.005)


def test_a_bad_land_value_in_the_link_keeps_the_land_hidden(app):
    _open(app, land="maybe")
    assert any("Ignored `land=maybe`" in w.value for w in app.warning)
    assert app.toggle(key="world_land").value is False
    assert not _chart(app, "world_map")["layout"].get("images")


def test_a_link_with_a_flat_box_keeps_the_good_edges(app):
    _open(app, lon_min="999", lat_max="45.5")  # lon_min clamps to 180 = lon_max
    assert not app.exception
    box = _box_on_page(app)
    assert (box.lon_min, box.lon_max) == (-180, 180)
    assert (box.lat_min, box.lat_max) == (-90, 45.5)


def test_state_survives_a_trip_to_another_page(app):
    _open(app)
    _set_box(app, -150, 160, -85, 80)
    app.number_input(key="world_n").set_value(120).run()
    app.slider(key="world_m").set_value(500).run()
    app.slider(key="world_radius").set_value(5.5).run()
    history = _tried(app)
    app.switch_page("app_pages/home.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert _box_on_page(app) == Box(-150, 160, -85, 80)
    assert app.number_input(key="world_n").value == 120
    assert app.slider(key="world_m").value == 500
    assert app.slider(key="world_radius").value == 5.5
    assert _tried(app) == history


def test_new_data_moves_the_seed_on(app):
    _open(app, seed="41")
    app.button(key="world_new_data").click().run()
    assert app.number_input(key="world_seed").value == 42
    assert app.query_params["seed"] == "42"


def test_samples_are_judged_and_their_fractions_shown(app):
    _open(app, n="100", seed="3")
    app.button(key="world_fit_mle").click().run()
    app.slider(key="world_m").set_value(400).run()
    app.slider(key="world_radius").set_value(4.0).run()
    app.button(key="world_new_samples").click().run()
    assert not app.exception
    assert app.toggle(key="world_show_samples").value is True
    labels = ("In the sea (A)", "Near-copy (B)", "New on land (C)")
    counts = [int(m.delta.split(" of ")[0].replace(",", "")) for label in labels
              for m in app.metric if m.label == label]
    assert sum(counts) == 400
    # The same counts, recomputed here from gdl_core with the page's seeds.
    points = sample_land(100, 3)
    samples = Box.fit(points).sample(400, np.random.default_rng([3, 1]))
    verdicts = judge(samples, points, 4.0)
    assert counts == [int((verdicts == v).sum()) for v in ("sea", "copy", "new")]
    for label, count in zip(labels, counts, strict=True):
        assert _metric(app, label) == f"{count / 400:.0%}"
