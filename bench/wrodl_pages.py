"""Planet Wrodl pages: server time of a rerun after moving α, and of drawing 10 new faces.

    python -m bench.wrodl_pages

Reruns are timed in Streamlit's AppTest (the whole script, app.py and its navigation
included, without a browser) and also reported as a ratio to a rerun of the home page timed
in the same process, so the figures travel between machines.
"""

from __future__ import annotations

import statistics
import time

import streamlit as st
import streamlit.logger
from streamlit.testing.v1 import AppTest

from bench.apptest import app, check, home_rerun_ms
from bench.timing import median_ms
from gdl_core import avatars, wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.wrodl.models import PSEUDOCOUNTS


def _quiet() -> None:
    """Cached functions defined or called outside a running app warn that there is no
    runtime; that is expected here. (Each AppTest run resets the level, so call it again.)"""
    streamlit.logger.set_log_level("error")


_quiet()
from ui import wrodl as w  # noqa: E402 - after _quiet(): importing defines cached functions
from ui import wrodl_reports as reports  # noqa: E402
from ui.images import avatar_png, avatar_sheet_png  # noqa: E402

PAGES = ("app_pages/wrodl_counting.py", "app_pages/wrodl_naive_bayes.py")
REPEATS = 10
RERUN_BUDGET_MS = 150
COLD_BUDGET_MS = 300


def alpha_rerun_ms(at: AppTest, page: str) -> float:
    """Median rerun after moving α between two stops whose results are already cached."""
    check(at.switch_page(page).run())
    stops = iter(PSEUDOCOUNTS[6:9] * (REPEATS + 5))  # 0.5, 1, 2, 0.5, ...
    for _ in range(6):  # warm every cache the three stops touch
        check(at.select_slider(key=w.ALPHA.key).set_value(next(stops)).run())
    return median_ms(
        lambda: check(at.select_slider(key=w.ALPHA.key).set_value(next(stops)).run()), REPEATS
    )


def sample_again_ms(at: AppTest, page: str, button: str) -> float:
    """Median rerun after "Sample again", with every avatar forgotten except the 50 training
    faces and the large portraits (so the ten samples are drawn afresh unless they copy a
    training face, as on a first visit)."""
    check(at.switch_page(page).run())
    times = []
    for _ in range(REPEATS):
        _quiet()  # the warm-up below runs outside the app
        avatar_png.clear()
        avatars._drawn_png.cache_clear()
        avatar_png(wrodl.face_tuples(wrodl.encode(wrodl.COMBINATION_1))[0], 256)  # portraits
        start = time.perf_counter()
        check(at.button(key=button).click().run())
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def cold_draw_ms(model: type, alpha: float) -> float:
    """Fit, sample 10 and draw them as one PNG sheet with every cache emptied: the median."""
    _quiet()
    times = []
    for seed in range(REPEATS):
        st.cache_data.clear()
        reports.samples.clear()
        avatars._drawn_png.cache_clear()
        start = time.perf_counter()
        sheet = avatar_sheet_png(reports.samples(model, alpha, 10, seed).faces, w.AVATAR_PX)
        times.append(time.perf_counter() - start)
        assert sheet.startswith(b"\x89PNG")
    return statistics.median(times) * 1e3


def main() -> None:
    _measure_pages(app())
    for model, alpha in ((CategoricalNB, 0.0), (JointMultinomial, 1.0)):
        cold = cold_draw_ms(model, alpha)
        print(f"cold: fit {model.__name__} (α = {alpha:g}), sample 10 and draw them as one "
              f"sheet of 128 px faces: {cold:.0f} ms (budget {COLD_BUDGET_MS} ms)")


def _measure_pages(at: AppTest) -> None:
    check(at.run())
    for page in PAGES:  # first visits: render the 50 faces and fill the caches
        check(at.switch_page(page).run())
    home = home_rerun_ms(REPEATS)
    print(f"home page rerun (reference): {home:.0f} ms (median of {REPEATS})")
    for page in PAGES:
        rerun = alpha_rerun_ms(at, page)
        print(f"{page}: rerun after moving α, warm caches: {rerun:.0f} ms "
              f"= {rerun / home:.1f}x the home page (budget {RERUN_BUDGET_MS} ms)")
    for page, button in zip(PAGES, ("wrodl_mn_again", "wrodl_nb_again"), strict=True):
        again = sample_again_ms(at, page, button)
        print(f"{page}: rerun after 'Sample again', avatar caches empty: {again:.0f} ms "
              f"= {again / home:.1f}x the home page")


if __name__ == "__main__":
    main()
