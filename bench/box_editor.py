"""The plane editor in real Chromium: frame times while the world map's box is dragged at
N = 5,000 points, and while the representation page's point z is dragged (f(z) redrawn every
frame), and the messages each page sends to the server.

Run ``python -m bench.box_editor``. Prints, for each:

1. the time between animation frames (requestAnimationFrame timestamps) during a scripted
   one-and-a-half-second drag, p50 and p95, next to the same measured on the idle page in
   the same run (the display's own rate: the floor), and the editor's own work per frame
   (the box: drawing it and recomputing the read-outs over 5,000 points; z: drawing it and
   f(z), 32 × 32 pixels, by the port of gdl_core.tins.decoder);
2. how many websocket messages the page sent to the server during the drag and on release.

Budget (issue 16): frame p95 ≤ 16.7 ms (display rate), 0 messages during a drag, 1 on release.
"""

from __future__ import annotations

import math
import os
import statistics

from playwright.sync_api import sync_playwright

from bench.server import serve
from tests.e2e.conftest import CHROMIUM_ARGS

N = 5_000
MOVES = 90
FRAME_BUDGET_MS = 16.7

START_FRAMES = """() => {
    window.__frames = [];
    window.__gdlBoxEditorProbe = [];
    window.__recording = true;
    const tick = (t) => { window.__frames.push(t); if (window.__recording)
        requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
}"""
STOP_FRAMES = """() => { window.__recording = false;
    const f = window.__frames, gaps = [];
    for (let i = 1; i < f.length; i++) gaps.push(f[i] - f[i - 1]);
    return [gaps, window.__gdlBoxEditorProbe]; }"""


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else (values[0] if values else float("nan"))


def _open(browser, url: str) -> tuple:
    """A page at ``url``, and the list its websocket messages to the server go to."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda _: sent.append(1)))
    page.goto(url)
    page.wait_for_function("() => document.querySelector('[data-testid=stApp]')"
                           "?.getAttribute('data-test-script-state') === 'notRunning'",
                           timeout=60_000)
    return page, sent


def _idle_then_drag(page, sent, canvas, start: tuple[float, float], path) -> dict:
    """Frames on the idle page, then during a drag from ``start`` (fractions of the plane)
    along ``path(phase, width, height) -> (dx, dy)`` in CSS px; messages sent during and on
    release."""
    canvas.wait_for()
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    # The floor: frames of the same page, idle.
    page.evaluate(START_FRAMES)
    page.wait_for_timeout(1500)
    idle, _ = page.evaluate(STOP_FRAMES)
    box = canvas.bounding_box()
    left, top, width, height = map(float, canvas.get_attribute("data-map").split(","))
    x = box["x"] + left + start[0] * width
    y = box["y"] + top + start[1] * height
    page.mouse.move(x, y)
    page.mouse.down()
    before = len(sent)
    page.evaluate(START_FRAMES)
    for i in range(MOVES):
        dx, dy = path(i / MOVES, width, height)
        page.mouse.move(x + dx, y + dy)
        page.wait_for_timeout(16)
    gaps, work = page.evaluate(STOP_FRAMES)
    during = len(sent) - before
    page.mouse.up()
    page.wait_for_timeout(1500)
    on_release = len(sent) - before - during
    return {"idle": idle, "drag": gaps, "work": work, "during": during, "release": on_release}


def measure() -> dict:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    results = {}
    with serve("app.py") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page, sent = _open(browser, f"{server.url}/world?n={N}"
                           "&lon_min=-100&lon_max=100&lat_min=-50&lat_max=50")
        # A drag: the east edge of the box, out and back, one move every ~16 ms.
        results["box"] = _idle_then_drag(
            page, sent, page.locator(".st-key-world_map canvas[data-map]"),
            ((100 + 180) / 360, 0.5),
            lambda phase, w, h: ((phase if phase < 0.5 else 1 - phase) * 2 * 0.15 * w,
                                 10 * (phase - 0.5)))
        page.close()
        page, sent = _open(browser, f"{server.url}/representation")
        # z once round a circle over the middle of the plane.
        results["point"] = _idle_then_drag(
            page, sent, page.locator(".st-key-rep_latent_plane canvas[data-map]"), (0.5, 0.5),
            lambda phase, w, h: (0.3 * w * math.sin(2 * math.pi * phase),
                                 0.3 * h * (1 - math.cos(2 * math.pi * phase))))
        browser.close()
    return results


def _report(title: str, m: dict) -> bool:
    idle95, drag95 = _p(m["idle"], 95), _p(m["drag"], 95)
    print(title)
    print(f"  frame interval while dragging: p50 {_p(m['drag'], 50):5.1f} ms, "
          f"p95 {drag95:5.1f} ms   (budget {FRAME_BUDGET_MS} ms; {len(m['drag'])} frames)")
    print(f"  for scale, the idle page:      p50 {_p(m['idle'], 50):5.1f} ms, "
          f"p95 {idle95:5.1f} ms   (ratio of p95s: {drag95 / idle95:.2f}×)")
    print(f"  the editor's own work a frame: p50 {_p(m['work'], 50):5.2f} ms, "
          f"p95 {_p(m['work'], 95):5.2f} ms   ({len(m['work'])} frames drawn)")
    print(f"  websocket messages to the server: {m['during']} during the drag, "
          f"{m['release']} on release   (budget 0 and 1)")
    # Headless Chromium without a GPU may miss frames even on an idle page: then the drag
    # is held to that floor (measured above, in the same run), not to 16.7 ms.
    floor = max(FRAME_BUDGET_MS, idle95)
    if idle95 > FRAME_BUDGET_MS:
        print(f"  (this browser misses frames when idle: the drag is held to {floor:.1f} ms)")
    return (drag95 <= floor * 1.05 and _p(m["work"], 95) <= FRAME_BUDGET_MS
            and m["during"] == 0 and m["release"] == 1)


def main() -> None:
    m = measure()
    ok = _report(f"Box editor in Chromium, N = {N:,} points, a scripted drag of {MOVES} moves",
                 m["box"])
    ok &= _report(f"Point editor (the latent plane, f(z) drawn live), a drag of {MOVES} moves",
                  m["point"])
    print("Within budget." if ok else "OVER BUDGET.")


if __name__ == "__main__":
    main()
