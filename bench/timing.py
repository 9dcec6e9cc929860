"""The timers the benchmarks share."""

import statistics
import time
from collections.abc import Callable


def _seconds(action: Callable[[], object], repeats: int) -> list[float]:
    """Wall-clock time of each of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def best_seconds(action: Callable[[], object], repeats: int = 5) -> float:
    """Fastest wall-clock time of ``repeats`` calls: the least disturbed by other work."""
    return min(_seconds(action, repeats))


def median_ms(action: Callable[[], object], repeats: int = 5) -> float:
    """Median wall-clock time of ``repeats`` calls, in milliseconds: the typical call."""
    return statistics.median(_seconds(action, repeats)) * 1e3
