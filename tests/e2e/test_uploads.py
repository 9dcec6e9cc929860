"""Uploads in real Chromium: each page takes its example file through the file picker, then
a hostile file from the corpus; the message names the problem, the good data stays, and
nothing a file holds runs as script (a dialog hook, and no element the file's name or
content describes appears). Then the session report and the link to the view."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.hostile.make_corpus import table_files

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def _hostile_table() -> tuple[str, bytes]:
    """The corpus's HTML page named ``.csv`` (the readers refuse it), under a file name that
    would run script if a page rendered it as HTML."""
    (page,) = [item for item in table_files() if item.id == "html_page"]
    assert page.table.error is not None
    return "<img src=x onerror=alert(1)>.csv", page.data


#: page path, upload kind, example file, a hostile (name, bytes) that must be refused
UPLOADS = (
    ("wrodl_counting", "categorical", "example-survey.csv", _hostile_table()),
    ("world", "points", "example-points.csv", _hostile_table()),
    ("planet_pixel", "pixels", "example-faces.zip",
     ("<img src=x onerror=alert(1)>.zip", b"PK\x03\x04 not really a zip")),
)


def _choose_own(visit, kind: str) -> None:
    page = visit.page
    page.locator(f".st-key-upload_{kind}_source").get_by_text("Your own file").click()
    visit.wait_until_idle()


def _upload(visit, kind: str, files) -> None:
    page = visit.page
    page.locator(f'[class*="st-key-upload_{kind}_file"] input[type=file]').set_input_files(files)
    page.wait_for_timeout(300)
    visit.wait_until_idle(60_000)


@pytest.mark.parametrize(("path", "kind", "example", "hostile"), UPLOADS,
                         ids=[u[0] for u in UPLOADS])
def test_a_good_file_then_a_hostile_one(visit, path, kind, example, hostile):
    dialogs: list[str] = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visit.open(path)
    _choose_own(visit, kind)
    example_path = ASSETS / example
    _upload(visit, kind, {"name": example_path.name, "mimeType": "application/octet-stream",
                          "buffer": example_path.read_bytes()})
    page = visit.page
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    success.first.wait_for(timeout=60_000)
    assert example in success.first.inner_text()
    assert not visit.exceptions()

    name, content = hostile
    _upload(visit, kind, {"name": name, "mimeType": "application/octet-stream",
                          "buffer": content})
    error = page.locator('[data-testid="stAlertContentError"]')
    error.first.wait_for(timeout=30_000)
    message = error.first.inner_text()
    assert "Could not use that file" in message
    assert example in message  # says the page still shows the good file
    assert example in success.first.inner_text()  # and it does
    assert not visit.exceptions()
    assert dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("main script:not(.steps-keys)").count() == 0
    assert not visit.foreign_requests


def test_the_session_report_and_the_view_link(visit):
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    visit.open("wrodl_counting?alpha=1")
    page = visit.page
    page.get_by_role("button", name="Copy the link to this view").click()
    page.get_by_text("Copied:").wait_for(timeout=5_000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.url and "alpha=1" in copied

    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download a report of this session").click()
    report = waiting.value
    assert report.suggested_filename.endswith(".html")
    html = Path(report.path()).read_text(encoding="utf-8")
    text: list[str] = []
    parser = HTMLParser()
    parser.handle_data = text.append
    parser.feed(html)
    shown = " ".join(text)
    assert "Counting and smoothing" in shown
    assert re.search(r"\balpha\b|α", shown)
    assert "<script" not in html
