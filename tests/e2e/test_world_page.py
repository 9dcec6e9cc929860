"""The world-map page in real Chromium: drag a box with the mouse, reveal the land, sample.

Every number read off the page is recomputed here with gdl_core from the box the page
reports (in the URL), so the test checks the whole path mouse → plotly → Streamlit → maths.
Screenshots go to screenshots/world-*.png.
"""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from gdl_core.world import Box, judge, sample_land

pytestmark = pytest.mark.e2e

TALL = {"width": 1400, "height": 1600}  # a screenshot only holds what the viewport shows


def _open_world(visit, query: str = ""):
    """Open the app at its root, then reach the page as a person would (or by a shared link)."""
    visit.page.set_viewport_size(TALL)
    visit.open()
    if query:
        visit.open(f"world?{query}")
    else:
        visit.page.get_by_test_id("stSidebarNav").get_by_text(
            "Likelihood and the MLE"
        ).click()
        visit.page.wait_for_url("**/world**")
        visit.wait_until_idle()
    visit.page.locator(".st-key-world_map .main-svg").first.wait_for()


def _readout(visit, label: str) -> str:
    metric = visit.page.locator('.st-key-world_readouts [data-testid="stMetric"]').filter(
        has=visit.page.get_by_text(label, exact=True)
    )
    return metric.get_by_test_id("stMetricValue").inner_text().strip()


def _number(text: str) -> float:
    text = text.replace("−", "-").replace(",", "")
    return -math.inf if text == "-∞" else float(text)


def _query(visit) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(visit.page.url).query).items()}


def _box_from_url(visit) -> Box:
    q = _query(visit)
    return Box(*(float(q[k]) for k in ("lon_min", "lon_max", "lat_min", "lat_max")))


def _drag(visit, start: tuple[float, float], end: tuple[float, float]):
    """Press, move in steps and release over the map's drag layer (fractions of its size):
    the invisible subplot x2y2 that world_figure lays over the map."""
    layer = visit.page.locator('.st-key-world_map .nsewdrag[data-subplot="x2y2"]')
    area = layer.bounding_box()
    assert area and area["width"] > 300, area
    x0, y0 = area["x"] + start[0] * area["width"], area["y"] + start[1] * area["height"]
    x1, y1 = area["x"] + end[0] * area["width"], area["y"] + end[1] * area["height"]
    mouse = visit.page.mouse
    mouse.move(x0, y0)
    mouse.down()
    mouse.move(x1, y1, steps=10)
    mouse.up()


def test_drag_a_box_reveal_the_land_and_sample(visit):
    _open_world(visit)
    page = visit.page
    points = sample_land(50, 0)
    assert _readout(visit, "Points outside") == "0 of 50"
    before = _readout(visit, "Log-likelihood ℓ")
    visit.screenshot("world-start")

    # Draw a box over the middle of the map: it will miss points, so ℓ = −∞.
    _drag(visit, (0.25, 0.2), (0.75, 0.7))
    page.wait_for_function("() => !location.search.includes('lon_min=-180.0')")
    visit.wait_until_idle()
    box = _box_from_url(visit)
    assert -180 < box.lon_min < box.lon_max < 180 and -90 < box.lat_min < box.lat_max < 90
    for key, value in zip(("lon_min", "lon_max", "lat_min", "lat_max"), box.as_tuple(),
                          strict=True):
        assert float(page.locator(f".st-key-world_{key} input").input_value()) == value
    page.wait_for_function(
        "() => document.querySelector('.st-key-world_readouts').innerText.includes('−∞')"
    )
    missed = int((~box.contains(points)).sum())
    assert missed > 0
    assert _readout(visit, "Points outside") == f"{missed} of 50"
    assert _readout(visit, "Likelihood L") == "0"
    assert _readout(visit, "Log-likelihood ℓ") == "−∞" != before
    assert page.get_by_text(f"{missed} of the 50 points lie outside your box").is_visible()
    visit.screenshot("world-drag-misses")

    # A box over almost all of the map holds every point: a finite ℓ, computed from the
    # corners the page reports, must match what it shows.
    _drag(visit, (0.005, 0.005), (0.995, 0.995))
    page.wait_for_function(
        "() => !document.querySelector('.st-key-world_readouts').innerText.includes('−∞')"
    )
    visit.wait_until_idle()
    box = _box_from_url(visit)
    expected = box.log_likelihood(points)
    assert math.isfinite(expected)
    assert _number(_readout(visit, "Log-likelihood ℓ")) == pytest.approx(expected, abs=0.005)
    assert _readout(visit, "Points outside") == "0 of 50"

    # Reveal p_data: the land comes in as one layout image under the points.
    page.locator(".st-key-world_land label").click()
    page.wait_for_function("() => location.search.includes('land=1')")
    visit.wait_until_idle()
    page.locator(".st-key-world_map image").first.wait_for(state="attached")
    visit.screenshot("world-land")

    # Fit the MLE, then sample from it and read the verdicts.
    page.locator(".st-key-world_fit_mle").get_by_role("button").click()
    page.wait_for_function(
        "() => document.querySelector('.st-key-world_readouts').innerText.includes('0.00')"
    )
    visit.wait_until_idle()
    best = Box.fit(points)
    assert _box_from_url(visit).as_tuple() == pytest.approx(best.as_tuple())
    assert _readout(visit, "ℓ minus ℓ of the MLE") == "0.00"
    page.locator(".st-key-world_new_samples").get_by_role("button").click()
    verdicts_box = page.locator(".st-key-world_verdicts")
    verdicts_box.wait_for()
    visit.wait_until_idle()
    counts = {}
    for verdict, label in (("sea", "In the sea (A)"), ("copy", "Near-copy (B)"),
                           ("new", "New on land (C)")):
        metric = verdicts_box.locator('[data-testid="stMetric"]').filter(
            has=page.get_by_text(label, exact=True)
        )
        delta = metric.get_by_test_id("stMetricDelta").inner_text()
        counts[verdict] = int(delta.split(" of ")[0])
    assert sum(counts.values()) == 200
    samples = _box_from_url(visit).sample(200, np.random.default_rng([0, 1]))
    verdicts = judge(samples, points, 3.0)
    assert counts == {v: int((verdicts == v).sum()) for v in ("sea", "copy", "new")}
    assert counts["sea"] > 0  # the bounding box of land points still covers a lot of sea
    visit.screenshot("world-samples")
    page.locator(".st-key-world_clear_history").scroll_into_view_if_needed()
    visit.screenshot("world-history-and-verdicts")

    assert visit.exceptions() == []
    assert visit.foreign_requests == []
    assert visit.console_errors == []


def test_a_shared_link_opens_the_same_view_and_bad_values_get_a_notice(visit):
    _open_world(visit, "n=abc&seed=4&lon_min=999&lat_max=60&land=1")
    page = visit.page
    notices = " ".join(page.get_by_test_id("stAlert").all_inner_texts())
    assert "Ignored n=abc in the link" in notices
    assert "lon_min=999 in the link is out of range" in notices
    points = sample_land(50, 4)
    box = Box(-180, 180, -90, 60)  # the flat lon pair went back; lat_max=60 was kept
    assert _box_from_url(visit) == box
    assert _readout(visit, "Points outside") == f"{int((~box.contains(points)).sum())} of 50"
    page.locator(".st-key-world_map image").first.wait_for(state="attached")
    visit.screenshot("world-shared-link")
    assert visit.exceptions() == []
    assert visit.foreign_requests == []
