"""The server's memory, against Streamlit Community Cloud's floor of 690 MB.

Run ``python -m bench.memory`` (options: ``--class-size 100``, ``--seeds 2``, ``--ttl 120``,
``--option server.x=y`` for extra ``streamlit run`` flags). One server, from
``.streamlit/config.toml``, spoken to over Streamlit's websocket protocol (:mod:`bench.session`):

1. **start** and **one visit of every page**: the resident memory of a fresh server;
2. **fill**, page by page: sessions open each page's links over every setting that a cache
   keys on — Planet Pixel at every training size × every pseudocount × ``--seeds`` seeds,
   the world at up to 5,000 points with 2,000 samples judged, both Wrodl pages at every α
   with new samples, the framework and representation pages over seeds, latent points and
   k — so that each process-wide cache (``st.cache_data``, ``st.cache_resource``, the core's
   ``functools`` caches) grows to its ``max_entries``. The growth each page adds is the
   memory its caches hold;
3. **class**: ``--class-size`` sessions open at once over every page (the per-session cost:
   session state, the pictures each session's page refers to);
4. **closed**: every session closed, then, past ``server.disconnectedSessionTTL`` (the
   framework's session TTL, ``--ttl``), one new visit, which lets Streamlit drop the expired
   sessions and the pictures only they used.

Printed: the resident memory (VmRSS) after each step and the peak (VmHWM) of the whole run,
the figure that must stay under Cloud's 690 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import re
import time
import tomllib
import urllib.request
from collections import defaultdict
from pathlib import Path

from bench.server import ROOT, Server, serve
from bench.session import Session
from gdl_core.categorical import PSEUDOCOUNTS

#: Planet Pixel's training sizes (app_pages/planet_pixel.py: SIZES).
PIXEL_SIZES = (50, 200, 500, 1000, 2000)
PAGES = ("", "framework", "world", "wrodl_counting", "wrodl_naive_bayes", "planet_pixel",
         "representation")
#: Sessions talking to the server at once while filling the caches.
CONCURRENCY = 4


def links(seeds: int) -> dict[str, list[str]]:
    """For each page, the query strings that together fill its caches."""
    alphas = [f"{a:g}" for a in PSEUDOCOUNTS]
    many = range(70)  # more than any cache keyed by seed alone keeps (64)
    return {
        "": ["", "present=1"],
        "framework": [f"seed={s}" for s in many],
        "world": [
            f"n={n}&seed={s}&land=1&samples=1&m=2000&draw={d}&radius={r}"
            for n, s, (d, r) in itertools.product(
                (5000, 2000, 500), range(6), ((0, 3.0), (1, 7.5), (2, 15.0)))
        ],
        "wrodl_counting": [f"alpha={a}&seed={s}&face={s % 50}"
                           for a, s in itertools.product(alphas, range(8))],
        "wrodl_naive_bayes": [f"alpha={a}&seed={s}&top={s % 7}&glasses={s % 3}"
                              for a, s in itertools.product(alphas, range(8))],
        "planet_pixel": [f"n={n}&alpha={a}&seed={s}&row={5 + s}&col={7 + s}"
                         for n, a, s in itertools.product(PIXEL_SIZES, alphas, range(seeds))],
        "representation": [f"seed={s}&k={1 + s % 10}&height={4 + s % 9}&width={3 + s % 7}"
                           f"&a={s % 50}&b={(s * 7 + 1) % 50}" for s in many],
    }


def configured_ttl() -> float:
    """server.disconnectedSessionTTL from .streamlit/config.toml (Streamlit's default: 120)."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    return float(config.get("server", {}).get("disconnectedSessionTTL", 120))


def peak_mb(server: Server) -> float:
    """The server's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cache_metrics(server: Server) -> dict[str, list[float]]:
    """Streamlit's own account of its caches (``/_stcore/metrics``): for each cache, its
    bytes (``st.cache_data`` and the media files sessions refer to; ``st.cache_resource``
    reports entries, not bytes) and how many entries were ever computed (misses)."""
    text = urllib.request.urlopen(f"{server.url}/_stcore/metrics", timeout=30).read().decode()
    caches: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for kind, labels, value in re.findall(r"^(cache_memory_bytes|cache_lookups_total)"
                                          r"\{(.*)\} (\S+)$", text, re.MULTILINE):
        fields = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        name = f"{fields['cache_type'].removeprefix('st_')}:{fields['cache']}"
        if kind == "cache_memory_bytes":
            caches[name][0] += float(value)
        elif fields.get("result") == "miss":
            caches[name][1] += float(value)
    return dict(caches)


def _print_caches(server: Server, top: int = 12) -> None:
    caches = cache_metrics(server)
    data = {k: v for k, v in caches.items() if not k.startswith("cache_resource")}
    total = sum(size for size, _ in data.values())
    print(f"\nst.cache_data and media files by size (Streamlit's /_stcore/metrics), "
          f"{total / 2**20:.0f} MB in all:")
    for name, (size, computed) in sorted(data.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"  {name:52} {size / 2**20:>7.1f} MB  {computed:>5.0f} computed")
    resources = {k: v for k, v in caches.items() if k.startswith("cache_resource")}
    print("st.cache_resource entries held (no sizes reported): " + ", ".join(
        f"{name.split(':', 1)[1]} {held:.0f}/{computed:.0f} computed"
        for name, (held, computed) in sorted(resources.items())))


async def _visit(server: Server, page: str, query: str, problems: list[str]) -> None:
    try:
        async with Session(server.url, page, query) as session:
            run = await session.run()
            problems += [f"/{page}?{query}: {e[:120]}" for e in run.exceptions]
    except Exception as error:  # a refused or dropped connection counts, not stops
        problems.append(f"/{page}?{query}: {type(error).__name__}: {error}")


async def _fill(server: Server, page: str, queries: list[str], problems: list[str]) -> None:
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(query: str) -> None:
        async with gate:
            await _visit(server, page, query, problems)

    await asyncio.gather(*(one(query) for query in queries))


async def _class(server: Server, size: int, problems: list[str]) -> float:
    """``size`` sessions open at once, each on a page it has drawn; RSS with all open."""
    every = links(1)
    sessions = []
    try:
        for i in range(size):
            page = PAGES[i % len(PAGES)]
            queries = every[page]
            session = Session(server.url, page, queries[i % len(queries)])
            await session.__aenter__()
            sessions.append(session)
            run = await session.run()
            problems += [f"class /{page}: {e[:120]}" for e in run.exceptions]
        return server.rss_mb()
    finally:
        for session in sessions:
            await session.__aexit__()


def _row(step: str, server: Server, start: float, note: str = "") -> None:
    print(f"{step:44} {server.rss_mb():>8.0f} {peak_mb(server):>8.0f} "
          f"{time.perf_counter() - start:>7.0f}  {note}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--class-size", type=int, default=100)
    parser.add_argument("--seeds", type=int, default=2,
                        help="Planet Pixel seeds per (size, pseudocount)")
    parser.add_argument("--ttl", type=float, default=None,
                        help="server.disconnectedSessionTTL in seconds (default: "
                             ".streamlit/config.toml's)")
    parser.add_argument("--option", action="append", default=[],
                        help="an extra streamlit run flag, e.g. server.x=y (repeatable)")
    args = parser.parse_args(argv)
    options = [f"--{option.removeprefix('--')}" for option in args.option]
    if args.ttl is not None:
        options.append(f"--server.disconnectedSessionTTL={args.ttl:g}")
    ttl = args.ttl if args.ttl is not None else configured_ttl()
    problems: list[str] = []
    every = links(args.seeds)

    with serve("app.py", *options) as server:
        start = time.perf_counter()
        print(f"{'step':44} {'RSS MB':>8} {'peak MB':>8} {'s':>7}")
        _row("start", server, start)
        for page in PAGES:
            asyncio.run(_visit(server, page, "", problems))
        _row("one visit of every page", server, start)
        before = server.rss_mb()
        for page in PAGES:
            asyncio.run(_fill(server, page, every[page], problems))
            now = server.rss_mb()
            _row(f"fill /{page or 'home'} ({len(every[page])} links)", server, start,
                 f"+{now - before:.0f} MB")
            before = now
        filled = server.rss_mb()
        in_class = asyncio.run(_class(server, args.class_size, problems))
        print(f"{f'class: {args.class_size} sessions open at once':44} {in_class:>8.0f} "
              f"{peak_mb(server):>8.0f} {time.perf_counter() - start:>7.0f}  "
              f"+{in_class - filled:.0f} MB, "
              f"{(in_class - filled) / args.class_size * 1024:.0f} KB a session", flush=True)
        _row("class closed", server, start)
        _print_caches(server)
        print()
        time.sleep(ttl + 5)
        asyncio.run(_visit(server, "", "", problems))  # lets the server drop expired sessions
        time.sleep(2)
        asyncio.run(_visit(server, "", "", problems))
        _row(f"closed, {ttl:g} s session TTL past, one visit", server, start,
             f"{server.rss_mb() - filled:+.0f} MB against the filled caches")
        media = cache_metrics(server).get("memory_media_file_storage:", [0.0])[0]
        print(f"{'':44} media files still held: {media / 2**20:.1f} MB")
        print(f"\npeak resident memory: {peak_mb(server):.0f} MB "
              f"(Community Cloud guarantees 690 MB); problems: {len(problems)}")
        for problem in sorted(set(problems))[:10]:
            print(f"  {problem}")


if __name__ == "__main__":
    main()
