"""Server memory with uploads: 50 different files go through the pages' file pickers, about
a third each to Counting, the world map and Planet Pixel (one browser session a page, each
file a little different from the last so none is a repeat), then Planet Pixel's largest
allowed upload;
prints the server's resident memory (RSS) before, every ten uploads and after, and its peak.

Each page keeps one upload of each kind per session (ui/uploads.py), so the figure should
level off after the first few uploads rather than grow with their number.

``python -m bench.uploads``
"""

from __future__ import annotations

import io
import os
import zipfile

import numpy as np
from PIL import Image
from playwright.sync_api import sync_playwright

from bench.memory import peak_mb
from bench.server import ROOT, serve
from tests.e2e.conftest import CHROMIUM_ARGS

ASSETS = ROOT / "assets"
N_UPLOADS = 50
#: page, upload kind, the example file the variants are made from
PAGES = (
    ("wrodl_counting", "categorical", "example-survey.csv"),
    ("world", "points", "example-points.csv"),
    ("planet_pixel", "pixels", "example-faces.zip"),
)


def variant(example: str, i: int) -> tuple[str, bytes]:
    """The example file with one more row (a table) or one more picture (the zip): upload
    ``i``'s own content."""
    data = (ASSETS / example).read_bytes()
    if example.endswith(".csv"):
        lines = data.decode("utf-8-sig").rstrip("\n").split("\n")
        return f"upload-{i}.csv", ("\n".join([*lines, lines[1 + i % (len(lines) - 1)]])
                                   + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
        colour = ((37 * i) % 256, (91 * i) % 256, (53 * i) % 256)
        extra = io.BytesIO()
        Image.new("RGB", (64, 64), colour).save(extra, "PNG")
        target.writestr(f"extra-{i}.png", extra.getvalue())
    return f"upload-{i}.zip", buffer.getvalue()


def largest_zip() -> tuple[str, bytes]:
    """Noise pictures that do not compress, zipped to just under Planet Pixel's 10 MiB."""
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
        for i in range(3):
            picture = io.BytesIO()
            noise = rng.integers(0, 256, (1000, 1000, 3), dtype=np.uint8)
            Image.fromarray(noise).save(picture, "PNG", compress_level=0)
            target.writestr(f"noise-{i}.png", picture.getvalue())
    return "largest.zip", buffer.getvalue()


def _idle(page) -> None:
    page.wait_for_timeout(200)
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')
                 ?.getAttribute('data-test-script-state') === 'notRunning'""",
        timeout=120_000,
    )


def _upload(page, kind: str, name: str, content: bytes) -> None:
    page.locator(f'[class*="st-key-upload_{kind}_file"] input[type=file]').set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": content})
    _idle(page)


def _choose_own(page, kind: str) -> None:
    page.locator(f".st-key-upload_{kind}_source").get_by_text("Your own file").click()
    _idle(page)


def main() -> None:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with serve("app.py") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        for path, _, _ in PAGES:  # every page once, so the figures below are uploads only
            page.goto(f"{server.url}/{path}")
            _idle(page)
        print(f"{'after':34} {'RSS MB':>8} {'peak MB':>8}")
        print(f"{'one visit of each page':34} {server.rss_mb():8.0f} {peak_mb(server):8.0f}")
        for i in range(N_UPLOADS):  # one session a page: its uploads replace each other
            path, kind, example = PAGES[i * len(PAGES) // N_UPLOADS]
            if i == 0 or path != PAGES[(i - 1) * len(PAGES) // N_UPLOADS][0]:
                page.goto(f"{server.url}/{path}")
                _idle(page)
                _choose_own(page, kind)
            _upload(page, kind, *variant(example, i))
            errors = page.locator('[data-testid="stAlertContentError"]').all_inner_texts()
            if errors or page.locator('[data-testid="stException"]').count():
                raise SystemExit(f"upload {i} on {path} failed: {errors}")
            if (i + 1) % 10 == 0:
                print(f"{f'{i + 1} uploads':34} {server.rss_mb():8.0f} {peak_mb(server):8.0f}")
        page.goto(f"{server.url}/planet_pixel")
        _idle(page)
        _choose_own(page, "pixels")
        _upload(page, "pixels", *largest_zip())
        print(f"{'+ the largest picture upload':34} {server.rss_mb():8.0f} "
              f"{peak_mb(server):8.0f}")
        browser.close()


if __name__ == "__main__":
    main()
