"""Speed and size of the world-map page, against its budget.

Run ``python -m bench.world_page``. Prints:

1. server time of a rerun after moving one box corner, with warm caches (median of several
   AppTest reruns), with a short history of boxes and with a full one (every box tried is
   scored again on each rerun), next to the time of an AppTest rerun of the home page;
2. the bytes of the map's plotly spec sent to the browser at N = 5,000 points, with the land
   hidden, revealed, and revealed with the most samples.

Budget (issue 3): rerun ≤ 100 ms, map payload < 300 KB.
"""

from __future__ import annotations

import itertools

from bench.apptest import app, check, home_rerun_ms
from bench.timing import median_ms
from gdl_core.world.attempts import ATTEMPTS_LIMIT

REPEATS = 11
RERUN_BUDGET_MS = 100.0
PAYLOAD_BUDGET = 300_000


def corner_rerun_ms(n: int, tried: int = 0) -> float:
    """Median rerun after moving a corner, once ``tried`` other boxes are in the history."""
    at = app(n=str(n))
    at.run()
    at.switch_page("app_pages/world.py").run()
    for step in range(tried):
        check(at.number_input(key="world_lat_max").set_value(89.0 - 0.5 * step).run())
    check(at.number_input(key="world_lon_min").set_value(-170.0).run())  # warm every cache
    corners = itertools.cycle((-170.0, -169.0))
    return median_ms(
        lambda: check(at.number_input(key="world_lon_min").set_value(next(corners)).run()),
        REPEATS,
    )


def map_payload(n: int, land: bool, samples: int = 0) -> int:
    at = app(n=str(n), land="1" if land else "0")
    at.run()
    at.switch_page("app_pages/world.py").run()
    if samples:
        at.slider(key="world_m").set_value(samples).run()
        at.toggle(key="world_show_samples").set_value(True).run()
    check(at)
    # The map is the box editor component: its element carries the points (and land and
    # samples) and its own script and style, all counted here.
    (editor,) = [c for c in at.get("bidi_component") if c.proto.id.endswith("-world_map")]
    return editor.proto.ByteSize()


def main() -> None:
    home = home_rerun_ms(REPEATS)
    rerun_50 = corner_rerun_ms(50)
    rerun_5000 = corner_rerun_ms(5_000)
    rerun_full = corner_rerun_ms(5_000, tried=ATTEMPTS_LIMIT)
    payloads = {
        "land hidden": map_payload(5_000, land=False),
        "land revealed": map_payload(5_000, land=True),
        "land revealed + 2,000 samples": map_payload(5_000, land=True, samples=2_000),
    }
    print("World-map page (AppTest, server time, warm caches, median of", REPEATS, "runs)")
    print(f"  rerun after moving a corner, N = 50:     {rerun_50:6.1f} ms")
    print(f"  rerun after moving a corner, N = 5,000:  {rerun_5000:6.1f} ms"
          f"   (budget {RERUN_BUDGET_MS:.0f} ms)")
    full = f"the same with {ATTEMPTS_LIMIT} boxes in the history:"
    print(f"  {full:41s}{rerun_full:6.1f} ms")
    print(f"  for scale, a rerun of the home page:     {home:6.1f} ms"
          f"   (ratio at N = 5,000: {rerun_5000 / home:.1f}×)")
    print("Map payload at N = 5,000 (the box editor element: data, script, style)")
    for label, size in payloads.items():
        print(f"  {label:32s} {size / 1000:7.1f} KB   (budget {PAYLOAD_BUDGET / 1000:.0f} KB)")
    worst_rerun = max(rerun_50, rerun_5000, rerun_full)
    worst_payload = max(payloads.values())
    verdict = worst_rerun <= RERUN_BUDGET_MS and worst_payload < PAYLOAD_BUDGET
    print("Within budget." if verdict else "OVER BUDGET.")


if __name__ == "__main__":
    main()
