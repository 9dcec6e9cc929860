"""The session report: one HTML file, everything in it text, pictures embedded."""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import pandas as pd
import pytest
from PIL import Image

from gdl_core.images import png_bytes
from gdl_core.report import MAX_TABLE_ROWS, ReportSection, session_report_html

HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</title><svg onload=alert(1)>",
    "&lt;b&gt; & <b>bold</b>",
    "javascript:alert(1)",
)


class Parsed(HTMLParser):
    """The document's tags, attributes and text, read by the standard library's parser."""

    def __init__(self, document: bytes) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(document.decode("utf-8"))

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def picture() -> bytes:
    return png_bytes(Image.new("RGB", (4, 4), "grey"))


def test_hostile_text_is_shown_as_text_never_as_markup(picture):
    frame = pd.DataFrame({HOSTILE[0]: list(HOSTILE), "n": range(len(HOSTILE))})
    section = ReportSection(
        HOSTILE[2], settings=[(value, value) for value in HOSTILE],
        numbers=[("ℓ", HOSTILE[1])], pictures=[(HOSTILE[1], picture)],
        tables=[(HOSTILE[3], frame)],
    )
    parsed = Parsed(session_report_html([section], HOSTILE[0], HOSTILE[4]))
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "svg" not in tags and "b" not in tags
    assert [tag for tag in tags if tag == "img"] == ["img"]  # only the picture itself
    assert all(not name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    text = "".join(parsed.text)
    for value in HOSTILE:
        assert value in text  # each shown as the characters it is made of


def test_pictures_are_embedded_byte_for_byte(picture):
    section = ReportSection("Page", pictures=[("a grey square", picture)])
    parsed = Parsed(session_report_html([section], "Report"))
    (img,) = [attrs for tag, attrs in parsed.tags if tag == "img"]
    prefix = "data:image/png;base64,"
    assert img["src"].startswith(prefix)
    assert base64.b64decode(img["src"][len(prefix):]) == picture
    assert img["alt"] == "a grey square"


def test_sections_settings_and_long_tables():
    rows = MAX_TABLE_ROWS + 7
    frame = pd.DataFrame({"sample": range(rows)})
    sections = [
        ReportSection("First page", settings=[("alpha", "1")], numbers=[("d", "4,032")]),
        ReportSection("Second page", tables=[("samples", frame)]),
    ]
    parsed = Parsed(session_report_html(sections, "Report", "Made today."))
    headings = [tag for tag, _ in parsed.tags if tag in ("h1", "h2")]
    assert headings == ["h1", "h2", "h2"]
    text = "".join(parsed.text)
    assert text.index("First page") < text.index("Second page")
    assert "alpha" in text and "4,032" in text and "Made today." in text
    cells = [tag for tag, _ in parsed.tags if tag == "td"]
    assert len(cells) == MAX_TABLE_ROWS
    assert "7 more rows" in text


def test_an_empty_session_says_so():
    assert "No page has been used yet." in "".join(Parsed(session_report_html([], "R")).text)
