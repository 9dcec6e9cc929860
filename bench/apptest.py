"""The whole app in Streamlit's AppTest (app.py and its navigation, without a browser)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.timing import median_ms

ROOT = Path(__file__).resolve().parents[1]


def app(timeout: float = 60, **query: str) -> AppTest:
    """A fresh session of app.py, opened with ``query`` as its URL query parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def check(at: AppTest) -> AppTest:
    """``at``, once sure its last run raised nothing."""
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].message}")
    return at


def home_rerun_ms(repeats: int) -> float:
    """Median rerun of the home page, caches warmed by a first run: the reference figure."""
    at = app()
    check(at.run())
    return median_ms(lambda: check(at.run()), repeats)
