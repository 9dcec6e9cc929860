"""The representation page in Chromium: the latent plane is the plane editor of
``ui.box_editor`` in point mode. A click or a drag anywhere moves z, and while the hand moves
the plane draws f(z) itself; on release one message goes to the server and the page draws
f(z) with gdl_core.

What the browser drew during the drag (its live read-out and its picture of f(z)) is
compared with gdl_core; the messages the page sends over its websocket are counted (none
during a drag, one on release).
"""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest

from gdl_core.tins import draw
from gdl_core.tins.figures import tin_tile
from tests.e2e.conftest import SCROLL_TOP, Sent, Visit, finger_drag

pytestmark = pytest.mark.e2e

PLANE = ".st-key-rep_latent_plane"
CANVAS = f"{PLANE} canvas[data-map]"
EXTENT = (2.0, 14.0, 2.0, 14.0)  # width, then height (cm): the plane is every tin f draws
CAPTIONS = """() => [...document.querySelectorAll('.st-key-rep_f_of_z [data-testid="stImage"]')]
  .map(e => e.innerText.trim())"""
#: The red channel of the plane's own picture of f(z), 32 × 32, row by row.
PREVIEW_GREY = """c => { const d = c.getContext('2d').getImageData(0, 0, 32, 32).data;
  const grey = []; for (let i = 0; i < d.length; i += 4) grey.push(d[i]); return grey; }"""
NEXT_FRAME = "() => new Promise(r => requestAnimationFrame(() => r()))"


def _open(visit, query: str = "height=9&width=6"):
    visit.open(f"representation?{query}")
    canvas = visit.page.locator(CANVAS)
    canvas.wait_for()
    canvas.scroll_into_view_if_needed()
    visit.page.wait_for_timeout(300)


def _screen(visit, width: float, height: float) -> tuple[float, float]:
    """Where the latent point (width, height) is on the screen."""
    canvas = visit.page.locator(CANVAS)
    box = canvas.bounding_box()
    left, top, side_x, side_y = map(float, canvas.get_attribute("data-map").split(","))
    x0, x1, y0, y1 = EXTENT
    return (box["x"] + left + (width - x0) / (x1 - x0) * side_x,
            box["y"] + top + (y1 - height) / (y1 - y0) * side_y)


def _live(visit) -> dict:
    """What the plane shows now: its read-out, its point, and its own picture of f(z)."""
    plane = visit.page.locator(PLANE)
    live = plane.locator(".be-live")
    preview = plane.locator(".be-preview")
    width, height = map(float, live.get_attribute("data-point").split(","))
    return {"height": live.locator('[data-k="first"]').text_content(),
            "width": live.locator('[data-k="second"]').text_content(),
            "text": live.inner_text(), "z": (height, width),
            "caption": preview.locator("figcaption").text_content(),
            "preview_z": tuple(map(float, preview.get_attribute("data-z").split(",")))}


def _preview_grey(visit) -> list[int]:
    return visit.page.locator(f"{PLANE} .be-preview canvas").evaluate(PREVIEW_GREY)


def _gdl_core_grey(height: float, width: float) -> list[int]:
    """The grey levels the page shows for f(height, width), from gdl_core."""
    return np.asarray(tin_tile(draw(height, width), scale=1)).ravel().tolist()


def _query(visit) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(visit.page.url).query).items()}


def _check_page_after_release(visit, before_search: str) -> tuple[float, float]:
    """The page got the point: URL, inputs, Python's f(z) and the plane's all agree."""
    page = visit.page
    page.wait_for_function("(b) => location.search !== b", arg=before_search)
    visit.wait_until_idle()
    query = _query(visit)
    height, width = float(query["height"]), float(query["width"])
    live = _live(visit)
    assert live["z"] == (height, width)
    assert (live["height"], live["width"]) == (f"{height:.2f}", f"{width:.2f}")
    assert page.locator(".st-key-rep_height input").input_value() == f"{height:.2f}"
    assert page.locator(".st-key-rep_width input").input_value() == f"{width:.2f}"
    page.wait_for_function(f"() => ({CAPTIONS})()[0] === 'f({height:.2f}, {width:.2f})'")
    alt = page.locator(".st-key-rep_f_of_z img").first.get_attribute("alt")
    assert f"{height:.2f} cm tall and {width:.2f} cm wide" in alt
    # The plane's picture of f(z) is gdl_core's, grey level for grey level.
    assert live["caption"] == f"f({height:.2f}, {width:.2f})"
    assert _preview_grey(visit) == _gdl_core_grey(height, width)
    return height, width


def test_a_drag_on_the_plane_draws_f_of_z_live_and_sends_once(visit):
    sent = Sent(visit.page)
    _open(visit)
    page = visit.page
    before_src = page.locator(".st-key-rep_f_of_z img").first.get_attribute("src")
    before_search = page.evaluate("() => location.search")
    start, end = (6.0, 9.0), (12.5, 3.5)  # from z to wide and short, where no tin was
    (x0, y0), (x1, y1) = _screen(visit, *start), _screen(visit, *end)
    before = sent.count
    page.mouse.move(x0, y0)
    page.mouse.down()
    seen, checked = [], 0
    steps = 12
    for i in range(1, steps + 1):
        page.mouse.move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
        page.evaluate(NEXT_FRAME)
        live = _live(visit)
        seen.append(live)
        # z follows the hand (to a pixel: 12 cm over ~480 px), and f(z) follows z.
        width = start[0] + (end[0] - start[0]) * i / steps
        height = start[1] + (end[1] - start[1]) * i / steps
        assert live["z"] == pytest.approx((height, width), abs=0.06), live
        assert live["preview_z"] == live["z"]
        assert live["caption"] == f"f({live['height']}, {live['width']})"
        if i in (3, 8):  # mid-drag, the browser's own f(z) is gdl_core's
            assert _preview_grey(visit) == _gdl_core_grey(*live["z"])
            checked += 1
    assert checked == 2
    assert len({s["z"] for s in seen}) == steps  # a new z, and a new f(z), every move
    assert sent.count == before  # nothing reached the server while the button was down
    page.mouse.up()
    height, width = _check_page_after_release(visit, before_search)
    assert sent.count == before + 1  # exactly one message on release
    assert (height, width) == seen[-1]["z"] == pytest.approx((3.5, 12.5), abs=0.06)
    assert page.locator(".st-key-rep_f_of_z img").first.get_attribute("src") != before_src
    assert visit.exceptions() == []
    # (A page opened by its own URL first asks for /representation/_stcore/…, which 404s.)
    assert [e for e in visit.console_errors if "404" not in e] == []
    assert visit.foreign_requests == []


def test_clicking_an_empty_spot_of_the_plane_draws_a_new_tin(visit):
    sent = Sent(visit.page)
    _open(visit)
    before_search = visit.page.evaluate("() => location.search")
    before = sent.count
    visit.page.mouse.click(*_screen(visit, 13.5, 13.5))  # no training tin is that big
    height, width = _check_page_after_release(visit, before_search)
    assert (height, width) == pytest.approx((13.5, 13.5), abs=0.06)
    assert sent.count == before + 1
    assert visit.exceptions() == [] and visit.foreign_requests == []


def test_the_keyboard_moves_z_and_the_inputs_move_it_back(visit):
    sent = Sent(visit.page)
    _open(visit)
    page = visit.page
    canvas = page.locator(CANVAS)
    assert canvas.get_attribute("role") == "application"
    assert "latent plane" in canvas.get_attribute("aria-label")
    assert canvas.get_attribute("aria-roledescription") == "point picker"
    canvas.focus()
    assert canvas.evaluate("c => getComputedStyle(c).outlineStyle") != "none"  # visible focus
    status = page.locator(f"{PLANE} [role=status]")
    assert status.get_attribute("aria-live") == "polite"
    before, search = sent.count, page.evaluate("() => location.search")
    page.keyboard.down("ArrowUp")  # taller by the step the help names: 0.25 cm
    assert _live(visit)["z"] == (9.25, 6.0)
    assert "height 9.25 cm" in _live(visit)["text"]
    assert _preview_grey(visit) == _gdl_core_grey(9.25, 6.0)
    assert sent.count == before  # held down: nothing sent yet
    page.keyboard.up("ArrowUp")
    assert _check_page_after_release(visit, search) == (9.25, 6.0)
    assert sent.count == before + 1
    assert status.text_content() == "Point z: height 9.25 cm, width 6.00 cm."
    # Shift: a step of 1 cm.
    before, search = sent.count, page.evaluate("() => location.search")
    page.keyboard.press("Shift+ArrowRight")
    assert _check_page_after_release(visit, search) == (9.25, 7.0)
    assert sent.count == before + 1
    # The number inputs drive the plane too.
    page.locator(".st-key-rep_height input").fill("4.5")
    page.locator(".st-key-rep_height input").press("Enter")
    page.wait_for_function(f"() => ({CAPTIONS})()[0] === 'f(4.50, 7.00)'")
    visit.wait_until_idle()
    assert _live(visit)["z"] == (4.5, 7.0)
    assert _preview_grey(visit) == _gdl_core_grey(4.5, 7.0)
    assert visit.exceptions() == []


def test_a_finger_drags_z_on_a_phone_without_scrolling_the_page(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  device_scale_factor=3)
    page = context.new_page()
    visit = Visit(page, app_url)
    sent = Sent(page)
    _open(visit)
    canvas = page.locator(CANVAS)
    box = canvas.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # sized to the phone
    # Sharp: a canvas pixel for every device pixel.
    assert canvas.evaluate("c => c.width") == round(box["width"] * 3)
    scrolled = page.evaluate(SCROLL_TOP)
    before, search = sent.count, page.evaluate("() => location.search")
    drag = finger_drag(page, _screen(visit, 6, 9), _screen(visit, 10, 13))
    seen = [_live(visit)["z"] for _ in itertools.islice(drag, 10)]
    assert sent.count == before
    assert len(set(seen)) > 5
    assert page.evaluate(SCROLL_TOP) == scrolled  # the finger moved z, not the page
    next(drag, None)  # lift the finger
    height, width = _check_page_after_release(visit, search)
    assert sent.count == before + 1
    assert (height, width) == pytest.approx((13, 10), abs=0.1)
    assert visit.exceptions() == []
    context.close()


def test_on_a_projector_the_plane_fits_the_screen(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    visit = Visit(page, app_url)
    _open(visit, "present=1")
    box = page.locator(CANVAS).bounding_box()
    legend = page.locator(f"{PLANE} .be-legend").bounding_box()
    live = page.locator(f"{PLANE} .be-live").bounding_box()
    # The legend, the plane and its read-out fit on the screen at once.
    assert live["y"] + live["height"] - legend["y"] <= 720 - 60, (legend, box, live)
    assert box["width"] >= 400
    search = page.evaluate("() => location.search")
    page.mouse.click(*_screen(visit, 3, 3))
    assert _check_page_after_release(visit, search) == pytest.approx((3, 3), abs=0.06)
    context.close()
