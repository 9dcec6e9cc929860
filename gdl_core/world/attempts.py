"""Scoring boxes against the data: the best box, one box's read-outs, and every box tried.

With N points, a box of area A scores ``ℓ = −N·log A`` when it holds every point and
``ℓ = −∞`` when it misses one. A box holds every point exactly when it holds their bounding
box, which is also the maximum-likelihood box (:meth:`Box.fit`).

- :class:`Training`: N points from ``p_data`` and their MLE box: one report per (N, seed).
- :class:`Score`: what one box makes of those points (area, density, misses, ℓ, gap to the MLE).
- :class:`Attempts`: the boxes a person tried, oldest first, and their ``(area, ℓ)`` on any
  points, computed afresh rather than stored, so they always belong to the current data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from gdl_core.rng import Seed
from gdl_core.world.box import Box
from gdl_core.world.land import sample_land
from gdl_core.world.points import as_points

__all__ = ["ATTEMPTS_LIMIT", "Attempts", "Score", "Training"]

#: How many boxes :class:`Attempts` keeps unless told otherwise (the newest ones).
ATTEMPTS_LIMIT = 150


@dataclass(frozen=True)
class Score:
    """What one box makes of the training points.

    - ``area``: width × height in square degrees.
    - ``log_density``: ``log p_model(x) = −log(area)`` for a point inside the box.
    - ``outside``: how many points the box gives density 0.
    - ``log_likelihood``: ``ℓ = −N·log(area)``, or ``−∞`` when ``outside > 0``.
    - ``gap``: ``ℓ − ℓ_MLE`` (0 at the MLE, below 0 for any other box, ``−∞`` with ℓ);
      NaN when the points have no MLE.
    """

    area: float
    log_density: float
    outside: int
    log_likelihood: float
    gap: float


@dataclass(frozen=True, eq=False)
class Training:
    """N training points ``(longitude, latitude)`` and the maximum-likelihood box for them.

    ``mle`` is :meth:`Box.fit` of the points and ``mle_log_likelihood`` its ℓ; without a best
    box (no points, or all on one line of longitude or latitude) ``mle`` is ``None``,
    ``mle_log_likelihood`` is NaN and ``no_mle_reason`` says why. ``points`` is a read-only
    copy of what was given.
    """

    points: np.ndarray
    mle: Box | None = field(init=False)
    mle_log_likelihood: float = field(init=False)
    no_mle_reason: str = field(init=False)

    def __post_init__(self) -> None:
        points = np.array(as_points(self.points))
        points.flags.writeable = False
        try:
            mle = Box.fit(points)
        except ValueError as error:
            mle, log_l, reason = None, math.nan, str(error)
        else:
            log_l, reason = mle.log_likelihood(points), ""
        for name, value in (("points", points), ("mle", mle), ("mle_log_likelihood", log_l),
                            ("no_mle_reason", reason)):
            object.__setattr__(self, name, value)

    @classmethod
    def draw(cls, n: int, seed: Seed) -> Training:
        """``n`` points drawn from ``p_data`` (:func:`sample_land`) and their MLE."""
        return cls(sample_land(n, seed))

    def score(self, box: Box) -> Score:
        """How well ``box`` explains these points: see :class:`Score`."""
        log_l = box.log_likelihood(self.points)
        if self.mle is None:
            gap = math.nan
        else:
            gap = log_l - self.mle_log_likelihood if math.isfinite(log_l) else log_l
        return Score(
            area=box.area,
            log_density=-math.log(box.area),
            outside=int(np.count_nonzero(~box.contains(self.points))),
            log_likelihood=log_l,
            gap=gap,
        )


@dataclass(frozen=True)
class Attempts:
    """The boxes a person tried, oldest first: at most ``limit`` of them, the newest.

    Immutable: :meth:`add` returns new attempts. Only the boxes are kept; their scores come
    from :meth:`scores` for whatever points are current.
    """

    boxes: tuple[Box, ...] = ()
    limit: int = ATTEMPTS_LIMIT

    def __post_init__(self) -> None:
        if isinstance(self.limit, bool) or not isinstance(self.limit, int) or self.limit < 1:
            raise ValueError(f"limit must be a whole number ≥ 1, got {self.limit!r}")
        boxes = tuple(self.boxes)
        if not all(isinstance(box, Box) for box in boxes):
            raise ValueError("Every attempt must be a Box.")
        object.__setattr__(self, "boxes", boxes[-self.limit:])

    def add(self, box: Box) -> Attempts:
        """These attempts and then ``box``; the same attempts when ``box`` is the last one
        already. Past ``limit`` the oldest is dropped."""
        if self.boxes and self.boxes[-1] == box:
            return self
        return replace(self, boxes=(*self.boxes, box))

    def scores(self, points) -> tuple[tuple[float, float], ...]:
        """``(area, ℓ)`` of every attempt on ``points``, oldest first: the values
        :meth:`Box.log_likelihood` gives, ``−N·log(area)`` or ``−∞``.

        A box holds all N points exactly when it holds their bounding box, so the points
        are read once, not once per box.
        """
        points = as_points(points)
        n = len(points)
        if n:
            (west, south), (east, north) = points.min(axis=0), points.max(axis=0)
        scored = []
        for box in self.boxes:
            holds = n == 0 or (box.lon_min <= west and east <= box.lon_max
                               and box.lat_min <= south and north <= box.lat_max)
            scored.append((box.area, -n * math.log(box.area) if holds else -math.inf))
        return tuple(scored)
