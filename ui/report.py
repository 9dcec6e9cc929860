"""The session report: each page records what it shows now (:func:`record`), and the end of
every page offers all of it as one HTML file (:func:`report_download`,
:func:`gdl_core.report.session_report_html`).

A page's record replaces its last one, so the session holds at most one section a page;
pictures are the PNG bytes the page already shows (the same objects, not copies).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from gdl_core.report import ReportSection, session_report_html
from ui.demos import PATH

_KEY = "_session_report"
REPORT_TITLE = "Generative modelling, hands on: my session"


def record(page: str, section: ReportSection) -> None:
    """Keep ``section`` as page ``page``'s part of the report (the page script's path)."""
    st.session_state.setdefault(_KEY, {})[page] = section


def _in_order(recorded: dict[str, ReportSection]) -> list[ReportSection]:
    """The recorded sections in the chapter's order."""
    return [recorded[stop.page] for stop in PATH if stop.page in recorded]


def _report(recorded: dict[str, ReportSection]) -> bytes:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return session_report_html(_in_order(recorded), REPORT_TITLE, f"Made {stamp}.")


def report_download(key: str) -> None:
    """A button that downloads every recorded section as one HTML file, built only when
    pressed (Streamlit calls the function then, outside the page's run). The function holds
    the session's record itself, not a copy: what a fragment records after the button was
    drawn (new samples, say) is in the file too."""
    recorded = st.session_state.setdefault(_KEY, {})
    st.download_button(
        "Download a report of this session", key=key, icon=":material/description:",
        data=lambda: _report(recorded),
        file_name="generative-modelling-session.html", mime="text/html", on_click="ignore",
    )
    st.caption("One HTML file with the settings, results and pictures of every page you have "
               "used in this session: open it in a browser, print it to PDF, hand it in.")
