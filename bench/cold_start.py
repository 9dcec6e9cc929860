"""The first visitor after a (re)start: how long each page takes on a freshly started server.

Community Cloud puts idle apps to sleep, so a class often meets a cold server: every cache
empty. For each page, a new ``streamlit run`` process is started and one session opens the
page; printed are the seconds until the first element arrives (the page starts drawing,
a progress bar included) and until the run finishes, against the goal of about 2 s.
Run ``python -m bench.cold_start``.
"""

from __future__ import annotations

import asyncio

from bench.server import serve
from bench.session import Session

#: (what, page URL path, query string)
VISITS = (
    ("Home", "", ""),
    ("Likelihood (world map)", "world", ""),
    ("Counting and smoothing", "wrodl_counting", ""),
    ("Naive Bayes", "wrodl_naive_bayes", ""),
    ("Planet Pixel, 50 faces", "planet_pixel", ""),
    ("Planet Pixel, 2,000 faces", "planet_pixel", "n=2000"),
)
GOAL_SECONDS = 2.0


async def _first_visit(url: str, page: str, query: str):
    async with Session(url, page, query) as session:
        return await session.run()


def main() -> None:
    print(f"{'first visit on a fresh server':32} {'first element s':>16} {'finished s':>11}")
    for what, page, query in VISITS:
        with serve("app.py") as server:
            run = asyncio.run(_first_visit(server.url, page, query))
        flag = "" if run.seconds <= GOAL_SECONDS else f"  (over the {GOAL_SECONDS:g} s goal)"
        errors = f"  EXCEPTIONS: {run.exceptions}" if run.exceptions else ""
        print(f"{what:32} {run.first_element:>16.2f} {run.seconds:>11.2f}{flag}{errors}")


if __name__ == "__main__":
    main()
