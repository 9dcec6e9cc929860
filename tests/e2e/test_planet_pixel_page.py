"""The Planet Pixel page in real Chromium: new seeds give new decoded pictures, and a pixel can
be picked (by clicking the entropy map or by typing) to see its colour distribution.

Kept on the 50 Wrodlers, so the server draws few faces. The screenshots are for checking by
eye (``screenshots/planet-pixel-*.png``, viewport 1400 × 2000).
"""

from __future__ import annotations

SAMPLES = ".st-key-pp_samples img"  # the ten samples, as one picture
ALL_DECODED = """(selector) => {
    const images = [...document.querySelectorAll(selector)];
    return images.length === 1 && images.every(i => i.complete && i.naturalWidth > 0);
}"""
SHEET_WIDTH = 10 * 128 + 9 * 20  # ten faces enlarged to 128 px, nine gaps of 20 px
SOURCES = "(selector) => [...document.querySelectorAll(selector)].map(i => i.src)"


def open_planet_pixel(visit):
    """Come in through the home page and the sidebar, as a person would.

    (Loading a sub-page's URL directly makes Streamlit's front end probe
    ``/planet_pixel/_stcore/...`` first, which logs two 404s in the console.)
    """
    visit.page.set_viewport_size({"width": 1400, "height": 2000})
    visit.open()
    visit.page.get_by_test_id("stSidebarNav").get_by_text("Planet Pixel").click()
    visit.page.wait_for_url("**/planet_pixel**")
    visit.wait_until_idle(timeout=90_000)
    visit.page.wait_for_function(ALL_DECODED, arg=SAMPLES, timeout=30_000)


def assert_clean(visit):
    assert visit.exceptions() == []
    assert visit.foreign_requests == []
    assert visit.console_errors == []


def test_a_new_seed_shows_ten_new_decoded_samples(visit):
    open_planet_pixel(visit)
    page = visit.page
    page.get_by_role("heading", name="Planet Pixel: Naive Bayes on raw pixels").wait_for()
    visit.screenshot("planet-pixel-top")
    before = page.evaluate(SOURCES, SAMPLES)
    assert len(before) == 1
    distances = page.locator(".st-key-pp_nearest [data-testid='stCaptionContainer']")
    numbers = distances.inner_text().rstrip(".").split(": ")[1].split(", ")
    assert len(numbers) == 10 and all(0 < int(n) <= 1024 for n in numbers)

    seed = page.get_by_label("Seed for the samples")
    seed.fill("7")
    seed.press("Enter")
    page.wait_for_url("**seed=7**")
    visit.wait_until_idle()
    page.wait_for_function(
        """([selector, before]) => {
            const images = [...document.querySelectorAll(selector)];
            return images.length === 1
                && images.every(i => i.complete && i.naturalWidth > 0)
                && images.every((i, k) => i.src !== before[k]);
        }""",
        arg=[SAMPLES, before],
        timeout=30_000,
    )
    after = page.evaluate(SOURCES, SAMPLES)
    assert all(a != b for a, b in zip(after, before, strict=True))
    # one picture of ten 128 px faces, each shown at least twice as large as its 32 pixels
    ((natural, shown),) = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .map(i => [i.naturalWidth, i.getBoundingClientRect().width])""",
        SAMPLES,
    )
    assert natural == SHEET_WIDTH
    assert shown * 128 / natural >= 64
    assert distances.inner_text().split(": ")[1] != ", ".join(numbers)  # new nearest faces

    page.get_by_role("button", name="New samples (seed + 1)").click()
    page.wait_for_url("**seed=8**")
    visit.wait_until_idle()
    page.wait_for_function(ALL_DECODED, arg=SAMPLES)
    page.locator(".st-key-pp_samples").scroll_into_view_if_needed()
    visit.screenshot("planet-pixel-samples")
    assert_clean(visit)


CELL_CENTRE = """([selector, row, column]) => {
    const plot = document.querySelector(selector + ' .js-plotly-plot');
    const {xaxis, yaxis} = plot._fullLayout;
    const box = plot.getBoundingClientRect();
    return [box.left + xaxis._offset + xaxis.l2p(column),
            box.top + yaxis._offset + yaxis.l2p(row)];
}"""


def test_picking_a_pixel_shows_its_colour_distribution(visit):
    open_planet_pixel(visit)
    page = visit.page
    entropy_map = page.locator(".st-key-pp_entropy_map")
    entropy_map.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.st-key-pp_entropy_map .js-plotly-plot')?._fullLayout"
    )
    assert page.get_by_text("Pixel 458 (row 14, column 10)").is_visible()

    # click the cell in row 5, column 16: the hair on top of the head
    x, y = page.evaluate(CELL_CENTRE, [".st-key-pp_entropy_map", 5, 16])
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.get_by_text("Pixel 176 (row 5, column 16)").wait_for(timeout=30_000)
    visit.wait_until_idle()
    page.wait_for_url("**row=5**")
    assert page.get_by_role("spinbutton", name="Row").input_value() == "5"
    assert page.get_by_role("spinbutton", name="Column").input_value() == "16"
    bars = page.locator(".st-key-pp_distribution .js-plotly-plot .bars .point")
    bars.first.wait_for()
    assert bars.count() >= 2  # hair of several colours, and skin or background
    visit.screenshot("planet-pixel-why")

    # the number inputs pick a pixel too
    row = page.get_by_role("spinbutton", name="Row")
    row.fill("20")
    row.press("Enter")
    page.get_by_text("Pixel 656 (row 20, column 16)").wait_for(timeout=30_000)
    visit.wait_until_idle()
    assert bars.count() >= 1

    page.locator(".st-key-pp_feature_samples").scroll_into_view_if_needed()
    visit.screenshot("planet-pixel-contrast")
    assert_clean(visit)
