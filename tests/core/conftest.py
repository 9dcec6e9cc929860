"""What the core tests share."""

from __future__ import annotations

import builtins
import io
import os

import pytest


@pytest.fixture
def no_files(tmp_path, monkeypatch):
    """Run the test in an empty working directory with every way of opening a file refused:
    code that reads uploads must never touch the disk. Checks afterwards that nothing was
    opened and nothing written."""
    monkeypatch.chdir(tmp_path)
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args[:1])
        raise AssertionError(f"a file was opened: {args[:1]}")

    for module in (builtins, io, os):
        monkeypatch.setattr(module, "open", refuse)
    yield
    monkeypatch.undo()
    assert opened == []
    assert list(tmp_path.iterdir()) == []
