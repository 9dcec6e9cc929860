"""A lecture hall at once: N sessions speaking Streamlit's websocket protocol to one server.

Run ``python -m bench.load`` (options: ``--n 25 100``, ``--pages world planet_pixel``,
``--defaults`` to run with Streamlit's stock ``runner.postScriptGC`` and
``server.fileWatcherType`` instead of the project's ``.streamlit/config.toml``).

For every page and N, all N sessions open the page at once, then each performs the page's
main interactions one after another (its own seed first, then the page's other controls),
as a class does when the lecturer says "now you". Printed per page and N:

- first render and interaction latency, p50 / p95 (seconds, send → ``script_finished``);
- reruns per second the one server process sustained, and its CPU milliseconds per rerun;
- the server's resident memory after the run; errors, exception elements, and sessions
  whose link (the query string the server sends back) shows any seed but their own
  (isolation under load).

Before the table, one session alone measures the server's CPU time per interaction rerun of
each page (warm caches), as a multiple of a home-page rerun and of a one-widget page
(``bench/floor_app.py``, the framework's floor) served the same way in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

import numpy as np

from bench.server import Server, serve
from bench.session import Change, Session
from gdl_core.wrodl import FEATURES

#: A step of a scenario: (session number, step number) → widget changes by key or label.
Step = Callable[[int, int], dict[str, Change]]


def _seed(key: str) -> Step:
    """Each session sets the seed under ``key`` to its own number (the isolation check)."""
    return lambda i, j: {key: ("int_value", own_seed(i))}


def own_seed(i: int) -> int:
    return 1000 + i


def _alpha(key: str, stops: tuple[str, ...]) -> Step:
    return lambda i, j: {key: ("string_array_value", [stops[(i + j) % len(stops)]])}


def _press(name: str) -> Step:
    return lambda i, j: {name: ("trigger_value", True)}


@dataclass(frozen=True)
class Scenario:
    """One page and what a student does on it."""

    page: str  # the page's URL path
    title: str
    seed_key: str | None  # a number input each session sets to its own value
    steps: tuple[Step, ...]


def _wrodl(page: str, title: str, prefix: str) -> Scenario:
    """A Planet Wrodl page: its seed, the shared α slider and its "Sample again" button."""
    return Scenario(page, title, f"{prefix}_seed", (
        _seed(f"{prefix}_seed"),
        _alpha("wrodl_alpha", ("0.5", "1", "0.1", "2")),
        _press(f"{prefix}_again"),
        _alpha("wrodl_alpha", ("1", "0", "5", "0.2")),
        _press(f"{prefix}_again"),
    ))


#: A select box's state is the label of its option.
TOPS, HAIRS = FEATURES["topType"], FEATURES["hairColor"]

SCENARIOS: tuple[Scenario, ...] = (
    Scenario("", "Home (presenter mode on/off)", None, (
        lambda i, j: {"presenter_mode": ("bool_value", j % 2 == 0)},
    ) * 5),
    Scenario("world", "Likelihood (world map)", "world_seed", (
        _seed("world_seed"),
        lambda i, j: {"world_lon_min": ("double_value", -170.0 + i % 40)},
        lambda i, j: {"world_lat_max": ("double_value", 80.0 - i % 30)},
        _press("world_new_samples"),
        lambda i, j: {"world_radius": ("double_array_value", [1.0 + (i % 8) / 2])},
    )),
    _wrodl("wrodl_counting", "Counting and smoothing", "wrodl_mn"),
    _wrodl("wrodl_naive_bayes", "Naive Bayes", "wrodl_nb"),
    Scenario("framework", "Generative or discriminative", "fw_seed", (
        _seed("fw_seed"),
        lambda i, j: {"fw_topType": ("string_value", TOPS[(i + j) % len(TOPS)])},
        _press("fw_sample_again"),
        lambda i, j: {"fw_hairColor": ("string_value", HAIRS[(i + j) % len(HAIRS)])},
        _press("fw_sample_again"),
    )),
    Scenario("representation", "Representation learning", "rep_seed", (
        _seed("rep_seed"),
        lambda i, j: {"rep_height": ("double_value", 3.0 + (i + j) % 10)},
        _press("rep_sample_again"),
        lambda i, j: {"rep_k": ("double_array_value", [1.0 + (i + j) % 10])},
        lambda i, j: {"rep_face_b": ("string_value", f"#{(i + j) % 50}")},
    )),
    Scenario("planet_pixel", "Planet Pixel", "pp_seed", (
        _seed("pp_seed"),
        _alpha("pp_alpha", ("0.5", "1", "0.1", "2")),
        _press("pp_next_seed"),
        lambda i, j: {"pp_row": ("int_value", 8 + i % 16)},
        _alpha("pp_alpha", ("1", "0", "5", "0.01")),
    )),
)


@dataclass
class Outcome:
    """What the N sessions of one run measured."""

    first: list[float]
    interactions: list[float]
    errors: list[str]
    exceptions: list[str]
    foreign_seed: int
    seconds: float
    cpu_seconds: float
    rss_mb: float

    @property
    def reruns(self) -> int:
        return len(self.first) + len(self.interactions)


async def _student(server: Server, scenario: Scenario, i: int, outcome: Outcome) -> None:
    start = time.perf_counter()
    try:
        async with Session(server.url, scenario.page) as session:
            run = await session.run()
            outcome.first.append(time.perf_counter() - start)
            outcome.exceptions += run.exceptions
            for j, step in enumerate(scenario.steps):
                run = await session.run(step(i, j))
                outcome.interactions.append(run.seconds)
                outcome.exceptions += run.exceptions
                # The first step sets this session's own seed: its link must say so.
                if j == 0 and scenario.seed_key and (
                    parse_qs(run.query_string or "").get("seed") != [str(own_seed(i))]
                ):
                    outcome.foreign_seed += 1
    except Exception as error:  # a refused connection or a closed socket counts, not stops
        outcome.errors.append(f"{type(error).__name__}: {error}")


async def _class(server: Server, scenario: Scenario, n: int) -> Outcome:
    outcome = Outcome([], [], [], [], 0, 0.0, 0.0, 0.0)
    cpu, start = server.cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(_student(server, scenario, i, outcome) for i in range(n)))
    outcome.seconds = time.perf_counter() - start
    outcome.cpu_seconds = server.cpu_seconds() - cpu
    outcome.rss_mb = server.rss_mb()
    return outcome


async def _rerun_ms(server: Server, scenario: Scenario, repeats: int) -> float:
    """Server CPU milliseconds per interaction rerun of one session alone, caches warm."""
    async with Session(server.url, scenario.page) as session:
        await session.run()
        for j, step in enumerate(scenario.steps):  # warm the caches for both inputs below
            await session.run(step(j % 2, j))
        cpu = server.cpu_seconds()
        for j in range(repeats):
            step = scenario.steps[j % len(scenario.steps)]
            await session.run(step(j % 2, j))
        return (server.cpu_seconds() - cpu) / repeats * 1e3


def _p(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[25, 50, 100, 200])
    parser.add_argument("--pages", nargs="+", default=[s.page or "home" for s in SCENARIOS])
    parser.add_argument("--defaults", action="store_true",
                        help="Streamlit's stock postScriptGC and file watcher")
    args = parser.parse_args(argv)
    options = (["--runner.postScriptGC=true", "--server.fileWatcherType=auto"]
               if args.defaults else [])
    scenarios = [s for s in SCENARIOS if (s.page or "home") in args.pages]
    home = SCENARIOS[0]
    floor_scenario = Scenario("", "one-widget page", "seed", (_seed("seed"),))

    with serve("bench/floor_app.py", *options) as floor:
        floor_ms = asyncio.run(_rerun_ms(floor, floor_scenario, 100))
    with serve("app.py", *options) as server:
        print(f"server: {'stock Streamlit settings' if args.defaults else '.streamlit/config.toml'}"
              f", RSS at start {server.rss_mb():.0f} MB")
        home_ms = asyncio.run(_rerun_ms(server, home, 100))
        print(f"server CPU per rerun, one session alone, warm caches: a one-widget page "
              f"{floor_ms:.1f} ms, the home page {home_ms:.1f} ms ({home_ms / floor_ms:.1f}x)")
        for scenario in scenarios[1:] if scenarios[0] is home else scenarios:
            ms = asyncio.run(_rerun_ms(server, scenario, 50))
            print(f"  {scenario.title}: an interaction rerun {ms:.1f} ms = "
                  f"{ms / home_ms:.1f}x home, {ms / floor_ms:.1f}x the floor")
        print()
        print(f"{'page':32} {'N':>4} {'first p50/p95 s':>16} {'interact p50/p95 s':>19} "
              f"{'reruns/s':>9} {'CPU ms/rerun':>13} {'RSS MB':>7} {'errors':>6} "
              f"{'exceptions':>10} {'not own seed':>12}")
        for scenario in scenarios:
            for n in args.n:
                o = asyncio.run(_class(server, scenario, n))
                print(f"{scenario.title:32} {n:>4} "
                      f"{_p(o.first, 50):>7.2f} / {_p(o.first, 95):<6.2f} "
                      f"{_p(o.interactions, 50):>8.2f} / {_p(o.interactions, 95):<8.2f} "
                      f"{o.reruns / o.seconds:>9.1f} {o.cpu_seconds / o.reruns * 1e3:>13.1f} "
                      f"{o.rss_mb:>7.0f} {len(o.errors):>6} {len(o.exceptions):>10} "
                      f"{o.foreign_seed:>12}", flush=True)
                for message in sorted(set(o.errors + o.exceptions))[:3]:
                    print(f"    {message[:160]}")


if __name__ == "__main__":
    main()
