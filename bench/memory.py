"""The server's memory, against Streamlit Community Cloud's floor of 690 MB.

Run ``python -m bench.memory`` (options: ``--class-size 100``, ``--seeds 3``, ``--ttl 120``,
``--option server.x=y`` for extra ``streamlit run`` flags). One server, from
``.streamlit/config.toml``, spoken to over Streamlit's websocket protocol (:mod:`bench.session`):

1. **start** and **one visit of every page**: the resident memory of a fresh server;
2. **fill**, page by page: sessions open each page's links over every setting that a cache
   keys on — Planet Pixel at every training size × every pseudocount × ``--seeds`` seeds and
   270 pixels, the world at up to 5,000 points with 2,000 samples judged, both Wrodl pages
   at every α with new samples and the calculator on 256 faces, the framework and
   representation pages over seeds, latent points, k and 270 pairs of faces — so that each
   process-wide cache (``st.cache_data``, ``st.cache_resource``, the core's ``functools``
   caches) grows to its ``max_entries`` (the list of caches printed after the class shows
   how many entries each holds). The growth each page adds is the memory its caches hold,
   plus what the fill's closed sessions hold until their TTL;
3. **class**: ``--class-size`` sessions open at once over every page (the per-session cost:
   session state, the pictures each session's page refers to);
4. **closed**: every session closed, then, past ``server.disconnectedSessionTTL`` (the
   framework's session TTL, ``--ttl``), one new visit, which lets Streamlit drop the expired
   sessions and the pictures only they used.

Printed: the resident memory (VmRSS) after each step and the peak (VmHWM) of the whole run,
then a summary of the three figures issue 14 asks for: RSS after one visit of every page,
the worst-case peak with every cache full (target: under 600 MB, with a margin under Cloud's
690 MB), and RSS once the sessions have closed and the TTL has passed. The app returns freed
memory to the system every few seconds (ui/memory.py), so RSS between steps moves with it.
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
from gdl_core.wrodl import FEATURES

#: Planet Pixel's training sizes (app_pages/planet_pixel.py: SIZES).
PIXEL_SIZES = (50, 200, 500, 1000, 2000)
PAGES = ("", "framework", "world", "wrodl_counting", "wrodl_naive_bayes", "planet_pixel",
         "representation")
#: The worst case must stay under this (issue 14), with a margin under Cloud's guarantee.
TARGET_MB = 600
CLOUD_MB = 690
#: Sessions talking to the server at once while filling the caches.
CONCURRENCY = 4


def links(seeds: int) -> dict[str, list[str]]:
    """For each page, the query strings that together fill its caches."""
    alphas = [f"{a:g}" for a in PSEUDOCOUNTS]
    many = range(70)  # more than any cache keyed by seed alone keeps (64)
    # 256 faces for the calculator (ui.wrodl_reports.face keeps 256; with the other pages'
    # portraits they fill ui.images.avatar_png's 512), each with a seed of its own
    # (ui.wrodl.samples_sheet keeps SHEETS_KEPT = 256 sheets). Not more: every link is a
    # session, which Streamlit keeps for the TTL after it closes.
    faces = list(itertools.islice(itertools.product(
        *(range(len(values)) for values in FEATURES.values())), 0, None, 15))[:256]
    nb_names = ("top", "hair", "glasses", "clothes", "colour")  # FEATURES order
    pixel_links = list(itertools.product(PIXEL_SIZES, alphas, range(seeds)))
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
        "wrodl_naive_bayes": [
            f"alpha={alphas[i % len(alphas)]}&seed={i}&"
            + "&".join(f"{name}={value}" for name, value in zip(nb_names, face, strict=True))
            for i, face in enumerate(faces)
        ],
        # Every size × pseudocount × seed, each link on a pixel of its own (the inspector's
        # outlined faces: ui.images.outlined_face_png keeps 256), then more pixels at one fit.
        "planet_pixel": [
            f"n={n}&alpha={a}&seed={s}&row={i // 32 % 32}&col={i % 32}"
            for i, (n, a, s) in enumerate(
                [*pixel_links, *[(50, "1", 0)] * max(0, 270 - len(pixel_links))])
        ],
        # Every pair of Wrodlers apart (the blend keeps 256 pairs), a tin at a point of its
        # own (ui.images.tin_sheet_png keeps 256 sheets).
        "representation": [f"seed={i % 70}&k={1 + i % 10}&height={2 + i % 120 / 10:g}"
                           f"&width={2 + i * 7 % 120 / 10:g}&a={i % 50}"
                           f"&b={(i % 50 + 1 + i // 50) % 50}" for i in range(270)],
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
    parser.add_argument("--seeds", type=int, default=3,
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
        visited = before = server.rss_mb()
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
        closed = server.rss_mb()
        _print_caches(server)
        print()
        time.sleep(ttl + 5)
        asyncio.run(_visit(server, "", "", problems))  # lets the server drop expired sessions
        time.sleep(2)
        asyncio.run(_visit(server, "", "", problems))
        after_ttl = server.rss_mb()
        _row(f"closed, {ttl:g} s session TTL past, one visit", server, start,
             f"{after_ttl - filled:+.0f} MB against the filled caches")
        media = cache_metrics(server).get("memory_media_file_storage:", [0.0])[0]
        print(f"{'':44} media files still held: {media / 2**20:.1f} MB")

        peak = peak_mb(server)  # of the whole run: every cache full, the class open

        print(f"\nSummary (issue 14: under {TARGET_MB} MB in the worst case; Community Cloud "
              f"guarantees {CLOUD_MB} MB):")
        print(f"  {'RSS after one visit of every page':62} {visited:>5.0f} MB")
        print(f"  {f'worst-case peak RSS (every cache filled, then {args.class_size} open)':62} "
              f"{peak:>5.0f} MB  {'under' if peak < TARGET_MB else 'OVER'} {TARGET_MB} MB")
        print(f"  {f'RSS after the sessions closed and the {ttl:g} s session TTL passed':62} "
              f"{after_ttl:>5.0f} MB  released {closed - after_ttl:.0f} MB since they closed "
              f"({in_class - after_ttl:.0f} MB since all were open); media files held: "
              f"{media / 2**20:.1f} MB")
        print(f"  problems: {len(problems)}")
        for problem in sorted(set(problems))[:10]:
            print(f"    {problem}")


if __name__ == "__main__":
    main()
