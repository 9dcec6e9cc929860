"""The world-map page in real Chromium: drag a box with the mouse, a finger or the keys,
reveal the land, sample.

Every number read off the page is recomputed here with gdl_core from the box the page
reports (in the URL), so the test checks the whole path hand → box editor → Streamlit →
maths. The live read-outs the editor computes in the browser during a drag are read before
the release and compared with Python's after it; the messages the page sends over its
websocket are counted (none during a drag, one on release).
Screenshots go to screenshots/world-*.png.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import expect

from gdl_core.numbers import format_likelihood, format_number
from gdl_core.world import Box, judge, sample_land
from tests.e2e.conftest import SCROLL_TOP, Sent, Visit, finger_drag

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
    visit.page.locator(".st-key-world_map canvas[data-map]").wait_for()


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


def _map_area(visit) -> dict:
    """The map's rectangle on the screen (the canvas minus its tick labels)."""
    canvas = visit.page.locator(".st-key-world_map canvas")
    box = canvas.bounding_box()
    left, top, width, height = map(float, canvas.get_attribute("data-map").split(","))
    return {"x": box["x"] + left, "y": box["y"] + top, "width": width, "height": height}


def _screen(visit, lon: float, lat: float) -> tuple[float, float]:
    """Where (lon, lat) is on the screen."""
    area = _map_area(visit)
    return (area["x"] + (lon + 180) / 360 * area["width"],
            area["y"] + (90 - lat) / 180 * area["height"])


def _drag(visit, start: tuple[float, float], end: tuple[float, float]):
    """Press, move in steps and release over the map (fractions of its size)."""
    area = _map_area(visit)
    assert area["width"] > 300, area
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
    alerts = page.get_by_test_id("stAlert").all_inner_texts()
    notices = [a for a in alerts if "in the link" in a]
    assert len(notices) == 2, alerts  # one for each bad value, nothing contradicting them
    assert any("Ignored n=abc in the link" in a for a in notices)
    assert any("lon_min=999 in the link lies off the map, so the box keeps its west edge "
               "at −180°" in a for a in notices)
    assert not [a for a in alerts if "zero width" in a]
    points = sample_land(50, 4)
    box = Box(-180, 180, -90, 60)  # the flat lon pair went back; lat_max=60 was kept
    assert _box_from_url(visit) == box
    assert _readout(visit, "Points outside") == f"{int((~box.contains(points)).sum())} of 50"
    visit.screenshot("world-shared-link")
    assert visit.exceptions() == []
    assert visit.foreign_requests == []


# --------------------------------------------------------------------------- new behaviour

PIXEL = """([selector, xaxis, yaxis, x, y]) => {
    const plot = document.querySelector(selector + ' .js-plotly-plot');
    const r = plot.getBoundingClientRect(), L = plot._fullLayout;
    return [r.left + L[xaxis]._offset + L[xaxis].d2p(x),
            r.top + L[yaxis]._offset + L[yaxis].d2p(y)];
}"""


def _pixel(visit, key: str, xaxis: str, yaxis: str, x: float, y: float):
    """Where the data point (x, y) of the chart under ``key`` is on the screen."""
    return visit.page.evaluate(PIXEL, [f".st-key-{key}", xaxis, yaxis, x, y])


def _hover_text(visit, key: str) -> str:
    return " ".join(h.text_content() for h in
                    visit.page.locator(f".st-key-{key} .hovertext").all())


def _click(visit, key: str):
    visit.page.locator(f".st-key-{key}").get_by_role("button").first.click()
    visit.wait_until_idle()


def _wait_for_box(visit, box: Box):
    visit.page.wait_for_function(
        "([a, b]) => location.search.includes(a) && location.search.includes(b)",
        arg=[f"lon_min={box.lon_min!r}", f"lat_max={box.lat_max!r}"],
    )
    visit.wait_until_idle()


def _tip(visit) -> str:
    tip = visit.page.locator(".st-key-world_map .be-tip")
    return tip.text_content() if tip.is_visible() else ""


def _hover(visit, lon: float, lat: float) -> str:
    visit.page.mouse.move(0, 0)
    # the whole map in view, clear of the app's top bar (a rerun may have scrolled the page)
    visit.page.locator(".st-key-world_map canvas").first.evaluate(
        "c => c.scrollIntoView({block: 'center'})")
    visit.page.mouse.move(*_screen(visit, lon, lat))
    visit.page.wait_for_function(
        "() => !document.querySelector('.st-key-world_map .be-tip')?.hidden")
    return _tip(visit)


def test_hover_tells_where_points_and_samples_are_and_the_verdict_after_the_reveal(visit):
    _open_world(visit, "n=50&seed=0&samples=1&m=30&draw=2")
    points = sample_land(50, 0)
    text = _hover(visit, *points[7])
    assert text.startswith("data point")
    assert f"lon {points[7, 0]:.2f}°, lat {points[7, 1]:.2f}°" in text
    samples = Box(-180, 180, -90, 90).sample(30, np.random.default_rng([0, 2]))
    text = _hover(visit, *samples[0])
    assert text.startswith("sample ·")  # no verdict yet
    legend = visit.page.locator(".st-key-world_map .be-legend").inner_text()
    assert "samples (30)" in legend and "Rule" not in legend
    assert visit.page.locator(".st-key-world_verdicts").count() == 0
    # Reveal the land: the same sample now says what it is.
    visit.page.locator(".st-key-world_land label").click()
    visit.page.locator(".st-key-world_verdicts").wait_for()
    visit.wait_until_idle()
    verdict = judge(samples[:1], points, 3.0)[0]
    label = {"sea": "in the sea (A)", "copy": "near-copy (B)", "new": "new, on land (C)"}
    visit.page.wait_for_timeout(200)
    assert _hover(visit, *samples[0]).startswith(f"sample: {label[verdict]}")
    assert visit.exceptions() == []


def test_click_a_point_of_the_history_to_bring_its_box_back(visit):
    _open_world(visit)
    page = visit.page
    _click(visit, "world_shrink")  # every side 5° in: box #2, which misses points
    shrunk = Box(-175, 175, -85, 85)
    _wait_for_box(visit, shrunk)
    assert _readout(visit, "Log-likelihood ℓ") == "−∞"
    _click(visit, "world_fit_mle")
    best = Box.fit(sample_land(50, 0))
    _wait_for_box(visit, best)
    page.locator(".st-key-world_history_chart").scroll_into_view_if_needed()
    # The cross of box #2, in the −∞ band, brings that box back.
    spot = _pixel(visit, "world_history_chart", "xaxis", "yaxis2", shrunk.area, 0.0)
    page.mouse.move(*spot)
    page.wait_for_function(
        "() => (document.querySelector('.st-key-world_history_chart .hovertext') || {})"
        ".textContent?.includes('box #2')")
    page.mouse.click(*spot)
    _wait_for_box(visit, shrunk)
    assert _readout(visit, "Points outside") == \
        f"{int((~shrunk.contains(sample_land(50, 0))).sum())} of 50"
    # The first box, the whole map, from its dot on the curve.
    page.locator(".st-key-world_history_chart").scroll_into_view_if_needed()
    whole = Box(-180, 180, -90, 90)
    spot = _pixel(visit, "world_history_chart", "xaxis", "yaxis", whole.area,
                  whole.log_likelihood(sample_land(50, 0)))
    page.mouse.click(*spot)
    _wait_for_box(visit, whole)
    assert _readout(visit, "Points outside") == "0 of 50"
    assert visit.exceptions() == []


def test_the_arrows_and_grow_move_the_box(visit):
    _open_world(visit, "lon_min=-100&lon_max=100&lat_min=-50&lat_max=50")
    _click(visit, "world_move_east")
    _wait_for_box(visit, Box(-95, 105, -50, 50))
    visit.page.locator(".st-key-world_nudge_step").get_by_text("1°", exact=True).click()
    visit.wait_until_idle()
    _click(visit, "world_move_north")
    _wait_for_box(visit, Box(-95, 105, -49, 51))
    _click(visit, "world_grow")
    _wait_for_box(visit, Box(-96, 106, -50, 52))
    for key, value in zip(("lon_min", "lon_max", "lat_min", "lat_max"), (-96, 106, -50, 52),
                          strict=True):
        assert float(visit.page.locator(f".st-key-world_{key} input").input_value()) == value
    assert visit.exceptions() == []


def test_a_click_on_the_map_draws_no_box_and_a_small_drag_is_taken(visit):
    _open_world(visit, "lon_min=-100&lon_max=100&lat_min=-50&lat_max=60")
    page = visit.page
    before = page.url
    # A press and release without moving is a click: the box stays.
    page.mouse.click(*_screen(visit, 140, 70))
    page.wait_for_timeout(500)
    visit.wait_until_idle()
    assert page.url == before
    # A drag of three degrees each way is a box (a few pixels on the screen).
    start, end = _screen(visit, 120, 10), _screen(visit, 123, 7)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=5)
    page.mouse.up()
    page.wait_for_function("() => !location.search.includes('lon_min=-100')")
    visit.wait_until_idle()
    box = _box_from_url(visit)  # within a pixel of where the mouse went
    assert box.as_tuple() == pytest.approx((120, 123, 7, 10), abs=0.6)


def test_map_readouts_and_history_fit_one_laptop_screen(visit):
    page = visit.page
    page.set_viewport_size({"width": 1440, "height": 900})
    visit.open()
    visit.open("world")
    page.locator(".st-key-world_history_chart .main-svg").first.wait_for()
    page.wait_for_timeout(500)
    # Scrolled until the hint above the map sits under Streamlit's header: the hint, the
    # controls, the map, ℓ and the chart of every box tried are all on screen at once.
    top = page.evaluate("""() => {
        const header = document.querySelector('[data-testid="stHeader"]');
        const bottom = header ? header.getBoundingClientRect().bottom : 0;
        const hint = document.querySelector('.st-key-world_hint');
        hint.scrollIntoView({block: 'start'});
        let scroller = hint.parentElement;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight
               && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY)))
            scroller = scroller.parentElement;
        (scroller || document.scrollingElement).scrollBy(0, -bottom);
        return bottom;
    }""")
    page.wait_for_timeout(300)
    shown = [page.locator(f".st-key-{key}").bounding_box() for key in (
        "world_hint", "world_nudge_row", "world_map", "world_history_chart")]
    shown.append(page.locator('.st-key-world_readouts [data-testid="stMetric"]').first
                 .bounding_box())
    for box in shown:
        assert box["y"] >= top - 1 and box["y"] + box["height"] <= 900, (top, box)
    # Every step of the overview leads somewhere: 1 to 3 to the map, 4 and 5 to their own.
    for number in range(1, 6):
        assert page.locator(f"#step-{number}").count() == 1
    page.locator(".st-key-world_steps").get_by_role("link", name="Fit the MLE").click()
    page.wait_for_function("() => location.hash === '#step-3'")
    # The map is beside the read-outs, and larger than it used to be (640 × 330 px).
    plot = _map_area(visit)
    readouts = page.locator(".st-key-world_readouts").bounding_box()
    assert plot["x"] + plot["width"] < readouts["x"]
    assert plot["width"] >= 640 and plot["height"] >= 320, plot


# --------------------------------------------------------------------------- the box editor

LIVE = ".st-key-world_map .be-live"
READOUTS = {"outside": "Points outside", "logL": "Log-likelihood ℓ",
            "gap": "ℓ minus ℓ of the MLE", "area": "Area (square degrees)",
            "L": "Likelihood L"}


def _live(visit) -> dict[str, str]:
    """The editor's live read-outs, and the box they are for."""
    live = visit.page.locator(LIVE)
    text = {k: live.locator(f'[data-k="{k}"]').text_content() for k in
            ("inside", "outside", "area", "L", "logL", "gap")}
    text["box"] = live.get_attribute("data-box")
    return text


def _expected(box: Box, n: int = 50, seed: int = 0) -> dict[str, str]:
    """The read-outs gdl_core gives for ``box``, written as the page writes them."""
    points = sample_land(n, seed)
    log_l = box.log_likelihood(points)
    best = Box.fit(points).log_likelihood(points)
    outside = int((~box.contains(points)).sum())
    return {"outside": f"{outside:,} of {n:,}", "logL": format_number(log_l),
            "gap": format_number(log_l - best if math.isfinite(log_l) else log_l),
            "area": format_number(box.area, 0), "L": format_likelihood(log_l),
            "inside": f"{n - outside:,} of {n:,}"}


def _check_after_release(visit, sent: Sent, before: int) -> Box:
    """One message went; the page's box, its read-outs and the live ones all agree."""
    visit.page.wait_for_function("(b) => location.search !== b", arg=visit.page.evaluate(
        "() => location.search"))
    visit.wait_until_idle()
    box = _box_from_url(visit)
    live = _live(visit)
    assert [float(v) for v in live["box"].split(",")] == list(box.as_tuple())
    expected = _expected(box)
    assert {k: live[k] for k in expected} == expected
    for key, label in READOUTS.items():
        assert _readout(visit, label) == expected[key], label
    return box


def _pointer_drag(visit, sent: Sent, start, end, steps=12):
    """Mouse press at ``start`` (lon, lat), moves to ``end``; returns the live read-outs
    seen before the release, then releases."""
    page = visit.page
    page.mouse.move(*_screen(visit, *start))
    page.mouse.down()
    seen = []
    (x0, y0), (x1, y1) = _screen(visit, *start), _screen(visit, *end)
    for i in range(1, steps + 1):
        page.mouse.move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        seen.append(_live(visit))
    return seen


def test_draw_move_and_resize_with_the_mouse_update_live_and_send_once(visit):
    sent = Sent(visit.page)
    _open_world(visit, "lon_min=-100&lon_max=100&lat_min=-50&lat_max=50")
    page = visit.page
    # Draw: a drag on empty map (east of the box).
    before = sent.count
    seen = _pointer_drag(visit, sent, (110, 60), (175, -40))
    assert sent.count == before  # nothing reached the server while the button was down
    assert len({s["box"] for s in seen}) > 5  # the box followed the hand…
    assert len({s["area"] for s in seen}) > 5  # …and so did its read-outs
    for s in seen:  # every live figure is gdl_core's for the box shown at that moment
        assert {k: s[k] for k in ("outside", "area", "logL", "L", "gap")} == {
            k: v for k, v in _expected(Box(*map(float, s["box"].split(",")))).items()
            if k != "inside"}
    page.mouse.up()
    box = _check_after_release(visit, sent, before)
    assert sent.count == before + 1  # exactly one message on release
    assert box.as_tuple() == pytest.approx((110, 175, -40, 60), abs=0.6)

    # Move: a drag inside the box keeps its size.
    before = sent.count
    seen = _pointer_drag(visit, sent, (140, 0), (120, 10))
    assert sent.count == before and len({s["box"] for s in seen}) > 3
    page.mouse.up()
    moved = _check_after_release(visit, sent, before)
    assert sent.count == before + 1
    assert (moved.width, moved.height) == pytest.approx((box.width, box.height), abs=0.011)
    assert moved.lon_min == pytest.approx(box.lon_min - 20, abs=0.6)

    # Resize: the west edge, dragged far west, takes in more points: ℓ becomes finite.
    before = sent.count
    seen = _pointer_drag(visit, sent, (moved.lon_min, 0), (-179.9, 0), steps=20)
    page.mouse.up()
    resized = _check_after_release(visit, sent, before)
    assert sent.count == before + 1
    assert resized.lon_max == moved.lon_max and resized.lon_min < -170
    assert visit.exceptions() == []
    # (A page opened by its own URL first asks for /world/_stcore/…, which 404s.)
    assert [e for e in visit.console_errors if "404" not in e] == []
    assert visit.foreign_requests == []


def test_a_finger_drags_the_box_without_scrolling_the_page(browser, app_url):
    context = browser.new_context(viewport={"width": 800, "height": 900}, has_touch=True)
    page = context.new_page()
    visit = Visit(page, app_url)
    sent = Sent(page)
    visit.open("world?lon_min=-100&lon_max=100&lat_min=-50&lat_max=50")
    page.locator(".st-key-world_map canvas[data-map]").wait_for()
    page.locator(".st-key-world_map canvas").scroll_into_view_if_needed()
    scrolled = page.evaluate(SCROLL_TOP)
    before = sent.count
    drag = finger_drag(page, _screen(visit, 0, 0), _screen(visit, 30, -20))
    seen = [_live(visit) for _ in itertools.islice(drag, 10)]
    assert sent.count == before
    assert len({s["box"] for s in seen}) > 3
    assert page.evaluate(SCROLL_TOP) == scrolled  # the drag moved the box, not the page
    next(drag, None)  # lift the finger
    box = _check_after_release(visit, sent, before)
    assert sent.count == before + 1
    assert (box.width, box.height) == pytest.approx((200, 100), abs=0.011)
    assert box.lon_min == pytest.approx(-70, abs=1) and box.lat_max == pytest.approx(30, abs=1)
    assert visit.exceptions() == []
    context.close()


def test_the_keyboard_moves_and_resizes_the_box(visit):
    sent = Sent(visit.page)
    _open_world(visit, "lon_min=-100&lon_max=100&lat_min=-50&lat_max=50")
    page = visit.page
    canvas = page.locator(".st-key-world_map canvas")
    assert canvas.get_attribute("role") == "application"
    assert "World map" in canvas.get_attribute("aria-label")
    canvas.focus()
    outline = canvas.evaluate("c => getComputedStyle(c).outlineStyle")
    assert outline != "none"  # focus is visible
    before = sent.count
    page.keyboard.down("ArrowRight")
    assert _live(visit)["box"] == "-95,105,-50,50"  # the step is the page's 5°
    assert sent.count == before
    page.keyboard.up("ArrowRight")
    box = _check_after_release(visit, sent, before)
    assert box == Box(-95, 105, -50, 50) and sent.count == before + 1
    status = page.locator(".st-key-world_map [role=status]")
    assert status.get_attribute("aria-live") == "polite"
    assert "95°W to 105°E" in status.text_content()
    before = sent.count
    page.keyboard.press("Shift+ArrowUp")
    box = _check_after_release(visit, sent, before)
    assert box == Box(-95, 105, -50, 55) and sent.count == before + 1
    assert format_number(box.log_likelihood(sample_land(50, 0))) in status.text_content()
    # The inputs drive the map too.
    page.locator(".st-key-world_lon_min input").fill("-120")
    page.locator(".st-key-world_lon_min input").press("Enter")
    expect(page.locator(LIVE)).to_have_attribute("data-box", "-120,105,-50,55")
    assert visit.exceptions() == []


# --------------------------------------------------------------------------- your own points

EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "example-points.csv"
# Frame times in the browser while a drag runs: the gaps between animation frames.
RECORD_FRAMES = """() => { window.__frames = []; window.__recording = true;
  const tick = (t) => { window.__frames.push(t); if (window.__recording)
    requestAnimationFrame(tick); }; requestAnimationFrame(tick); }"""
FRAME_GAPS = """() => { window.__recording = false; const f = window.__frames;
  return f.slice(1).map((t, i) => t - f[i]); }"""


def _upload_points(visit, name: str, content: bytes, n: int):
    """Choose "Your own file", upload ``content`` and wait for the map to show ``n`` points."""
    page = visit.page
    choice = page.locator(".st-key-world_data_source").get_by_text("Your own file")
    if not page.locator(".st-key-world_data_source input[type=file]").count():
        choice.click()
    page.locator(".st-key-world_data_source input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": content})
    expect(page.locator(".st-key-world_map canvas")).to_have_attribute(
        "aria-label", re.compile(f"^World map with your {n:,} points"), timeout=30_000)
    visit.wait_until_idle()


def test_own_points_from_a_file_then_a_fast_drag_over_five_thousand(visit):
    _open_world(visit)
    page = visit.page
    rows = [tuple(map(float, line.split(","))) for line in EXAMPLE.read_text().split()[1:]]
    _upload_points(visit, "example-points.csv", EXAMPLE.read_bytes(), len(rows))
    expect(page.get_by_text("Showing your data from")).to_be_visible()
    expect(page.locator(LIVE)).to_contain_text(f"inside {len(rows)} of {len(rows)}")
    page.get_by_role("button", name="Fit the MLE").first.click()
    lons, lats = [lon for lon, _ in rows], [lat for _, lat in rows]
    expect(page.locator(LIVE)).to_have_attribute(
        "data-box", f"{min(lons):g},{max(lons):g},{min(lats):g},{max(lats):g}")
    visit.screenshot("world-own-points")

    rng = np.random.default_rng(0)
    many = np.round(rng.uniform([-170, -80], [170, 80], (5_000, 2)), 3)
    _upload_points(visit, "many.csv", ("lon,lat\n" + "".join(
        f"{a},{b}\n" for a, b in many)).encode(), 5_000)
    sent = Sent(page)
    page.evaluate(RECORD_FRAMES)
    before = sent.count
    seen = _pointer_drag(visit, sent, (-100, 50), (60, -40), steps=30)
    page.mouse.up()
    gaps = sorted(page.evaluate(FRAME_GAPS))
    assert sent.count == before and len({s["box"] for s in seen}) > 20
    for s in seen:  # the live count is gdl_core's for the box shown at that moment
        box = Box(*map(float, s["box"].split(",")))
        assert s["inside"] == f"{int(box.contains(many).sum()):,} of 5,000"
    # Smooth: the median frame within a 30 Hz budget, none stalled for a quarter second.
    assert gaps[len(gaps) // 2] < 33 and gaps[-1] < 250, gaps[-5:]
    assert visit.exceptions() == []
    assert visit.foreign_requests == []
