"""axe-core over every page, as a screen-reader user's tools and a contrast checker see it.

Every page at 1440 × 900 and 390 × 844, in default and presenter mode, with the window made
as tall as the page (the app scrolls inside Streamlit's main area, so a short window would
leave most of the page unchecked for contrast). A serious or critical violation inside the
app's own content (``[data-testid="stMain"]``) fails the test; the framework's own (its
sidebar navigation, its toolbar) are printed, not failed: the app cannot change them.

axe-core comes from the ``axe-playwright-python`` package, which ships the engine; the test
injects it and runs it itself, so it can sort each violation by where it is.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest

from tests.e2e.conftest import Visit
from tests.e2e.test_screens import LOADED

try:
    import axe_playwright_python.base as axe_package
except ImportError:
    if os.environ.get("CI") == "true":  # under CI the browser tests must run, never skip
        raise
    pytest.skip("axe-playwright-python (ships axe-core) is not installed",
                allow_module_level=True)

SCREENS = {"laptop": (1440, 900), "phone": (390, 844)}
MODES = {"default": "", "presenter": "present=1"}
PAGES = ("", "framework", "world", "wrodl_counting", "wrodl_naive_bayes", "planet_pixel",
         "representation")
FAILING_IMPACTS = {"serious", "critical"}
#: The tallest window the test grows to (Chromium draws nothing past about 16,000 px).
TALLEST_WINDOW = 16_000

TALLEST = """() => Math.max(...[...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stSidebarContent"]'
)].map(e => e.scrollHeight))"""

#: Runs axe on the whole document and returns its violations, each node marked with whether
#: it lies inside the app's own content.
RUN_AXE = """async () => {
  const results = await axe.run(document, {
    resultTypes: ['violations'],
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                     'best-practice']},
  });
  const inMain = target => {
    let selector = target[0];
    if (Array.isArray(selector)) selector = selector[0];  // shadow DOM: its host
    const element = document.querySelector(selector);
    return !!(element && element.closest('[data-testid="stMain"]'));
  };
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({
      target: JSON.stringify(n.target), html: n.html.slice(0, 160),
      summary: (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240),
      impact: n.impact, inMain: inMain(n.target),
    })),
  }));
}"""


def open_whole(page, url: str, width: int) -> None:
    """Open ``url``, wait until the script has run and its pictures and charts are drawn,
    then make the window as tall as the page."""
    page.set_viewport_size({"width": width, "height": SCREENS["laptop"][1]})
    page.goto(url)
    Visit(page, "").wait_until_idle(60_000)
    page.wait_for_function(LOADED, timeout=30_000)
    tall = page.evaluate(TALLEST)
    page.set_viewport_size({"width": width, "height": min(max(tall, 900), TALLEST_WINDOW)})
    page.wait_for_function(LOADED, timeout=30_000)
    page.wait_for_timeout(300)  # plotly redraws after the resize


def run_axe(page) -> list[dict]:
    """axe-core's violations of the page as it is now (see :data:`RUN_AXE`)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_package.AXE_SCRIPT)
    return page.evaluate(RUN_AXE)


def split(violations: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """Serious or critical nodes as (rule, impact, help, target, html, summary), those in
    the app's content and those in the framework's."""
    app, framework = [], []
    for violation in violations:
        for node in violation["nodes"]:
            impact = node["impact"] or violation["impact"]
            if impact not in FAILING_IMPACTS:
                continue
            row = (violation["id"], impact, violation["help"], node["target"], node["html"],
                   node["summary"])
            (app if node["inMain"] else framework).append(row)
    return app, framework


def describe(rows: list[tuple]) -> str:
    counts = Counter(row[0] for row in rows)
    lines = [", ".join(f"{rule} × {n}" for rule, n in counts.most_common())]
    lines += [f"  [{rule}/{impact}] {target}\n      {html}\n      {summary}"
              for rule, impact, _, target, html, summary in rows]
    return "\n".join(lines)


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, browser):
    """One browser context (and tab) per screen size, shared by its pages and modes."""
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield request.param, width, page
    context.close()


@pytest.mark.e2e
@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_axe_finds_no_serious_violation_in_the_apps_content(screen, app_url, path, mode):
    name, width, page = screen
    query = MODES[mode]
    open_whole(page, f"{app_url}/{path}" + (f"?{query}" if query else ""), width)
    errors = page.locator('[data-testid="stException"]').all_inner_texts()
    assert not errors, f"the page raised: {errors}"
    app, framework = split(run_axe(page))
    where = f"{path or 'home'} on a {name}, {mode} mode"
    print(f"\n{where}: app {len(app)}, framework {len(framework)} serious or critical")
    if framework:
        print(f"  framework's own (not failed): {describe(framework)}")
    print(json.dumps({"page": path or "home", "screen": name, "mode": mode,
                      "app": len(app), "framework": len(framework)}))
    assert not app, f"axe, {where}: {len(app)} serious or critical in the app's content: " \
        + describe(app)
