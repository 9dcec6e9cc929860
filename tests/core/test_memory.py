"""ui.memory: the mmap threshold set and one trimming thread started, once per process, and
nothing at all where glibc is absent."""

from __future__ import annotations

import ctypes
import sys
import threading

import pytest

from ui import memory


@pytest.fixture
def fresh(monkeypatch):
    """ui.memory as if no run had started it yet in this process; its thread stopped after."""
    stop = threading.Event()
    monkeypatch.setattr(memory, "_started", False)
    monkeypatch.setattr(memory, "_thread", None)
    monkeypatch.setattr(memory, "_stop", stop)
    yield memory
    stop.set()
    if memory._thread is not None:
        memory._thread.join(timeout=5)


def test_the_thread_starts_once_and_calls_malloc_trim(fresh, monkeypatch):
    trims, options, lookups = [], [], []
    trimmed = threading.Event()

    def fake_trim(pad: int) -> int:
        trims.append(pad)
        trimmed.set()
        return 1

    def lookup():
        lookups.append(1)
        return memory.Glibc(fake_trim, lambda *option: options.append(option) or 1)

    monkeypatch.setattr(memory, "glibc", lookup)
    before = threading.active_count()
    thread = fresh.start(interval=0.01)
    assert thread is not None and thread.daemon and thread.is_alive()
    assert all(fresh.start(interval=0.01) is thread for _ in range(50))
    assert threading.active_count() == before + 1
    assert lookups == [1]
    assert options == [(memory.M_MMAP_THRESHOLD, memory.MMAP_THRESHOLD)]
    assert trimmed.wait(timeout=5)
    assert set(trims) == {0}


def test_starting_from_many_threads_at_once_still_makes_one(fresh, monkeypatch):
    monkeypatch.setattr(memory, "glibc", lambda: memory.Glibc(lambda pad: 0, lambda *o: 1))
    started: list[threading.Thread | None] = []
    barrier = threading.Barrier(8)

    def race():
        barrier.wait()
        started.append(fresh.start(interval=60))

    racers = [threading.Thread(target=race) for _ in range(8)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert len({id(thread) for thread in started}) == 1 and started[0] is not None


def _no_libc(*args, **kwargs):
    raise OSError("no C library here")


class _LibcWithoutTrim:  # musl, say: a C library with mallopt but without malloc_trim
    def mallopt(self, param, value):
        raise AssertionError("not to be called without malloc_trim")


@pytest.mark.parametrize(
    "patch",
    [
        lambda mp: mp.setattr(ctypes, "CDLL", _no_libc),
        lambda mp: mp.setattr(ctypes, "CDLL", lambda name: _LibcWithoutTrim()),
        lambda mp: mp.setattr(sys, "platform", "darwin"),
        lambda mp: mp.setattr(sys, "platform", "win32"),
    ],
    ids=["no-libc", "no-malloc_trim", "macos", "windows"],
)
def test_without_glibc_it_is_a_no_op(fresh, monkeypatch, patch):
    patch(monkeypatch)
    assert memory.glibc() is None
    before = threading.active_count()
    assert fresh.start() is None
    assert fresh.start() is None
    assert threading.active_count() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc is a Linux library")
def test_on_glibc_the_real_functions_run():
    libc = memory.glibc()
    if libc is None:
        pytest.skip("this Linux's C library is not glibc")
    assert libc.malloc_trim(0) in (0, 1)  # 1: memory was returned, 0: there was none to return
    assert libc.mallopt(memory.M_MMAP_THRESHOLD, memory.MMAP_THRESHOLD) == 1  # 1: accepted
