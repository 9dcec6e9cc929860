"""The representation-learning page and its decoder f: tins drawn per second, and server
time of one interaction rerun as a ratio to a home-page rerun timed in the same run.

    python -m bench.representation
"""

from __future__ import annotations

import itertools

import numpy as np

from bench.apptest import app, check, home_rerun_ms
from bench.timing import best_seconds, median_ms
from gdl_core.tins import draw_many

PAGE = "app_pages/representation.py"
REPEATS = 10
RATIO_GOAL = 3.0  # every page's goal: an interaction rerun at most 3x a home-page rerun


def tins_per_second(batch: int = 1_000) -> float:
    """f on a batch of random latent points, best of five."""
    z = np.random.default_rng(0).uniform([2, 2], [14, 14], size=(batch, 2))
    return batch / best_seconds(lambda: draw_many(z))


def main() -> None:
    print(f"f: {tins_per_second():,.0f} tins drawn per second (batches of 1,000, one core)")
    home = home_rerun_ms(REPEATS)
    print(f"home page rerun (reference): {home:.1f} ms (median of {REPEATS})")
    at = app()
    check(at.run())
    check(at.switch_page(PAGE).run())
    moved = _rerun_ms(at, "rep_height", (5.0, 9.0, 12.5))
    # AppTest reruns the whole page; a browser reruns only the step's fragment, which
    # python -m bench.load measures against the goal.
    print(f"{PAGE}: whole-page rerun after moving z (a new f(z)): {moved:.1f} ms = "
          f"{moved / home:.1f}x the home page (a browser reruns only step 2: see bench.load, "
          f"goal ≤ {RATIO_GOAL:g}x)")
    resampled = _rerun_ms(at, "rep_seed", (0, 1, 2))
    print(f"{PAGE}: rerun after a new seed, samples cached: {resampled:.1f} ms = "
          f"{resampled / home:.1f}x the home page")


def _rerun_ms(at, key: str, values: tuple) -> float:
    """Median rerun after setting the number input ``key`` to each of ``values`` in turn,
    after one pass over them has filled the caches."""
    cycle = itertools.cycle(values)
    for _ in values:
        check(at.number_input(key=key).set_value(next(cycle)).run())
    return median_ms(lambda: check(at.number_input(key=key).set_value(next(cycle)).run()),
                     REPEATS)


if __name__ == "__main__":
    main()
