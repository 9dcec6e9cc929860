"""The load benchmark's websocket client sees what a browser sees.

bench.load measures a class of sessions that speak Streamlit's protocol without a browser.
Here one such session and real Chromium open every page of the same server: both must get
the same widgets (by key), the same number of charts and pictures, and no exception.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from bench.session import Session

PAGES = ["", "framework", "world", "wrodl_counting", "wrodl_naive_bayes", "planet_pixel",
         "representation"]


async def _protocol_view(url: str, page: str):
    async with Session(url, page) as session:
        return await session.run()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "home")
def test_the_websocket_client_and_chromium_render_the_same_page(visit, app_url, page):
    # Playwright's sync API keeps an event loop on this thread: the client gets its own.
    with ThreadPoolExecutor(1) as thread:
        run = thread.submit(asyncio.run, _protocol_view(app_url, page)).result()
    assert run.status == "FINISHED_SUCCESSFULLY"
    assert run.exceptions == []
    widget_keys = {widget_id.rsplit("-", 1)[1] for widget_id in run.widgets}

    visit.open(page)
    dom_keys = set(visit.page.evaluate(
        """() => [...document.querySelectorAll('[class*="st-key-"]')]
            .flatMap(e => [...e.classList])
            .filter(c => c.startsWith('st-key-')).map(c => c.slice(7))"""
    ))
    assert widget_keys and widget_keys <= dom_keys
    # Charts and pictures appear once their scripts and files have loaded: wait for them.
    expect(visit.page.get_by_test_id("stPlotlyChart")).to_have_count(run.kinds["plotly_chart"])
    expect(visit.page.get_by_test_id("stImage")).to_have_count(run.n_images)
    assert visit.exceptions() == []
