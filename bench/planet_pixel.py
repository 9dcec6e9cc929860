"""Planet Pixel page: the speed budget of issue 5, each figure beside a reference timed in the
same run.

    python -m bench.planet_pixel

- a rerun after moving α at 2,000 training faces (AppTest, server side), warm caches: budget
  150 ms; reference: a rerun of the home page;
- building the 2,000-face dataset from cold caches (training + held-out faces): budget 20 s,
  beside drawing every face afresh (what the prerendered table saves);
- the nearest training face for 10 samples among 2,000 faces: budget 50 ms; references: one
  ``np.bincount`` over the same 2,000 × 1,024 bytes, and a Python loop over the pairs.
"""

from __future__ import annotations

import itertools
import statistics
import time

import numpy as np
import streamlit as st

from bench.apptest import app, check, home_rerun_ms
from bench.timing import best_seconds, median_ms
from gdl_core import pixels
from gdl_core.categorical import PSEUDOCOUNTS
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import experiment, measures, training

N = 2000
#: Every stop of the pseudocount slider (the page opens at 0, so it comes last).
ALPHAS = (*PSEUDOCOUNTS[1:], PSEUDOCOUNTS[0])


def _clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    pixels.encoding._codes_cached.cache_clear()
    pixels.encoding._palette_cached.cache_clear()
    pixels.encoding._prerendered.cache_clear()


def _timed_run(element) -> float:
    start = time.perf_counter()
    element.run()
    return time.perf_counter() - start


def bench_cold_build() -> None:
    _clear_caches()
    start = time.perf_counter()
    held_out = experiment.draw_data(N)[2]
    core = time.perf_counter() - start
    warm = best_seconds(lambda: experiment.draw_data(N), repeats=3)
    print(f"cold build of {N:,} training + {len(held_out)} held-out faces as pixels: "
          f"{core * 1e3:.0f} ms (budget 20 s)")
    print(f"  the same once the table of every face has been read: {warm * 1e3:.0f} ms "
          f"-> reading the table costs {core / warm:.1f}x the bookkeeping")
    _clear_caches()
    start = time.perf_counter()
    pixels.encoding.draw_every_face()
    print(f"  drawing all 4,032 faces instead (what scripts/build_pixel_faces.py does once): "
          f"{time.perf_counter() - start:.1f} s")

    _clear_caches()
    at = app(timeout=300, n=str(N))
    at.run()
    page = _timed_run(at.switch_page("app_pages/planet_pixel.py"))
    check(at)
    print(f"  first AppTest render of the page at {N:,} faces from cold caches: {page:.1f} s")


def bench_alpha_rerun() -> None:
    """Median server-side rerun after moving α, once every value has been seen (warm)."""
    home_ms = home_rerun_ms(10)

    at = app(timeout=300, n=str(N))
    at.run()
    at.switch_page("app_pages/planet_pixel.py").run()
    first = [_timed_run(at.select_slider(key="pp_alpha").set_value(a)) for a in ALPHAS]
    check(at)
    moves = 3 * len(ALPHAS)
    alphas = itertools.cycle(ALPHAS)
    warm_ms = median_ms(
        lambda: check(at.select_slider(key="pp_alpha").set_value(next(alphas)).run()), moves
    )
    first_ms = statistics.median(first) * 1e3
    print(f"AppTest rerun after moving α at {N:,} faces, warm caches: median {warm_ms:.0f} ms "
          f"(budget 150 ms) over {moves} moves")
    print(f"  reference, a rerun of the home page: median {home_ms:.0f} ms "
          f"-> the page costs {warm_ms / home_ms:.1f}x the home page")
    print(f"  first visit of each α (fit, 200 samples, nearest faces, likelihoods, new PNGs): "
          f"median {first_ms:.0f} ms, max {max(first) * 1e3:.0f} ms")


def bench_nearest() -> None:
    faces, _ = pixels.make_dataset(training.training_faces(N))
    samples = CategoricalNB(0.01).fit(faces, 256).sample(10, seed=0).astype(np.uint8)
    ours = best_seconds(lambda: measures.nearest(samples, faces), repeats=7)
    bincount = best_seconds(lambda: np.bincount(faces.ravel(), minlength=256), repeats=7)

    def loop():
        best = []
        for sample in samples:
            distances = [int(np.count_nonzero(sample != face)) for face in faces]
            best.append(int(np.argmin(distances)))
        return best

    looped = best_seconds(loop, repeats=3)
    assert loop() == measures.nearest(samples, faces)[0].tolist()
    print(f"nearest training face, 10 samples vs {N:,} faces: {ours * 1e3:.1f} ms "
          "(budget 50 ms)")
    print(f"  one np.bincount over the {N:,} x 1,024 training bytes: {bincount * 1e3:.1f} ms "
          f"-> nearest is {ours / bincount:.1f}x a single pass over the data "
          f"(it reads it 10 times)")
    print(f"  a Python loop over the 20,000 pairs (numpy per pair): {looped * 1e3:.0f} ms "
          f"-> ours is {looped / ours:.0f}x faster")


def main() -> None:
    bench_cold_build()
    bench_alpha_rerun()
    bench_nearest()


if __name__ == "__main__":
    main()
