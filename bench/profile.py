"""Where the whole server spends its CPU while a class uses one page: every thread of the
``streamlit run`` process (the event loop, the script threads, the framework's message
handling and caching, not only the page script), sampled by py-spy; only stacks that hold
the GIL count, so threads waiting in a sleep or a queue do not.

    python -m bench.profile --page wrodl_counting --n 10

The N sessions of :mod:`bench.load`'s scenario for the page run while py-spy samples the
server's on-CPU stacks; printed are the functions that took the largest share of the samples,
inclusive (anything below them on the stack) and self (their own code).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from bench.load import SCENARIOS, _class, _rerun_ms
from bench.server import serve


def _frames(stack: str) -> list[str]:
    """``func (file:line)`` frames of one collapsed stack, without line numbers."""
    frames = []
    for frame in stack.split(";"):
        name, _, where = frame.partition(" (")
        path = where.rsplit(":", 1)[0]
        short = path.split("site-packages/")[-1].split("/work/main/")[-1]
        frames.append(f"{name} ({short})")
    return frames


def summarise(raw: str, top: int) -> str:
    """Inclusive and self shares of the samples in py-spy's ``raw`` (collapsed) output."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        frames, n = _frames(stack), int(count)
        total += n
        for frame in set(frames):
            inclusive[frame] += n
        own[frames[-1]] += n
    lines = [f"{total} samples on CPU"]
    for title, counts in (("inclusive", inclusive), ("self", own)):
        lines.append(f"\ntop {top} by {title} share:")
        lines += [f"  {n / total:6.1%}  {frame}" for frame, n in counts.most_common(top)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="wrodl_counting",
                        choices=[s.page or "home" for s in SCENARIOS])
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--alone", type=int, metavar="REPEATS",
                        help="profile one session alone repeating the interactions with warm "
                        "caches (bench.load's per-rerun figure) instead of N at once")
    args = parser.parse_args(argv)
    scenario = next(s for s in SCENARIOS if (s.page or "home") == args.page)
    with serve() as server, tempfile.TemporaryDirectory() as folder:
        asyncio.run(_class(server, scenario, 2))  # warm the caches first
        out = Path(folder, "profile.txt")
        spy = subprocess.Popen(
            ["py-spy", "record", "--pid", str(server.process.pid), "--format", "raw",
             "--rate", "500", "--gil", "--output", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            if args.alone:
                ms = asyncio.run(_rerun_ms(server, scenario, args.alone))
                print(f"{scenario.title}: one session, {ms:.1f} ms of server CPU per rerun")
            else:
                outcome = asyncio.run(_class(server, scenario, args.n))
                print(f"{scenario.title}: {args.n} sessions, {outcome.reruns} reruns, "
                      f"{outcome.cpu_seconds * 1e3 / outcome.reruns:.1f} ms of server CPU "
                      "each")
        finally:
            spy.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
            spy.wait(timeout=60)
        print(summarise(out.read_text(), args.top))


if __name__ == "__main__":
    main()
