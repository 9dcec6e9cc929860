"""One way to turn a ``seed`` argument into a random generator.

Every function in :mod:`gdl_core` that draws takes ``seed`` (an ``int`` or a
``numpy.random.Generator``) and passes it through :func:`as_generator`, so that
nothing touches numpy's global random state and the same seed gives the same
result on every machine.
"""

from __future__ import annotations

import numpy as np

Seed = int | np.random.Generator


def as_generator(seed: Seed) -> np.random.Generator:
    """Return ``seed`` if it is already a Generator, else a fresh PCG64 generator seeded by it."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        raise ValueError(f"seed must be a whole number or a numpy Generator, got {seed!r}")
    if seed < 0:
        raise ValueError(f"seed must be ≥ 0, got {seed}")
    return np.random.default_rng(int(seed))


def check_count(n: int) -> int:
    """Return ``n`` as an int; a number of draws must be a whole number ≥ 0."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 0:
        raise ValueError(f"the number of samples must be a whole number ≥ 0, got {n!r}")
    return int(n)
