"""Screenshots of every page on the screens the app is used on, for a person to look at.

    python scripts/screenshots.py [page ...]   # screenshots/<screen>-<page>[-fold].png

Screens: a laptop (1440 × 900), a 720p projector and a 1080p screen in presenter mode, and
a phone (390 × 844). Each page is opened on a fresh server in headless Chromium (Debian's
``/usr/bin/chromium`` or ``CHROMIUM_PATH``) and captured whole, once it has stopped running
and its charts and pictures have loaded: once as the screen first shows it (``-fold``), once
whole.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.server import serve  # noqa: E402
from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: E402

#: name -> (width, height, query string)
SCREENS = {
    "laptop": (1440, 900, ""),
    "projector720": (1280, 720, "present=1"),
    "projector1080": (1920, 1080, "present=1"),
    "phone": (390, 844, ""),
}
PAGES = ["home", "framework", "world", "wrodl_counting", "wrodl_naive_bayes", "planet_pixel",
         "representation"]
TALLEST = """() => Math.max(...[...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stSidebarContent"]'
)].map(e => e.scrollHeight))"""
IDLE = """() => document.querySelector('[data-testid="stApp"]')
    ?.getAttribute('data-test-script-state') === 'notRunning'"""


def main(pages: list[str]) -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with serve("app.py") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for screen, (width, height, query) in SCREENS.items():
            for page_name in pages:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                path = "" if page_name == "home" else page_name
                page.goto(f"{server.url}/{path}?{query}")
                page.wait_for_function(IDLE, timeout=60_000)
                page.wait_for_timeout(2500)  # charts and pictures load after the run
                fold = out / f"{screen}-{page_name}-fold.png"
                page.screenshot(path=str(fold))  # what the screen shows at first
                # The page scrolls inside Streamlit's main area, not the window: grow the
                # window to the content's height to capture all of it.
                tall = page.evaluate(TALLEST)
                page.set_viewport_size({"width": width, "height": min(tall, 16_000)})
                page.wait_for_timeout(1500)
                whole = out / f"{screen}-{page_name}.png"
                page.screenshot(path=str(whole))
                print(fold, whole)
                context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:] or PAGES)
