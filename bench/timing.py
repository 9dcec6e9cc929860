"""The one timer the benchmarks share."""

import time
from collections.abc import Callable


def best_seconds(action: Callable[[], object], repeats: int = 5) -> float:
    """Fastest wall-clock time of ``repeats`` calls: the least disturbed by other work."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)
