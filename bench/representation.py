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
    heights = itertools.cycle([5.0, 9.0, 12.5])  # three points, cached after the first pass
    for _ in range(3):
        check(at.number_input(key="rep_height").set_value(next(heights)).run())
    moved = median_ms(
        lambda: check(at.number_input(key="rep_height").set_value(next(heights)).run()), REPEATS
    )
    print(f"{PAGE}: rerun after moving z (a new f(z)): {moved:.1f} ms = "
          f"{moved / home:.1f}x the home page (goal ≤ {RATIO_GOAL:g}x)")
    seeds = itertools.cycle(range(3))
    for _ in range(3):
        check(at.number_input(key="rep_seed").set_value(next(seeds)).run())
    resampled = median_ms(
        lambda: check(at.number_input(key="rep_seed").set_value(next(seeds)).run()), REPEATS
    )
    print(f"{PAGE}: rerun after a new seed, samples cached: {resampled:.1f} ms = "
          f"{resampled / home:.1f}x the home page")


if __name__ == "__main__":
    main()
