"""The library's committed data files (provenance: ``README.md`` beside them).

:func:`path` finds a file next to this module with :mod:`importlib.resources`, so the
library reads its data from any working directory, and once installed as a package too.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

__all__ = ["path"]


def path(name: str) -> Traversable:
    """The data file ``name`` (e.g. ``"wrodl.csv"``), ready for ``open()`` or ``PIL.Image.open``."""
    return resources.files(__name__) / name
