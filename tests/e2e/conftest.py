"""Serve the real app with ``streamlit run`` on a loopback port and drive headless Chromium.

Chromium is found via ``CHROMIUM_PATH``, else ``/usr/bin/chromium``, else Playwright's own
browser. Without any, the browser tests skip with the reason — except under ``CI=true``,
where a missing browser fails the run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bench.server import serve

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run under CI, but {reason}")
    pytest.skip(reason)


@contextlib.contextmanager
def serve_app():
    """Run ``streamlit run app.py`` on a free loopback port; yield its base URL."""
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(serve("app.py"))
        except RuntimeError as error:  # the server never answered its health check
            pytest.fail(str(error))
        yield server.url


@pytest.fixture(scope="session")
def app_url():
    """One app server shared by the browser tests."""
    with serve_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    executable = next((c for c in candidates if c and Path(c).exists()), None)
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
        except Error as error:
            _unavailable(f"no Chromium could be started ({str(error).splitlines()[0]})")
        yield browser
        browser.close()


#: The scroll position of the page's content (a finger on a canvas must not move it).
SCROLL_TOP = ("() => document.querySelector('[data-testid=stMain]')"
              ".closest('[data-testid=stAppViewContainer]').scrollTop")


def finger_drag(page, start, end, moves: int = 10):
    """Drag one finger from ``start`` to ``end`` (page pixels) with CDP touch events, in
    ``moves`` steps: yields after each step, once the page has drawn a frame (so a test can
    read the live read-outs mid-drag), and lifts the finger when the caller resumes it after
    the last."""
    cdp = page.context.new_cdp_session(page)
    (x0, y0), (x1, y1) = start, end
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart",
                                          "touchPoints": [{"x": x0, "y": y0}]})
    for i in range(1, moves + 1):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [
            {"x": x0 + (x1 - x0) * i / moves, "y": y0 + (y1 - y0) * i / moves}]})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        yield i
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.fixture
def page(browser):
    """A page in a laptop-sized window (1440 × 900)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    yield page
    context.close()


class Sent:
    """Messages the page sends to the server over its websocket(s)."""

    def __init__(self, page):
        self.count = 0
        page.on("websocket", lambda ws: ws.on("framesent", self._sent))

    def _sent(self, _payload):
        self.count += 1


class Visit:
    """One browser page with a record of console errors and off-machine requests."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("request", self._on_request)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_request(self, request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in LOOPBACK:
            self.foreign_requests.append(request.url)

    def open(self, path: str = "", timeout: float = 30_000):
        """Go to ``path`` and wait until Streamlit has finished running the script."""
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}")
        self.wait_until_idle(timeout)

    def wait_until_idle(self, timeout: float = 30_000):
        self.page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
        self.page.wait_for_function(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                return app && app.getAttribute('data-test-script-state') === 'notRunning';
            }""",
            timeout=timeout,
        )

    def exceptions(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def screenshot(self, name: str):
        SCREENSHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def visit(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield Visit(page, app_url)
    context.close()
