"""A session report: one self-contained HTML file with the settings, the numbers, the
pictures and the tables of each page a student used, to keep or hand in.

Everything in it is text escaped for HTML (:func:`html.escape`): a value from an uploaded
file such as ``<script>`` or ``<img onerror=…>`` is shown as those characters, never run.
Pictures are embedded as ``data:`` URLs, so the file needs nothing else, opens offline in
any browser and prints to PDF from there.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

import pandas as pd

__all__ = ["MAX_TABLE_ROWS", "ReportSection", "session_report_html"]

#: Rows of a table written into the report; the rest are counted, not written (a report is
#: read by a person, and an uploaded table can have 10,000 rows).
MAX_TABLE_ROWS = 60


@dataclass(frozen=True)
class ReportSection:
    """What one page contributes: its ``title``, its ``settings`` and ``numbers`` as
    (name, value) pairs of text, its ``pictures`` as (text alternative, PNG bytes) and its
    ``tables`` as (caption, DataFrame)."""

    title: str
    settings: Sequence[tuple[str, str]] = ()
    numbers: Sequence[tuple[str, str]] = ()
    pictures: Sequence[tuple[str, bytes]] = ()
    tables: Sequence[tuple[str, pd.DataFrame]] = field(default=())


_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto;
  padding: 0 1rem; }
h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; border-top: 1px solid #ccc;
  padding-top: 1rem; margin-top: 2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
img { max-width: 100%; height: auto; image-rendering: pixelated; }
figure { margin: 1rem 0; } figcaption { color: #444; font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: 0.15rem 0.5rem; text-align: left; }
"""


def _pairs(heading: str, pairs: Sequence[tuple[str, str]]) -> str:
    if not pairs:
        return ""
    items = "".join(f"<dt>{escape(str(name))}</dt><dd>{escape(str(value))}</dd>"
                    for name, value in pairs)
    return f"<h3>{escape(heading)}</h3><dl>{items}</dl>"


def _picture(alt: str, png: bytes) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
            f"<figcaption>{escape(alt)}</figcaption></figure>")


def _table(caption: str, frame: pd.DataFrame) -> str:
    shown = frame.head(MAX_TABLE_ROWS)
    head = "".join(f"<th>{escape(str(name))}</th>" for name in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(value))}</td>" for value in row) + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    more = len(frame) - len(shown)
    rest = f"<p>… and {more:,} more rows.</p>" if more > 0 else ""
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{rest}")


def session_report_html(
    sections: Sequence[ReportSection], title: str, subtitle: str = ""
) -> bytes:
    """The report as UTF-8 HTML: ``title``, ``subtitle`` (e.g. the date and the app's
    address), then one part per section in the order given."""
    parts = [f"<h1>{escape(title)}</h1>"]
    if subtitle:
        parts.append(f"<p>{escape(subtitle)}</p>")
    if not sections:
        parts.append("<p>No page has been used yet.</p>")
    for section in sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        parts.append(_pairs("Settings", section.settings))
        parts.append(_pairs("Results", section.numbers))
        parts.extend(_picture(alt, png) for alt, png in section.pictures)
        parts.extend(_table(caption, frame) for caption, frame in section.tables)
    document = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"
    )
    return document.encode("utf-8")
