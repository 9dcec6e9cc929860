"""The Planet Pixel page in real Chromium: new seeds give new decoded pictures, and a pixel can
be picked (by clicking the entropy map or by typing) to see its colour distribution.

Kept on the 50 Wrodlers, so the server draws few faces. The screenshots are for checking by
eye (``screenshots/planet-pixel-*.png``, viewport 1400 × 2000).
"""

from __future__ import annotations

from pathlib import Path

SAMPLES = ".st-key-pp_samples-sheet-wide img"  # the ten samples, as one picture
ALL_DECODED = """(selector) => {
    const images = [...document.querySelectorAll(selector)];
    return images.length === 1 && images.every(i => i.complete && i.naturalWidth > 0);
}"""
SHEET_WIDTH = 10 * 128 + 9 * 20  # ten faces enlarged to 128 px, nine gaps of 20 px
SOURCES = "(selector) => [...document.querySelectorAll(selector)].map(i => i.src)"


def open_planet_pixel(visit, width=1400, height=2000):
    """Come in through the home page and the sidebar, as a person would.

    (Loading a sub-page's URL directly makes Streamlit's front end probe
    ``/planet_pixel/_stcore/...`` first, which logs two 404s in the console.)
    """
    visit.page.set_viewport_size({"width": width, "height": height})
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


MAP_SIZE = """(selector) => {
    const plot = document.querySelector(selector + ' .js-plotly-plot');
    const {xaxis, yaxis} = plot._fullLayout;
    const ticks = [...plot.querySelectorAll('.xtick text, .ytick text')];
    return {width: xaxis._length, height: yaxis._length,
            tickSizes: ticks.map(t => parseFloat(getComputedStyle(t).fontSize)),
            tickColours: [...new Set(ticks.map(t => getComputedStyle(t).fill))]};
}"""


def test_the_entropy_map_is_large_with_square_cells_and_dark_ticks(visit):
    """On a laptop (1440 × 900, sidebar open) the map is over 400 px across, in square
    cells, with tick labels a room can read."""
    open_planet_pixel(visit, 1440, 900)
    entropy_map = visit.page.locator(".st-key-pp_entropy_map")
    entropy_map.scroll_into_view_if_needed()
    visit.page.wait_for_function(
        "() => document.querySelector('.st-key-pp_entropy_map .js-plotly-plot')?._fullLayout"
    )
    size = visit.page.evaluate(MAP_SIZE, ".st-key-pp_entropy_map")
    assert size["width"] >= 400
    assert abs(size["width"] - size["height"]) <= 1  # 32 × 32 square cells
    assert min(size["tickSizes"]) >= 15
    assert size["tickColours"] == ["rgb(34, 34, 34)"]  # the ink colour, not a pale grey
    assert_clean(visit)


def test_the_steps_overview_jumps_to_a_step_and_reset_restores_the_defaults(visit):
    open_planet_pixel(visit, 1440, 900)
    page = visit.page
    page.get_by_role("button", name="New samples (seed + 1)").click()
    page.wait_for_url("**seed=1**")
    visit.wait_until_idle()

    page.locator(".st-key-pp_steps").get_by_role("link", name="Score the samples").click()
    page.wait_for_function(
        """() => {
            const r = document.querySelector('#step-4').getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
        }""",
        timeout=10_000,
    )

    page.get_by_role("button", name="Reset this page").click()
    page.wait_for_url("**seed=0**")
    visit.wait_until_idle()
    assert page.get_by_label("Seed for the samples").input_value() == "0"
    assert_clean(visit)


#: Elements of the page whose right edge passes the right edge of the page's column, as
#: [tag or key, right edge, column's right edge] (a fixed-size picture in a narrow column
#: spills over it without reaching the window's edge).
SPILLS = """() => {
    const column = document.querySelector('[data-testid="stMainBlockContainer"]');
    const limit = column.getBoundingClientRect().right
        - parseFloat(getComputedStyle(column).paddingRight);
    // (half of a split row's picture is cropped by its frame on purpose: test_screens
    // checks those halves line up)
    return [...column.querySelectorAll('img, .js-plotly-plot, button, input, table')]
        .filter(e => e.getBoundingClientRect().width > 0 && !e.closest('[class*="-half-"]'))
        .filter(e => e.getBoundingClientRect().right > limit + 1)
        .map(e => [e.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+/)?.[0]
                   || e.tagName, e.getBoundingClientRect().right, limit]);
}"""
SHOWN = """(selector) => {
    const e = document.querySelector(selector);
    return e !== null && e.getBoundingClientRect().height > 0;
}"""


def open_directly(visit, width, height, query=""):
    """Open the page by its address (as a shared link does) and wait until it is all drawn:
    its last element, the link onward, is there and every picture and chart has loaded."""
    visit.page.set_viewport_size({"width": width, "height": height})
    visit.open(f"planet_pixel?{query}")
    visit.page.locator("[data-testid='stPageLink-NavLink']").last.wait_for(timeout=60_000)
    visit.page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMain"] img')]
            .every(img => img.complete && img.naturalWidth > 0)
            && [...document.querySelectorAll('.js-plotly-plot')]
            .every(p => p.querySelector('.main-svg'))""",
        timeout=30_000,
    )
    visit.page.wait_for_timeout(300)  # the charts' last resize


def test_nothing_spills_out_of_the_page_column_on_a_laptop_or_a_projector(visit):
    for width, height, query in ((1440, 900, ""), (1280, 720, "present=1")):
        open_directly(visit, width, height, query)
        assert visit.page.evaluate(SPILLS) == [], (width, height)
    assert visit.exceptions() == []


def test_a_phone_gets_a_table_that_fits_and_the_pixel_colours_under_the_map(visit):
    open_directly(visit, 390, 844)
    page = visit.page
    assert page.evaluate(SHOWN, ".st-key-pp_table_1_3-narrow [data-testid='stTable']")
    assert not page.evaluate(SHOWN, ".st-key-pp_table_1_3-wide [data-testid='stTable']")
    assert page.evaluate(SPILLS) == []
    entropy_map = page.locator(".st-key-pp_entropy_map").bounding_box()
    colours = page.locator(".st-key-pp_distribution").bounding_box()
    assert colours["y"] >= entropy_map["y"] + entropy_map["height"]  # wrapped below it
    size = page.evaluate(MAP_SIZE, ".st-key-pp_entropy_map")
    assert size["width"] >= 250 and abs(size["width"] - size["height"]) <= 1
    # the single faces beside the table and the picked pixel stay small once their
    # columns stack
    for key, widest in (("pp_table_face", 260), ("pp_pixel_face", 160)):
        assert page.locator(f".st-key-{key} img").bounding_box()["width"] <= widest + 1, key
    assert visit.exceptions() == []


EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "example-faces.zip"


def upload_example(visit):
    """Choose "Your own file" and upload the example zip, as a person would."""
    page = visit.page
    page.locator(".st-key-pp_source").get_by_text("Your own file").click()
    visit.wait_until_idle()
    page.locator(".st-key-pp_source input[type=file]").set_input_files(str(EXAMPLE))
    page.get_by_text("Showing your data from").wait_for(timeout=30_000)
    visit.wait_until_idle()
    page.wait_for_function(ALL_DECODED, arg=SAMPLES, timeout=30_000)


def test_an_uploaded_zip_runs_the_page_and_forget_brings_back_the_wrodlers(visit):
    open_planet_pixel(visit, 1440, 900)
    page = visit.page
    upload_example(visit)
    training = page.locator(".st-key-pp_training [data-testid='stCaptionContainer']")
    assert training.inner_text().startswith("Training faces 0–9 of 10")
    assert page.get_by_text("12 faces from your pictures:").is_visible()
    assert page.locator("#step-7").count() == 0 and page.locator("#step-6").count() == 1
    # ten samples, ten nearest faces, and the distances between them
    distances = page.locator(".st-key-pp_nearest [data-testid='stCaptionContainer']")
    numbers = distances.inner_text().rstrip(".").split(": ")[1].split(", ")
    assert len(numbers) == 10 and all(0 < int(n) <= 1024 for n in numbers)
    page.locator(".st-key-pp_source").scroll_into_view_if_needed()
    visit.screenshot("planet-pixel-upload")

    page.get_by_role("button", name="Forget my file").click()
    visit.wait_until_idle()
    page.get_by_text("Training faces 0–19 of 50").wait_for(timeout=30_000)
    assert page.locator("#step-7").count() == 1
    assert not page.get_by_text("Showing your data from").count()
    assert_clean(visit)
