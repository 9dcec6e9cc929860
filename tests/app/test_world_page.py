"""The world-map likelihood page in Streamlit's AppTest: box, read-outs, MLE, history, URL.

Every number shown is checked against gdl_core computed here, independently of the page.
"""

from __future__ import annotations

import base64
import json
import math

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from gdl_core.numbers import format_likelihood, format_number
from gdl_core.world import Box, judge, land_mask, sample_land
from tests.app.helpers import open_page, send_from_component
from tests.plotly_specs import unpacked
from ui.demos import PATH

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


def _editor(app) -> dict:
    """The data the page gives the map's box editor, its packed arrays decoded."""
    (editor,) = [e for e in app.get("bidi_component") if e.proto.id.endswith("-world_map")]
    data = json.loads(editor.proto.json)
    data["points"] = np.frombuffer(base64.b64decode(data["points"]), "<f8").reshape(-1, 2)
    if data["samples"] is not None:
        data["samples"] = np.frombuffer(base64.b64decode(data["samples"]), "<f4").reshape(-1, 2)
    return data


def _history_chart(app) -> list[tuple[float, float]]:
    """(area, ℓ) of each box on the history chart, by the box's number: ℓ read off the
    y axis for a box that held every point, −∞ for a cross on the row below."""
    by_number = {}
    for trace in _chart(app, "world_history_chart")["data"]:
        template = trace.get("hovertemplate", "")
        if not template.startswith("box #"):
            continue
        minus_infinity = "ℓ = −∞" in template
        for row, area, log_l in zip(trace["customdata"], trace["x"], trace["y"],
                                    strict=True):
            by_number[row[0]] = (area, -math.inf if minus_infinity else log_l)
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


def _messages(app) -> list[str]:
    """Every error, warning and info box on the page."""
    return [box.value for kind in (app.error, app.warning, app.info) for box in kind]


def test_one_point_has_no_mle_and_one_message_says_why(app):
    # Before: a red error from the button and a blue info under the map said the same
    # thing, and blamed "every point has the same longitude".
    _open(app, n="1")
    before = _box_on_page(app)
    assert app.button(key="world_fit_mle").disabled
    (message,) = [m for m in _messages(app) if "best box" in m]
    assert message.startswith("A single point has no best box")
    assert "single dot" in message and "same longitude" not in message
    assert "Points N** to 2 or more" in message
    assert _box_on_page(app) == before
    assert _metric(app, "ℓ minus ℓ of the MLE") == "—"
    app.number_input(key="world_n").set_value(2).run()
    assert not app.button(key="world_fit_mle").disabled
    assert not [m for m in _messages(app) if "best box" in m]


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
        ({"lon_min": "999"}, "`lon_min=999` in the link lies off the map, so the box keeps "
         "its west edge at −180°.", "world_lon_min", -180.0),  # 180 would leave no width
        ({"lon_min": "500"}, "`lon_min=500` in the link lies off the map, so the box keeps "
         "its west edge at −180°.", "world_lon_min", -180.0),  # before: two notices that
        # contradicted each other ("using 180.0", then "zero width … back where they were")
        ({"lat_min": "95"}, "`lat_min=95` in the link lies off the map, so the box keeps its "
         "south edge at −90°.", "world_lat_min", -90.0),
        ({"lat_max": "95"}, "`lat_max=95` in the link is out of range; using 90.0.",
         "world_lat_max", 90.0),  # the map's edge is a fine north edge
        ({"lat_max": "nan"}, "Ignored `lat_max=nan`", "world_lat_max", 90.0),
    ],
)
def test_bad_query_params_give_a_notice_and_no_exception(app, query, notice, key, value):
    _open(app, **query)
    assert not app.exception
    assert [m for m in _messages(app) if "link" in m or "edge" in m] == [
        w.value for w in app.warning if notice in w.value
    ], _messages(app)  # one notice, and nothing contradicting it
    assert not app.error
    assert app.number_input(key=key).value == value
    n = app.number_input(key="world_n").value
    seed = app.number_input(key="world_seed").value
    expected = _box_on_page(app).log_likelihood(sample_land(n, seed))
    assert _number(_metric(app, "Log-likelihood ℓ")) == pytest.approx(expected, abs=0.005)


def test_a_bad_land_value_in_the_link_keeps_the_land_hidden(app):
    _open(app, land="maybe")
    assert any("Ignored `land=maybe`" in w.value for w in app.warning)
    assert app.toggle(key="world_land").value is False
    assert _editor(app)["land"] is None


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
    _open(app, n="100", seed="3", land="1")
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


# --------------------------------------------------------------------------- the guided flow


def _hint(app) -> tuple[str, str]:
    """(kind, text) of the hint above the map: the first box of the page's hint container."""
    for kind in ("info", "success", "warning", "error"):
        for box in getattr(app, kind):
            if box.value.startswith(("**Step", "**This is the max")) or "no best box" in box.value \
                    or " points lie outside your box" in box.value \
                    or " points lies outside your box" in box.value:
                return kind, box.value
    raise AssertionError(f"no hint among {_messages(app)}")


def test_the_hint_above_the_map_leads_through_the_five_steps(app):
    _open(app)
    points = sample_land(50, 0)
    assert _hint(app)[1].startswith("**Step 1 of 5 · Draw a box around the points.**")
    # A box a little inside the whole map still holds every point: step 2, shrink.
    _set_box(app, -179, 179, -89, 89)
    assert all(Box(-179, 179, -89, 89).contains(points))
    assert _hint(app)[1].startswith("**Step 2 of 5 · Shrink it")
    # Too small: a point falls outside, the hint turns red and says why.
    _set_box(app, -100, 100, -50, 60)
    missed = int((~Box(-100, 100, -50, 60).contains(points)).sum())
    kind, text = _hint(app)
    assert kind == "error" and f"{missed} of the 50 points lie outside your box" in text
    # Back to a box that holds them all: having seen −∞, the next step is the MLE.
    _set_box(app, -179, 179, -89, 89)
    assert _hint(app)[1].startswith("**Step 3 of 5 · Fit the MLE.**")
    app.button(key="world_fit_mle").click().run()
    kind, text = _hint(app)
    assert kind == "success" and "**Step 4 of 5 · Reveal the land.**" in text
    app.toggle(key="world_land").set_value(True).run()
    assert _hint(app)[1].startswith("**Step 5 of 5 · Sample and judge.**")
    app.button(key="world_new_samples").click().run()
    kind, text = _hint(app)
    samples = Box.fit(points).sample(200, np.random.default_rng([0, 1]))
    verdicts = judge(samples, points, 3.0)
    assert kind == "success"
    assert f"{(verdicts == 'sea').mean():.0%} of the samples fell in the sea" in text


def test_one_point_outside_is_said_in_the_singular(app):
    points = sample_land(50, 0)
    west = float(np.sort(points[:, 0])[1])  # just west of the second point: one misses
    _open(app)
    _set_box(app, west - 1e-6, 180, -90, 90)
    assert int((~Box(west - 1e-6, 180, -90, 90).contains(points)).sum()) == 1
    assert "1 of the 50 points lies outside your box" in _hint(app)[1]


def test_the_page_links_its_steps_and_the_next_page(app):
    _open(app)
    overview = " ".join(m.value for m in app.markdown if "](#step-1)" in m.value)
    for number in range(1, 6):
        assert f"](#step-{number})" in overview
    headers = [h.proto.anchor for h in app.header]
    assert "step-4" in headers and "step-5" in headers
    pages = [stop.page for stop in PATH]
    following = pages[pages.index(PAGE) + 1]  # app_pages/<name>.py; a link names <name>
    assert app.get("page_link")[-1].proto.page == following.removeprefix(
        "app_pages/").removesuffix(".py")


# --------------------------------------------------------------------------- samples


def _legend(app) -> list[str]:
    return [label for label, _, _ in _editor(app)["legend"]]


def test_samples_stay_unjudged_until_the_land_is_revealed(app):
    _open(app, n="100", seed="3")
    app.button(key="world_fit_mle").click().run()
    app.button(key="world_new_samples").click().run()
    assert app.toggle(key="world_show_samples").value is True
    assert _legend(app) == ["the data X (100 points)", "your box p_model", "samples (200)"]
    assert _editor(app)["verdicts"] is None  # no verdicts anywhere
    assert _editor(app)["examples"] == []
    labels = {m.label for m in app.metric}
    assert not labels & {"In the sea (A)", "Near-copy (B)", "New on land (C)"}
    text = " ".join(m.value for m in app.markdown)
    assert "breaks" not in text and "Rule 1** is broken" not in text
    assert any("reveal the land" in i.value for i in app.info)
    # The reveal brings the verdicts: colours on the map, fractions and explanations.
    app.toggle(key="world_land").set_value(True).run()
    assert set(_editor(app)["verdicts"]) == {"s", "c", "n"}
    assert {"In the sea (A)", "Near-copy (B)", "New on land (C)"} <= {m.label for m in app.metric}
    assert "**Rule 1** is broken" in " ".join(m.value for m in app.markdown)


def _samples_on_the_map(app) -> dict[str, np.ndarray]:
    """The samples the map shows, by verdict, as (M, 2) arrays."""
    data = _editor(app)
    codes = np.array(list(data["verdicts"]))
    return {verdict: data["samples"][codes == letter]
            for verdict, letter in (("sea", "s"), ("copy", "c"), ("new", "n"))}


def test_a_link_carries_the_samples_and_reproduces_them_exactly(app):
    query = dict(n="100", seed="3", land="1", lon_min="-150", lon_max="170", lat_min="-80",
                 lat_max="80", samples="1", m="400", radius="4.5", draw="7")
    _open(app, **query)
    assert not app.warning
    assert app.toggle(key="world_show_samples").value is True
    assert app.slider(key="world_m").value == 400
    assert app.slider(key="world_radius").value == 4.5
    # The same samples, drawn here from the seed and the draw number the link gives.
    points = sample_land(100, 3)
    samples = Box(-150, 170, -80, 80).sample(400, np.random.default_rng([3, 7]))
    verdicts = judge(samples, points, 4.5)
    shown = _samples_on_the_map(app)
    for verdict in ("sea", "copy", "new"):
        np.testing.assert_allclose(shown[verdict], samples[verdicts == verdict], atol=1e-4)
    assert _metric(app, "Near-copy (B)") == f"{(verdicts == 'copy').mean():.0%}"
    # The page writes all of it back, and moves it on with the buttons.
    assert {k: app.query_params[k] for k in ("samples", "m", "radius", "draw")} == {
        "samples": "1", "m": "400", "radius": "4.5", "draw": "7"}
    app.button(key="world_new_samples").click().run()
    assert app.query_params["draw"] == "8"
    app.slider(key="world_m").set_value(600).run()
    app.toggle(key="world_show_samples").set_value(False).run()
    assert (app.query_params["m"], app.query_params["samples"]) == ("600", "0")


def test_a_second_visitor_with_the_link_sees_the_same_samples(app):
    _open(app, n="60", seed="9", land="1")
    app.button(key="world_fit_mle").click().run()
    for _ in range(3):
        app.button(key="world_new_samples").click().run()
    link = {key: app.query_params[key] for key in app.query_params}
    assert link["draw"] == "3"
    shown = _samples_on_the_map(app)
    other = AppTest.from_file(app._script_path, default_timeout=30)
    _open(other, **link)
    assert not other.warning
    again = _samples_on_the_map(other)
    for verdict in ("sea", "copy", "new"):
        np.testing.assert_array_equal(again[verdict], shown[verdict])


@pytest.mark.parametrize(
    "query, notice, key, value",
    [
        ({"m": "15"}, "`m=15` in the link is not one of the slider's stops; using 10",
         "world_m", 10),
        ({"m": "99999"}, "`m=99999` in the link is out of range", "world_m", 2_000),
        ({"radius": "0.3"}, "`radius=0.3` in the link is not one of the slider's stops",
         "world_radius", 0.5),
        ({"radius": "-2"}, "`radius=-2` in the link is out of range", "world_radius", 0.0),
        ({"draw": "-1"}, "`draw=-1` in the link is out of range", "world_draw", 0),
        ({"draw": "x"}, "Ignored `draw=x`", "world_draw", 0),
        ({"samples": "2"}, "Ignored `samples=2`", "world_show_samples", False),
    ],
)
def test_bad_sampling_values_in_the_link_get_a_notice(app, query, notice, key, value):
    _open(app, **{"land": "1", "samples": "1", **query})
    assert not app.exception
    assert [w.value for w in app.warning if "link" in w.value] == [
        w.value for w in app.warning if notice in w.value
    ]
    assert len([w for w in app.warning if notice in w.value]) == 1
    assert app.session_state[key] == value


def test_a_radius_of_zero_is_said_as_an_exact_repeat(app):
    # Before: "on land but within 0° of an observation".
    _open(app, land="1", samples="1", radius="0")
    text = " ".join(m.value for m in app.markdown)
    assert "within 0°" not in text
    assert "at exactly the spot of an observation" in text
    app.slider(key="world_radius").set_value(2.5).run()
    assert "within 2.5° of an observation" in " ".join(m.value for m in app.markdown)


def test_the_land_share_of_the_box_is_shown_after_the_reveal(app):
    _open(app, land="1")
    share = land_mask().raster.mean()  # the whole map: the share of land cells
    assert f"**{share:.0%} land**" in " ".join(m.value for m in app.markdown)


def test_one_point_is_one_point_in_the_legend(app):
    # Before: "the data X (1 points)".
    _open(app, n="1")
    assert _legend(app)[0] == "the data X (1 point)"


# --------------------------------------------------------------------------- moving the box


def _click_history_point(app, row: list) -> None:
    """What a click on a point of the history chart sends: a selection of that point,
    with its customdata row."""
    (chart,) = [c for c in app.get("plotly_chart") if c.proto.id.endswith(
        "-world_history_chart")]
    states = app._tree.get_widget_states()
    state = states.widgets.add()
    state.id = chart.proto.id
    state.string_value = json.dumps({"selection": {
        "points": [{"curve_number": 1, "point_number": 0, "point_index": 0,
                    "customdata": row}],
        "point_indices": [0], "box": [], "lasso": []}})
    app._run(states)
    assert not app.exception, app.exception


def _history_rows(app) -> dict[int, list]:
    """Each point's customdata on the history chart, by box number (0: the MLE star)."""
    rows = {}
    for trace in _chart(app, "world_history_chart")["data"]:
        for row in trace.get("customdata") or []:
            rows[int(row[0])] = row
    return rows


def test_clicking_a_point_on_the_history_brings_its_box_back(app):
    _open(app)
    points = sample_land(50, 0)
    _set_box(app, -120, 150, -60, 80)  # misses points: a cross in the −∞ band
    _set_box(app, -179, 179, -89, 89)
    tried = _tried(app)
    number = tried.index(Box(-120, 150, -60, 80)) + 1
    rows = _history_rows(app)
    assert Box(*rows[number][1:]) == Box(-120, 150, -60, 80)  # the corners it had
    _click_history_point(app, rows[number])
    assert _box_on_page(app) == Box(-120, 150, -60, 80)
    assert _metric(app, "Log-likelihood ℓ") == "−∞"
    assert _tried(app) == [*tried, Box(-120, 150, -60, 80)]
    _click_history_point(app, _history_rows(app)[1])  # the very first box: the whole map
    assert _box_on_page(app) == WHOLE_MAP
    _click_history_point(app, _history_rows(app)[0])  # the star: the MLE
    assert _box_on_page(app).as_tuple() == pytest.approx(Box.fit(points).as_tuple())
    assert _metric(app, "ℓ minus ℓ of the MLE") == "0.00"


def test_a_click_that_is_not_a_box_changes_nothing(app):
    _open(app)
    _set_box(app, -120, 150, -60, 80)
    before = _tried(app)
    _click_history_point(app, [1, -10, -10, 0, 5])  # no width: not a box
    assert _box_on_page(app) == Box(-120, 150, -60, 80)
    assert _tried(app) == before


def test_the_arrows_grow_and_shrink_move_the_box_by_the_step(app):
    _open(app)
    _set_box(app, -100, 100, -50, 50)
    typed = len(_tried(app))
    app.button(key="world_move_east").click().run()
    assert _box_on_page(app) == Box(-95, 105, -50, 50)  # the default step is 5°
    app.segmented_control(key="world_nudge_step").set_value(1).run()
    app.button(key="world_move_north").click().run()
    assert _box_on_page(app) == Box(-95, 105, -49, 51)
    app.button(key="world_move_west").click().run()
    app.button(key="world_move_south").click().run()
    assert _box_on_page(app) == Box(-96, 104, -50, 50)
    app.segmented_control(key="world_nudge_step").set_value(10).run()
    app.button(key="world_grow").click().run()
    assert _box_on_page(app) == Box(-106, 114, -60, 60)
    app.button(key="world_shrink").click().run()
    app.button(key="world_shrink").click().run()
    assert _box_on_page(app) == Box(-86, 94, -40, 40)
    assert app.query_params["lon_min"] == "-86.0"
    assert len(_tried(app)) == typed + 7  # every move is a box tried


def test_the_box_stops_at_the_edge_of_the_map_and_says_so(app):
    _open(app)
    _set_box(app, -178, 0, 80, 88)
    app.button(key="world_move_west").click().run()
    assert _box_on_page(app) == Box(-180, -2, 80, 88)  # only as far as the edge
    app.button(key="world_move_west").click().run()
    assert _box_on_page(app) == Box(-180, -2, 80, 88)
    assert any("already touches the west edge" in i.value for i in app.info)
    app.button(key="world_grow").click().run()
    assert _box_on_page(app) == Box(-180, 3, 75, 90)
    app.button(key="world_whole_map").click().run()
    app.button(key="world_grow").click().run()
    assert any("already covers the whole map" in i.value for i in app.info)


def test_shrinking_a_box_to_nothing_is_refused_with_a_reason(app):
    _open(app)
    _set_box(app, 10, 18, 20, 40)
    app.button(key="world_shrink").click().run()
    assert _box_on_page(app) == Box(10, 18, 20, 40)
    (warning,) = [w.value for w in app.warning]
    assert "8° wide" in warning and "smaller step" in warning
    app.segmented_control(key="world_nudge_step").set_value(1).run()
    app.button(key="world_shrink").click().run()
    assert _box_on_page(app) == Box(11, 17, 21, 39)


def test_reset_puts_every_setting_back_and_forgets_the_history(app):
    _open(app)
    _set_box(app, -100, 100, -50, 50)
    app.number_input(key="world_n").set_value(120).run()
    app.number_input(key="world_seed").set_value(4).run()
    app.toggle(key="world_land").set_value(True).run()
    app.slider(key="world_m").set_value(500).run()
    app.slider(key="world_radius").set_value(6.0).run()
    app.button(key="world_new_samples").click().run()
    app.segmented_control(key="world_nudge_step").set_value(1).run()
    assert len(_tried(app)) > 1
    app.button(key="world_reset").click().run()
    assert not app.exception
    assert _box_on_page(app) == WHOLE_MAP
    assert app.number_input(key="world_n").value == 50
    assert app.number_input(key="world_seed").value == 0
    assert app.toggle(key="world_land").value is False
    assert app.toggle(key="world_show_samples").value is False
    assert app.slider(key="world_m").value == 200
    assert app.slider(key="world_radius").value == 3.0
    assert app.segmented_control(key="world_nudge_step").value == 5
    assert app.session_state["world_draw"] == 0
    assert _tried(app) == [WHOLE_MAP]
    assert {k: app.query_params[k] for k in ("n", "seed", "land", "samples", "m", "radius",
                                             "draw", "lon_min")} == {
        "n": "50", "seed": "0", "land": "0", "samples": "0", "m": "200", "radius": "3",
        "draw": "0", "lon_min": "-180.0"}


# --------------------------------------------------------------------------- θ, A, B and C


def test_the_edges_are_named_as_the_parameters_theta_and_the_density_is_said(app):
    _open(app)
    labels = {key: app.number_input(key=key).label for key in CORNERS}
    assert labels == {"world_lon_min": "θ₁ west edge (lon_min)",
                      "world_lat_min": "θ₂ south edge (lat_min)",
                      "world_lon_max": "θ₃ east edge (lon_max)",
                      "world_lat_max": "θ₄ north edge (lat_max)"}
    text = " ".join(m.value for m in app.markdown)
    assert "(θ₁, θ₂)" in text and "(θ₃, θ₄)" in text
    assert "**sample space** is every (longitude, latitude) point of the map" in text
    assert "1/area at each point inside it and 0 everywhere outside" in text


def test_a_b_and_c_mark_one_sample_of_each_verdict_only_after_the_reveal(app):
    _open(app, n="100", seed="3", lon_min="-150", lon_max="170", lat_min="-80",
          lat_max="80", samples="1", m="400", radius="4.5", draw="7")
    assert _editor(app)["examples"] == []  # samples shown, land hidden: nothing judged
    assert "the map marks one sample of each kind" not in " ".join(c.value for c in app.caption)
    app.toggle(key="world_land").set_value(True).run()
    examples = _editor(app)["examples"]
    assert [(e["label"], e["verdict"]) for e in examples] == [
        ("A", "sea"), ("B", "copy"), ("C", "new")]
    samples = Box(-150, 170, -80, 80).sample(400, np.random.default_rng([3, 7]))
    verdicts = judge(samples, sample_land(100, 3), 4.5)
    for example in examples:
        spot = np.array([example["lon"], example["lat"]])
        (index,) = np.flatnonzero(np.all(samples == spot, axis=1))  # an actual sample…
        assert verdicts[index] == example["verdict"]  # …with that verdict
    assert any("marks one sample of each kind with its letter (A, B, C)" in c.value
               for c in app.caption)


def test_a_missing_kind_of_sample_is_said_instead_of_marked(app):
    # A small box on land far from every point: no sample can be in the sea or a copy.
    _open(app, n="5", seed="0", land="1", samples="1", m="10", radius="0",
          lon_min="20", lon_max="21", lat_min="10", lat_max="11")
    verdicts = judge(Box(20, 21, 10, 11).sample(10, np.random.default_rng([0, 0])),
                     sample_land(5, 0), 0.0)
    assert set(verdicts) == {"new"}
    assert [e["label"] for e in _editor(app)["examples"]] == ["C"]
    captions = " ".join(c.value for c in app.caption)
    assert "No sample is in the sea this time, so the map has no A." in captions
    assert "No sample is a near-copy this time, so the map has no B." in captions


def test_with_the_land_revealed_and_no_samples_the_page_says_what_a_b_c_will_be(app):
    _open(app, land="1")
    assert _editor(app)["examples"] == []
    assert any("marks one of each kind: **A** in the sea" in c.value for c in app.caption)


# --------------------------------------------------------------------------- the box editor


def _send_from_the_map(app, corners, seq: str = "1") -> None:
    """What the map's box editor sends when a drag ends: its state with the new box."""
    send_from_component(app, "world_map", {"box": {"corners": list(corners), "seq": seq}})


def test_a_box_from_the_map_is_recomputed_by_the_page_and_written_everywhere(app):
    _open(app)
    points = sample_land(50, 0)
    _send_from_the_map(app, [150.25, -170.5, -60, 75.75])  # dragged right to left
    box = Box(-170.5, 150.25, -60, 75.75)
    assert _box_on_page(app) == box
    assert app.query_params["lon_min"] == "-170.5" and app.query_params["lat_max"] == "75.75"
    assert _tried(app)[-1] == box
    assert _editor(app)["box"] == list(box.as_tuple())
    expected = box.log_likelihood(points)
    assert _metric(app, "Log-likelihood ℓ") == format_number(expected)
    assert _metric(app, "Points outside") == f"{int((~box.contains(points)).sum())} of 50"
    # The same box sent again (a new drag that ended in the same place) is no change, and
    # the inputs still drive the map: the editor is given the typed box.
    _send_from_the_map(app, [150.25, -170.5, -60, 75.75], seq="2")
    assert _tried(app)[-1] == box
    _set_box(app, -100, 100, -50, 50)
    assert _editor(app)["box"] == [-100, 100, -50, 50]


def test_a_box_without_area_from_the_map_is_refused_and_the_old_one_kept(app):
    _open(app, lon_min="-100", lon_max="100", lat_min="-50", lat_max="50")
    _send_from_the_map(app, [10, 10, -5, 5])
    assert _box_on_page(app) == Box(-100, 100, -50, 50)
    assert any("no box with an area" in w.value for w in app.warning)


def test_the_editor_gets_the_points_exactly_and_the_mle_score(app):
    _open(app, n="300", seed="5")
    data = _editor(app)
    points = sample_land(300, 5)
    np.testing.assert_array_equal(data["points"], points)  # bit for bit: float64
    assert data["mle_log_l"] == Box.fit(points).log_likelihood(points)
    assert data["step"] == 5.0
