"""The Planet Wrodl pages in real Chromium: keyboard on the α slider, sampling, the calculator,
the steps' links, and the layouts a phone and a projector get.

Screenshots go to screenshots/wrodl-*.png (1400 px wide, as tall as the page).
"""

from fractions import Fraction

import pytest

from gdl_core.numbers import format_prob

METRIC_VALUE = """([label]) => {
    for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
        const l = m.querySelector('[data-testid="stMetricLabel"]');
        if (l && l.innerText.trim().startsWith(label)) {
            return m.querySelector('[data-testid="stMetricValue"]').innerText.trim();
        }
    }
    return null;
}"""

IMAGES = """([selector]) => [...document.querySelectorAll(selector + ' img')].map(img => ({
    src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth,
}))"""

ALL_LOADED = """([selector, count]) => {
    const imgs = [...document.querySelectorAll(selector + ' img')];
    return imgs.length === count && imgs.every(img => img.complete && img.naturalWidth > 0);
}"""

# A row of ten 128 px faces as one picture: ten tiles and nine gaps of 20 px.
SHEET_WIDTH = 10 * 128 + 9 * 20
FACE_SHOWN = """([selector]) => {
    const img = document.querySelector(selector + ' img');
    return [img.naturalWidth, img.getBoundingClientRect().width * 128 / img.naturalWidth];
}"""


def open_from_sidebar(visit, title: str, heading: str):
    """Start at home and follow the sidebar link, as a person would."""
    visit.page.set_viewport_size({"width": 1400, "height": 1800})
    visit.open()
    visit.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    visit.page.get_by_role("heading", name=heading, exact=True).wait_for()
    visit.wait_until_idle()


def metric(visit, label: str) -> str | None:
    return visit.page.evaluate(METRIC_VALUE, [label])


def wait_for_value(visit, label: str, value: str):
    """Wait until the metric ``label`` reads ``value`` (the page may still be rendering)."""
    visit.page.wait_for_function(
        f"([label, value]) => ({METRIC_VALUE})([label]) === value", arg=[label, value]
    )
    visit.wait_until_idle()


def wait_for_metric(visit, label: str, not_value: str):
    visit.page.wait_for_function(
        f"([label, old]) => ({METRIC_VALUE})([label]) !== old "
        f"&& ({METRIC_VALUE})([label]) !== null",
        arg=[label, not_value],
    )
    visit.wait_until_idle()


def tall_screenshot(visit, name: str):
    """The whole page in one picture: make the window as tall as the page, then shoot."""
    page = visit.page
    height = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMainBlockContainer"]');
            return Math.ceil(main.getBoundingClientRect().height) + 120;
        }"""
    )
    page.set_viewport_size({"width": 1400, "height": max(1800, min(height, 9000))})
    page.wait_for_timeout(800)  # let plotly re-layout at the new size
    visit.screenshot(name)
    page.set_viewport_size({"width": 1400, "height": 1800})


def grid_text(visit, key: str) -> str:
    """The text under the grid in the container ``key``."""
    return visit.page.locator(f".st-key-{key} [data-testid='stCaptionContainer']").inner_text()


def assert_faces_shown_large(visit, key: str):
    """The grid in ``key`` is one ten-column picture whose faces are shown 75–100 px wide, as
    the column grid it replaced showed them at this window width."""
    natural, face = visit.page.evaluate(FACE_SHOWN, [f".st-key-{key}-sheet-wide"])
    assert natural == SHEET_WIDTH
    assert 75 <= face <= 100, face


def assert_clean(visit):
    assert visit.exceptions() == []
    assert visit.foreign_requests == []
    assert visit.console_errors == []


@pytest.mark.e2e
def test_counting_page_alpha_slider_moves_with_the_keyboard(visit):
    open_from_sidebar(visit, "Counting and smoothing", "Counting and smoothing")
    page = visit.page
    wait_for_value(visit, "New faces in this batch", "0 of 10")
    for faces in ("wrodl_faces_grid-sheet-wide", "wrodl_face_portrait",
                  "wrodl_mn_samples-sheet-wide"):
        page.wait_for_function(ALL_LOADED, arg=[f".st-key-{faces}", 1])
    for grid in ("wrodl_faces_grid", "wrodl_mn_samples"):
        assert_faces_shown_large(visit, grid)
    assert grid_text(visit, "wrodl_faces_grid").startswith("Faces #0 to #49, ten to a row")
    verdicts = grid_text(visit, "wrodl_mn_samples").rstrip(".").split(": ")[1].split(", ")
    assert len(verdicts) == 10 and all(v.startswith("copy of #") for v in verdicts)
    assert metric(visit, "θ̂ combination 1") == "0.04"
    assert metric(visit, "θ̂ combination 2") == "0"
    tall_screenshot(visit, "wrodl-counting-alpha0")

    slider = page.locator(".st-key-wrodl_alpha").get_by_role("slider")
    slider.focus()
    page.keyboard.press("ArrowRight")  # 0 -> 0.001, the first stop above 0
    wait_for_metric(visit, "θ̂ combination 2", "0")
    alpha = Fraction(1, 1000)
    assert metric(visit, "θ̂ combination 2") == format_prob(alpha / (50 + 4032 * alpha))
    assert metric(visit, "θ̂ combination 2") == "1.85 × 10⁻⁵"  # 1 / 54,032
    page.wait_for_url("**alpha=0.001**")
    for _ in range(5):  # 0.01, 0.1, 0.2, 0.5, 1
        before = metric(visit, "Total for all 3,984 unseen")
        slider.focus()
        page.keyboard.press("ArrowRight")
        wait_for_metric(visit, "Total for all 3,984 unseen", before)
    assert metric(visit, "θ̂ combination 1") == "0.000735"  # (2 + 1) / (50 + 4,032)
    assert metric(visit, "Total for all 3,984 unseen") == "0.976"
    page.wait_for_url("**alpha=1**")
    page.wait_for_function(ALL_LOADED, arg=[".st-key-wrodl_mn_samples-sheet-wide", 1])
    tall_screenshot(visit, "wrodl-counting-alpha1")
    assert_clean(visit)


@pytest.mark.e2e
def test_naive_bayes_page_samples_again_and_the_calculator_updates(visit):
    open_from_sidebar(visit, "Naive Bayes", "Naive Bayes")
    page = visit.page
    samples = ".st-key-wrodl_nb_faces-sheet-wide"
    wait_for_value(visit, "Naive Bayes p(x)", "0.005415")
    page.wait_for_function(ALL_LOADED, arg=[samples, 1])
    assert_faces_shown_large(visit, "wrodl_nb_faces")
    assert "0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054" in page.inner_text('[data-testid="stMain"]')
    tall_screenshot(visit, "wrodl-naive-bayes")
    before = [img["src"] for img in page.evaluate(IMAGES, [samples])]
    verdicts_before = grid_text(visit, "wrodl_nb_faces")

    page.locator(".st-key-wrodl_nb_again").get_by_role("button", name="Sample again").click()
    page.wait_for_function(
        "([selector, old]) => { const now = [...document.querySelectorAll(selector + ' img')]"
        ".map(i => i.getAttribute('src')); return now.length === 1 && "
        "now.join() !== old.join(); }",
        arg=[samples, before],
    )
    visit.wait_until_idle()
    page.wait_for_function(ALL_LOADED, arg=[samples, 1])
    after = page.evaluate(IMAGES, [samples])
    assert len(after) == 1
    assert after[0]["complete"] and after[0]["width"] == SHEET_WIDTH
    assert [img["src"] for img in after] != before
    assert grid_text(visit, "wrodl_nb_faces") != verdicts_before  # seeds 0 and 1 differ
    page.wait_for_url("**seed=1**")

    # The calculator: Blue01 instead of White turns combination 1 into combination 2.
    # Scroll up to step 2 first, as a person would: a list opened while the page still
    # scrolls closes again.
    colour = page.locator(".st-key-nb_calc_clothingColor").get_by_test_id("stSelectbox")
    colour.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    colour.click()
    page.get_by_role("option", name="Blue01", exact=True).click()
    # (The comparison table always holds combination 2's product: wait for the metric.)
    wait_for_value(visit, "Naive Bayes p(x)", "0.0009845")
    assert "p(x) = 0.46 × 0.16 × 0.44 × 0.38 × 0.08 = 0.00098" in page.inner_text(
        '[data-testid="stMain"]'
    )
    assert metric(visit, "Multinomial θ̂") == "0"
    page.wait_for_url("**colour=1**")
    tall_screenshot(visit, "wrodl-naive-bayes-blue")
    assert_clean(visit)


# --- steps, phones and projectors ---------------------------------------------------------

FITS = """([selector]) => {
    const e = document.querySelector(selector);
    const table = e.querySelector('table');
    const box = e.getBoundingClientRect();
    return {tableWidth: table.scrollWidth, shownWidth: table.parentElement.clientWidth,
            right: box.right, window: document.documentElement.clientWidth,
            font: parseFloat(getComputedStyle(table.querySelector('td')).fontSize)};
}"""
SHOWN = "([selector]) => document.querySelector(selector).getBoundingClientRect().height > 0"
PANEL_LEFTS = """([selector]) => new Set([...document.querySelectorAll(selector + ' .nsewdrag')]
    .map(panel => Math.round(panel.getBoundingClientRect().left))).size"""
#: Opening a page's own address, the front end first looks for Streamlit under that path
#: (``/<page>/_stcore/health``, ``…/host-config``), gets 404 and falls back to the root.
BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")


def open_deep_link(context, app_url: str, path: str):
    """A fresh page opened at ``path`` directly, as a shared link is; its 404s recorded."""
    from tests.e2e.conftest import Visit

    visit = Visit(context.new_page(), app_url)
    visit.not_found = []
    visit.page.on("response", lambda r: r.status == 404 and visit.not_found.append(r.url))
    visit.open(path)
    return visit


def assert_clean_deep_link(visit):
    """:func:`assert_clean`, but for the front end's look for a base path, which a direct
    link to a page always triggers."""
    assert visit.exceptions() == []
    assert visit.foreign_requests == []
    probes = [url for url in visit.not_found if url.endswith(BASE_PATH_PROBES)]
    assert probes == visit.not_found
    not_found = "the server responded with a status of 404"
    assert [e for e in visit.console_errors if not_found not in e] == []
    assert sum(not_found in e for e in visit.console_errors) <= len(probes)


@pytest.mark.e2e
def test_the_steps_overview_jumps_to_each_step(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    visit = open_deep_link(context, app_url, "wrodl_naive_bayes")
    page = visit.page
    page.locator(".st-key-wrodl_nb_steps").get_by_role("link", name="Add a pseudocount").click()
    heading = page.locator("#step-3")
    heading.wait_for()
    page.wait_for_function(
        "() => { const r = document.querySelector('#step-3').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight / 2; }"
    )
    assert "3. Add a pseudocount" in heading.inner_text()
    assert_clean_deep_link(visit)
    context.close()


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("width", "height", "query", "phone"),
    [(390, 844, "", True), (1280, 720, "?present=1", False), (1920, 1080, "?present=1", False)],
    ids=["phone", "projector720", "projector1080"],
)
def test_table_1_2_and_the_comparison_fit_the_screen(browser, app_url, width, height, query,
                                                     phone):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        visit = open_deep_link(context, app_url, f"wrodl_naive_bayes{query}")
        page = visit.page
        wide, narrow = ".st-key-wrodl_nb_bars-for-wide", ".st-key-wrodl_nb_bars-for-narrow"
        shown, hidden = (narrow, wide) if phone else (wide, narrow)
        page.wait_for_function(f"() => document.querySelector('{shown} .xy')")
        assert page.evaluate(SHOWN, [shown]) and not page.evaluate(SHOWN, [hidden])
        # One panel to a row on a phone, three on a projector.
        assert page.evaluate(PANEL_LEFTS, [shown]) == (1 if phone else 3)
        # The comparison table shows all its columns, inside the window.
        page.wait_for_selector(".st-key-wrodl_comparison_table table")
        fit = page.evaluate(FITS, [".st-key-wrodl_comparison_table"])
        assert fit["tableWidth"] <= fit["shownWidth"] + 1, fit
        assert fit["right"] <= fit["window"] + 1, fit
        if not phone:  # as large as the text around it, from the back of a room
            assert fit["font"] >= 22, fit
        page.get_by_role("tab", name="Table").click()
        block = ".st-key-wrodl_table_clothingColor"
        page.wait_for_function(SHOWN, arg=[block])
        page.wait_for_selector(f"{block} table")
        assert "0.20" in page.locator(block).inner_text()
        fit = page.evaluate(FITS, [block])
        assert fit["tableWidth"] <= fit["shownWidth"] + 1, fit
        assert_clean_deep_link(visit)
    finally:
        context.close()


@pytest.mark.e2e
@pytest.mark.parametrize("alpha", ["0.001", "1", "10"])
@pytest.mark.parametrize(
    ("width", "height", "query"),
    [(390, 844, ""), (1440, 900, ""), (1280, 720, "&present=1")],
    ids=["phone", "laptop", "projector720"],
)
def test_nothing_is_cut_off_at_any_pseudocount(browser, app_url, width, height, query, alpha):
    """tests/e2e/test_screens.py measures the pages at α = 0; the numbers and the charts'
    labels grow longer once α > 0 ("combination 2: 0.000245", "1.85 × 10⁻⁵")."""
    from tests.e2e.test_screens import CUT_OFF, LOADED

    NO_SIDEWAYS_SCROLL = """() => [document.documentElement,
        document.querySelector('[data-testid="stAppViewContainer"]'),
        document.querySelector('[data-testid="stMain"]')]
        .every(e => e.scrollWidth <= e.clientWidth + 1)"""

    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        for page_name in ("wrodl_counting", "wrodl_naive_bayes"):
            visit = open_deep_link(context, app_url, f"{page_name}?alpha={alpha}{query}")
            visit.page.wait_for_function(LOADED, timeout=30_000)
            visit.page.wait_for_function(  # every chart drawn, the tabs' ones too
                "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2")
            visit.page.wait_for_timeout(500)
            found = visit.page.evaluate(CUT_OFF)
            if visit.page.evaluate(NO_SIDEWAYS_SCROLL):
                # A slider at its last stop: its thumb's own <input type="range"> pokes out of
                # the slider's box, which hides it (overflow: hidden) — nothing to see.
                found = [f for f in found if f[:2] != ["past the edge", "INPUT"]]
            assert found == [], (page_name, alpha)
            assert_clean_deep_link(visit)
            visit.page.close()
    finally:
        context.close()


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("width", "height", "query"),
    [(390, 844, ""), (1440, 900, ""), (1280, 720, "?present=1")],
    ids=["phone", "laptop", "projector720"],
)
def test_an_uploaded_survey_shows_both_pages_without_cut_offs(browser, app_url, width, height,
                                                               query):
    """The example survey uploaded for real (set_input_files) on the counting page: its
    numbers there, then on the Naive Bayes page reached by the page's own link (the same
    session, so the same upload), nothing cut off on either."""
    from pathlib import Path

    from tests.e2e.test_screens import CUT_OFF, LOADED

    example = Path(__file__).resolve().parents[2] / "assets" / "example-survey.csv"
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        visit = open_deep_link(context, app_url, f"wrodl_counting{query}")
        page = visit.page
        page.locator(".st-key-wrodl_mn_data").get_by_text("Your own file").click()
        visit.wait_until_idle()
        page.locator(".st-key-wrodl_mn_data [data-testid='stFileUploaderDropzoneInput']"
                     ).set_input_files(str(example))
        wait_for_value(visit, "Possible combinations d", "240")
        assert metric(visit, "Rows N") == "40"
        for page_name, ready in (("counting", "Possible combinations d"),
                                 ("naive bayes", "Naive Bayes parameters")):
            if page_name == "naive bayes":
                page.get_by_role("link", name="Next: Naive Bayes").click()
                page.get_by_role("heading", name="Naive Bayes", exact=True).wait_for()
                visit.wait_until_idle()
                wait_for_value(visit, "Naive Bayes parameters", "12")
            assert metric(visit, ready) is not None
            page.wait_for_function(LOADED, timeout=30_000)
            page.wait_for_timeout(500)
            # Streamlit's own "add a file" button beside an uploaded file draws its icon
            # (the word "add" in an icon font) in a 1 px box: not text a person reads.
            found = [f for f in page.evaluate(CUT_OFF) if f[:2] != ["clipped", "add icon"]]
            assert found == [], (page_name, found)
        assert visit.exceptions() == [] and visit.foreign_requests == []
    finally:
        context.close()


#: A table whose names and values are Markdown and HTML (st.table renders Markdown).
HOSTILE_SURVEY = (b'**pet**,<b>x</b>\n"[x](javascript:alert(1))",![i](http://example.com/x.png)\n'
                  b"<img src=x onerror=alert(1)>,*it*\n[x](javascript:alert(1)),$y$\n")
RENDERED = """() => [...document.querySelectorAll('[data-testid="stMain"] [class*="upload"] '
    + '[data-testid="stTable"], [data-testid="stMain"] [data-testid="stMarkdownContainer"]')]
    .flatMap(e => [...e.querySelectorAll('a, img, strong, em, b, .katex')])
    .filter(e => !e.closest('[data-testid="stHeadingWithActionElements"]'))
    .map(e => e.outerHTML.slice(0, 80))
    .filter(html => /x\\.png|javascript|onerror|pet|>x<|>it<|>y</.test(html))"""


@pytest.mark.e2e
def test_an_uploaded_table_of_markdown_and_html_is_shown_as_text(visit, tmp_path):
    """Names and values such as **pet**, [x](javascript:…), ![i](http://…) and <img onerror>
    show as the characters they are in every table and message: nothing bold, no link, no
    picture fetched, no script run."""
    path = tmp_path / "hostile.csv"
    path.write_bytes(HOSTILE_SURVEY)
    dialogs = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit.open("wrodl_naive_bayes")
    page = visit.page
    page.locator(".st-key-wrodl_nb_data").get_by_text("Your own file").click()
    visit.wait_until_idle()
    page.locator(".st-key-wrodl_nb_data [data-testid='stFileUploaderDropzoneInput']"
                 ).set_input_files(str(path))
    wait_for_value(visit, "Naive Bayes parameters", "3")  # (2 − 1) + (3 − 1)
    page.get_by_role("tab", name="Table").click()
    page.locator(".st-key-wrodl_upload_table_0").wait_for()
    visit.wait_until_idle()
    assert page.evaluate(RENDERED) == []
    assert "**pet**" in page.locator(".st-key-wrodl_upload_table_0").inner_text()
    assert "![i](http://example.com/x.png)" in page.locator(  # an invisible word joiner
        ".st-key-wrodl_upload_table_1").inner_text().replace("\u2060", "")  # keeps it no link
    page.get_by_role("link", name="Next: Planet Pixel").wait_for()
    assert dialogs == [] and visit.foreign_requests == [] and visit.exceptions() == []
