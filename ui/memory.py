"""Give the memory the server frees back to the operating system (glibc only; else nothing).

Streamlit runs each session's script in a thread of its own, and glibc's malloc gives busy
threads arenas of their own (up to eight per core). Memory freed in an arena (a cache entry
evicted, a closed session's state, a rerun's temporary arrays) stays with the process for
the arena's next allocations, rarely all of it returned: the resident memory (RSS) stays near
its highest point, and Community Cloud counts RSS against its limit. ``MALLOC_ARENA_MAX=2``
would avoid most of it (deploy/Dockerfile sets it), but an environment variable must be set
before Python starts, which Cloud does not allow. Two calls from inside the process do it:

- ``mallopt(M_MMAP_THRESHOLD, 1 MiB)``: every block of 1 MiB or more (numpy's temporaries:
  the world page's distances, Planet Pixel's tables) gets pages of its own, handed back to
  the system the moment it is freed. By default glibc raises that threshold, up to 32 MiB,
  each time such a block is freed, after which large temporaries come out of the arenas and
  stay there;
- ``malloc_trim(0)`` every :data:`INTERVAL_S` seconds, from one daemon thread: it hands the
  free pages of every arena back.

In python -m bench.memory (every cache filled, then a class of 100), with the cache sizes set
for it, the peak went from 706 to 564 MB and the memory left once the sessions had closed
from 589 to 403 MB; the world page's fill alone, from +102 MB to +5 MB. :func:`start` does
both, once per process; where there is no glibc (macOS, Windows, musl) it does nothing and
never raises.
app.py calls it on every run: after the first call, one check of a global.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Callable
from typing import NamedTuple

#: Seconds between two trims: often enough that the memory a burst of reruns frees (a class
#: opening one link at once) goes back before the next burst adds to it, and long within the
#: framework's session TTL (120 s); rare enough to cost nothing: with every cache full a trim
#: took 1-40 ms of one thread, without the GIL (python -m bench.memory, timed around the call).
INTERVAL_S = 10.0
#: glibc's malloc.h: the mallopt parameter for the size from which blocks are mmap-ed.
M_MMAP_THRESHOLD = -3
#: Blocks this large or larger are mmap-ed, so returned at once when freed. At 1 MiB a cold
#: Planet Pixel or representation run took about as long as with glibc's default (at 128 KiB,
#: many more mid-sized arrays paid for fresh pages: the representation page's first run took
#: 1.7 times as long). Measured with AppTest, medians of 8 runs.
MMAP_THRESHOLD = 1 << 20


class Glibc(NamedTuple):
    """The two glibc functions :func:`start` calls."""

    malloc_trim: Callable[[int], int]
    mallopt: Callable[[int, int], int]


def glibc() -> Glibc | None:
    """glibc's ``malloc_trim`` and ``mallopt``, or None where the C library lacks them."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the process's own symbols: the C library's among them
        trim, mallopt = libc.malloc_trim, libc.mallopt
    except (OSError, AttributeError, TypeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return Glibc(trim, mallopt)


def _trim_forever(trim: Callable[[int], int], interval: float, stop: threading.Event) -> None:
    while not stop.wait(interval):
        trim(0)


_lock = threading.Lock()
_started = False
_thread: threading.Thread | None = None
#: Set to end the thread (tests only: in the app it runs as long as the process).
_stop = threading.Event()


def start(interval: float = INTERVAL_S) -> threading.Thread | None:
    """Set the mmap threshold and start the trimming thread, once per process; return the
    thread, or None without glibc.

    Idempotent and cheap: every later call returns the same thread (or None) at once.
    """
    global _started, _thread
    if _started:
        return _thread
    with _lock:
        if not _started:
            libc = glibc()
            if libc is not None:
                libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                _thread = threading.Thread(
                    target=_trim_forever, args=(libc.malloc_trim, interval, _stop),
                    name="malloc-trim", daemon=True,
                )
                _thread.start()
            _started = True
    return _thread
