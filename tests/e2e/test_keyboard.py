"""Each page's main interaction with the keyboard alone, and a focus a person can see.

From the top of the page, Tab (``page.keyboard`` only, no clicks, no ``focus()``) reaches the
control, the arrow keys, typing or Enter work it, and the page answers. Each focused control
must look different from the same control unfocused (a screenshot of it either way), and no
tab stop on the way may be invisible.
"""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image, ImageChops

from tests.e2e.conftest import Visit
from tests.e2e.test_screens import LOADED

#: Tab presses allowed from the top of a page to its control (the sidebar's links come first).
MAX_TABS = 60
#: Pixels that must change between a control focused and unfocused: a ring around it, not a
#: one-pixel colour change.
MIN_CHANGED_PIXELS = 150

#: What the focused element is: tag, role, accessible name, its test id, whether a person can
#: see it (its box, or the box of what draws it, has a size and is not transparent), and what
#: kind of stop it is.
ACTIVE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const label = (e.getAttribute('aria-label') || e.getAttribute('aria-valuetext')
    || (e.labels && e.labels[0] && e.labels[0].innerText) || e.innerText || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 80);
  const testid = (e.closest('[data-testid]') || e).getAttribute('data-testid') || '';
  let visible = true;
  for (let n = e; n && n !== document.body; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.opacity === '0' || s.visibility === 'hidden' || s.display === 'none') visible = false;
  }
  const r = e.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) visible = false;
  const control = ['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'SUMMARY'].includes(e.tagName)
    || ['tab', 'slider', 'combobox', 'radio', 'switch'].includes(e.getAttribute('role') || '');
  return {tag: e.tagName, role: e.getAttribute('role') || '', label, testid, visible,
          inMain: !!e.closest('[data-testid="stMain"]'),
          skipLink: testid === 'stSkipToContent', pageLink: testid.startsWith('stPageLink'),
          control: control && !/Reset this page/.test(label)
            && testid !== 'stTooltipHoverTarget'};
}"""


def _open(page, url: str) -> None:
    page.goto(url)
    Visit(page, "").wait_until_idle(60_000)
    page.wait_for_function(LOADED, timeout=30_000)


def _idle(page) -> None:
    page.wait_for_timeout(300)
    Visit(page, "").wait_until_idle()


def tab_to(page, matches, limit: int = MAX_TABS) -> tuple[dict, int]:
    """Press Tab until the focused element ``matches`` (a predicate on :data:`ACTIVE`'s
    dict); fail on an invisible tab stop in the app's content on the way. Returns the
    element and the number of presses."""
    seen = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active is None:
            continue
        if not active["visible"]:  # it may fade in: give a transition time to end
            page.wait_for_timeout(400)
            active = page.evaluate(ACTIVE)
        seen.append(f"{active['tag']}:{active['label'][:30]}")
        assert active["visible"] or not active["inMain"], (
            f"invisible tab stop after {presses} Tabs: {active}")
        if matches(active):
            return active, presses
    pytest.fail(f"not reached in {limit} Tabs; went through {seen}")


def _focused_box(page) -> dict:
    return page.evaluate("""() => {
      const e = document.activeElement;
      const box = (e.closest('[data-testid="stElementContainer"]') || e).getBoundingClientRect();
      return {x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6),
              width: box.width + 12, height: box.height + 12};
    }""")


def assert_focus_is_visible(page) -> int:
    """The focused control's picture, focused and then unfocused, differs in at least
    :data:`MIN_CHANGED_PIXELS` pixels. Returns how many."""
    page.evaluate("() => document.activeElement.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(200)
    box = _focused_box(page)
    focused = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
    page.evaluate("() => { window.__focused = document.activeElement; "
                  "document.activeElement.blur(); }")
    page.wait_for_timeout(200)
    unfocused = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
    page.evaluate("() => window.__focused.focus({focusVisible: true})")
    difference = ImageChops.difference(focused, unfocused).convert("L")
    changed = difference.point(lambda value: 255 if value > 40 else 0).histogram()[255]
    assert changed >= MIN_CHANGED_PIXELS, f"focus barely visible: {changed} pixels change"
    return changed


def _query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _sample_again_with_enter(page, name: str) -> None:
    """Tab on to "Sample again" (its focus visible), press Enter: the seed moves on."""
    seed_before = _query(page).get("seed", "0")
    _, more = tab_to(page, lambda a: a["tag"] == "BUTTON" and "Sample again" in a["label"])
    print(f"{name}: Sample again {more} Tabs further")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    _idle(page)
    assert _query(page).get("seed") != seed_before


def _type_into_focused(page, text: str) -> None:
    """Replace the focused input's value with ``text`` and submit it, keys only."""
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    _idle(page)


@pytest.mark.e2e
def test_counting_alpha_and_sample_again_with_the_keyboard(page, app_url):
    _open(page, f"{app_url}/wrodl_counting")
    _, presses = tab_to(page, lambda a: a["tag"] == "INPUT" and "Pseudocount" in a["label"])
    print(f"counting: α after {presses} Tabs")
    assert_focus_is_visible(page)
    page.keyboard.press("ArrowRight")  # 0 -> 0.001
    page.keyboard.press("ArrowRight")  # -> 0.01
    _idle(page)
    assert _query(page).get("alpha") == "0.01"
    _sample_again_with_enter(page, "counting")


@pytest.mark.e2e
def test_framework_select_and_sample_again_with_the_keyboard(page, app_url):
    _open(page, f"{app_url}/framework")
    metric = page.locator('[data-testid="stMetricValue"]').first
    before = metric.inner_text()
    _, presses = tab_to(page, lambda a: a["tag"] == "INPUT" and a["inMain"]
                        and a["role"] == "combobox")
    print(f"framework: first select after {presses} Tabs")
    assert_focus_is_visible(page)
    query_before = _query(page)
    page.keyboard.press("ArrowDown")  # open the list
    page.wait_for_selector('[role="option"]')
    page.keyboard.press("ArrowUp")  # the value above (face #0 wears the last colour)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "before => window.location.search !== before", arg=urlparse(page.url).query and
        "?" + urlparse(page.url).query, timeout=10_000)
    _idle(page)
    assert _query(page) != query_before, "the select did not change with the keyboard"
    page.wait_for_function("before => document.querySelector("
                           "'[data-testid=\"stMetricValue\"]').innerText !== before",
                           arg=before, timeout=10_000)
    _sample_again_with_enter(page, "framework")


@pytest.mark.e2e
def test_representation_height_typed_with_the_keyboard(page, app_url):
    _open(page, f"{app_url}/representation")
    _, presses = tab_to(page, lambda a: a["tag"] == "INPUT" and "Height" in a["label"])
    print(f"representation: Height after {presses} Tabs")
    assert_focus_is_visible(page)
    _type_into_focused(page, "12.5")
    captions = page.locator('[data-testid="stMain"] [data-testid="stImage"]').all_inner_texts()
    assert any("f(12.50," in caption for caption in captions), captions


@pytest.mark.e2e
def test_naive_bayes_face_scored_with_the_keyboard(page, app_url):
    """Step 2: pick another hairstyle with the keyboard; Naive Bayes p(x) follows."""
    _open(page, f"{app_url}/wrodl_naive_bayes")
    before = page.locator('[data-testid="stMetric"]', has_text="Naive Bayes p(x)").inner_text()
    _, presses = tab_to(page, lambda a: a["role"] == "combobox" and "topType" in a["label"])
    print(f"naive bayes: hairstyle after {presses} Tabs")
    assert_focus_is_visible(page)
    query_before = _query(page)
    page.keyboard.press("ArrowDown")  # open the list
    page.wait_for_selector('[role="option"]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function(
        """before => document.querySelector('[data-testid="stMain"]').innerText.includes(
             'Naive Bayes p(x)') && [...document.querySelectorAll('[data-testid="stMetric"]')]
             .some(m => m.innerText.includes('Naive Bayes p(x)') && m.innerText !== before)""",
        arg=before, timeout=10_000)
    assert _query(page) != query_before


@pytest.mark.e2e
def test_planet_pixel_new_samples_and_a_pixel_with_the_keyboard(page, app_url):
    """Step 3: "New samples" with Enter moves the seed on; step 5: a row typed in picks the
    pixel the page describes."""
    _open(page, f"{app_url}/planet_pixel")
    _, presses = tab_to(page, lambda a: a["tag"] == "BUTTON" and "New samples" in a["label"])
    print(f"planet pixel: New samples after {presses} Tabs")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    _idle(page)
    assert _query(page).get("seed") == "1"
    _, more = tab_to(page, lambda a: a["tag"] == "INPUT" and a["label"] == "Row")
    print(f"planet pixel: Row {more} Tabs further")
    assert_focus_is_visible(page)
    _type_into_focused(page, "3")
    assert _query(page).get("row") == "3"
    page.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]')"
                           ".innerText.includes('(row 3, column 10)')", timeout=10_000)


# --- the short keyboard path: from "Skip to main content" to the first control -----------

#: Tab presses allowed from "Skip to main content" to the first control of the main content
#: (issue 13).
MAX_TABS_TO_FIRST_CONTROL = 5
#: The pages and what their first control is: on home the first card's link; elsewhere the
#: first input, select, slider, tab, expander or button of the content (not "Reset this page"
#: nor a help "?": those act on or explain other controls).
FIRST_CONTROL_PAGES = ("", "framework", "world", "wrodl_counting", "wrodl_naive_bayes",
                       "planet_pixel", "representation")

def _describe(stop: dict | None) -> str:
    if stop is None:
        return "(nothing)"
    role = f"[{stop['role']}]" if stop["role"] else ""
    return f"{stop['tag']}{role} {stop['testid']} {stop['label']!r}" + (
        "" if stop["visible"] else " INVISIBLE")


def _is_first_control(path: str, stop: dict) -> bool:
    if not path:  # home: the first card's link
        return stop["pageLink"] and stop["inMain"]
    return stop["control"] and stop["inMain"]


def keyboard_path(page, path: str, limit: int = 30):
    """From the top of the page: Tab to "Skip to main content", Enter, then Tab until the
    page's first control (:func:`_is_first_control`). Returns the stops after the skip link,
    as descriptions, and the number of Tab presses."""
    page.keyboard.press("Tab")
    stop = page.evaluate(ACTIVE)
    assert stop and stop["skipLink"], f"the first tab stop is not the skip link: {stop}"
    page.keyboard.press("Enter")
    stops = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        stop = page.evaluate(ACTIVE)
        if stop is not None and not stop["visible"]:
            page.wait_for_timeout(400)  # it may fade in: give a transition time to end
            stop = page.evaluate(ACTIVE)
        stops.append(_describe(stop))
        assert stop is not None and stop["inMain"], f"left the main content: {stops}"
        assert stop["visible"], f"invisible tab stop after {presses} Tabs: {stops}"
        if _is_first_control(path, stop):
            return stops, presses
    pytest.fail(f"{path or 'home'}: no first control in {limit} Tabs: {stops}")


@pytest.mark.e2e
@pytest.mark.parametrize("path", FIRST_CONTROL_PAGES, ids=lambda p: p or "home")
def test_first_control_within_five_tabs_of_the_skip_link(page, app_url, path):
    """Streamlit's own "Skip to main content" (the first tab stop of every page) focuses the
    main area; from there the first control of step 1 is at most five Tabs away (the steps'
    list is one tab stop), and every stop on the way is visible and shows its focus."""
    _open(page, f"{app_url}/{path}")
    stops, tabs = keyboard_path(page, path)
    print(f"\n{path or 'home'}: {tabs} Tabs: " + " → ".join(stops))
    assert tabs <= MAX_TABS_TO_FIRST_CONTROL, stops
    assert_focus_is_visible(page)


@pytest.mark.e2e
def test_the_steps_list_is_one_tab_stop_walked_with_the_arrow_keys(page, app_url):
    """Tab reaches the list's first link; → and End move along it, → and ← wrap round; Enter
    on a link jumps to that step's heading, and the next Tab goes on from there."""
    _open(page, f"{app_url}/wrodl_counting")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Skip to main content
    page.keyboard.press("Tab")
    focused = "() => document.activeElement.getAttribute('href')"
    assert page.evaluate(focused) == "#step-1"
    page.keyboard.press("ArrowRight")
    assert page.evaluate(focused) == "#step-2"
    page.keyboard.press("End")
    assert page.evaluate(focused) == "#step-4"
    page.keyboard.press("ArrowRight")
    assert page.evaluate(focused) == "#step-1"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(focused) == "#step-4"
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#step-4'")
    page.wait_for_function(
        "() => { const r = document.getElementById('step-4').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight / 2; }")
    page.keyboard.press("Tab")  # on from the step jumped to, not along the list
    assert page.evaluate("""() => !!(document.getElementById('step-4').compareDocumentPosition(
        document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)""")
