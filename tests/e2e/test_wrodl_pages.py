"""The Planet Wrodl pages in real Chromium: keyboard on the α slider, sampling, the calculator.

Screenshots go to screenshots/wrodl-*.png (1400 px wide, as tall as the page).
"""

import pytest

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
    natural, face = visit.page.evaluate(FACE_SHOWN, [f".st-key-{key}"])
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
    for faces in ("wrodl_faces_grid", "wrodl_face_portrait", "wrodl_mn_samples"):
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
    page.keyboard.press("ArrowRight")  # 0 -> 0.01
    wait_for_metric(visit, "θ̂ combination 2", "0")
    assert metric(visit, "θ̂ combination 2") == "0.000111"  # 0.01 / (50 + 40.32)
    page.wait_for_url("**alpha=0.01**")
    for _ in range(6):  # 0.02, 0.05, 0.1, 0.2, 0.5, 1
        before = metric(visit, "Total for all 3,984 unseen")
        slider.focus()
        page.keyboard.press("ArrowRight")
        wait_for_metric(visit, "Total for all 3,984 unseen", before)
    assert metric(visit, "θ̂ combination 1") == "0.000735"  # (2 + 1) / (50 + 4,032)
    assert metric(visit, "Total for all 3,984 unseen") == "0.976"
    page.wait_for_url("**alpha=1**")
    page.wait_for_function(ALL_LOADED, arg=[".st-key-wrodl_mn_samples", 1])
    tall_screenshot(visit, "wrodl-counting-alpha1")
    assert_clean(visit)


@pytest.mark.e2e
def test_naive_bayes_page_samples_again_and_the_calculator_updates(visit):
    open_from_sidebar(visit, "Naive Bayes", "Naive Bayes")
    page = visit.page
    samples = ".st-key-wrodl_nb_faces"
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
    page.locator(".st-key-nb_calc_clothingColor").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="Blue01", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMain\"]').innerText"
        ".includes('0.46 × 0.16 × 0.44 × 0.38 × 0.08 = 0.00098')"
    )
    visit.wait_until_idle()
    assert metric(visit, "Naive Bayes p(x)") == "0.0009845"
    assert metric(visit, "Multinomial θ̂") == "0"
    page.wait_for_url("**colour=1**")
    tall_screenshot(visit, "wrodl-naive-bayes-blue")
    assert_clean(visit)
