"""Rule 1 and Rule 2 on the world map: is a generated point on land, and is it new?

:func:`judge` labels each sample ``"sea"`` (off land, breaks Rule 1), ``"copy"`` (within a
radius of a training point, breaks Rule 2) or ``"new"`` (on land and new: what we want).
:func:`judge_samples` draws the samples from a box and judges them: one report;
:func:`samples_table` writes them as a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from gdl_core.rng import Seed
from gdl_core.world.box import Box
from gdl_core.world.land import LandMask, land_mask
from gdl_core.world.points import EXTENT, as_finite_number, as_points

__all__ = ["EXAMPLE_LABELS", "VERDICTS", "JudgedSamples", "examples", "judge", "judge_samples",
           "nearest_distance", "samples_table"]

VERDICTS: tuple[str, str, str] = ("sea", "copy", "new")

#: The book's names for one sample of each verdict: A in the sea (breaks Rule 1), B a near
#: copy of an observation (breaks Rule 2), C new and on land (what a good model makes).
EXAMPLE_LABELS: dict[str, str] = {"sea": "A", "copy": "B", "new": "C"}

# judge(): how many sample–training distances to hold in memory at once.
_CHUNK_ELEMENTS = 1 << 20


def nearest_distance(samples, training) -> np.ndarray:
    """For each sample, the distance (degrees, straight line in the lon/lat plane) to the
    nearest training point; ``inf`` when there are no training points. Shape ``(M,)``.

    Works in chunks of samples so memory stays small even for many thousands of each.
    """
    samples = as_points(samples, "samples")
    training = as_points(training, "training")
    out = np.full(len(samples), np.inf)
    if len(samples) == 0 or len(training) == 0:
        return out
    chunk = max(1, _CHUNK_ELEMENTS // len(training))
    t_lon, t_lat = training[:, 0], training[:, 1]
    for start in range(0, len(samples), chunk):
        part = samples[start : start + chunk]
        d_lon = part[:, 0, None] - t_lon[None, :]
        d_lat = part[:, 1, None] - t_lat[None, :]
        out[start : start + chunk] = np.sqrt(np.min(d_lon * d_lon + d_lat * d_lat, axis=1))
    return out


def judge(
    samples, training, radius: float, *, mask: LandMask | None = None, rule1: bool = True
) -> np.ndarray:
    """Label each generated sample by the two rules of a generative model.

    - ``"sea"``: not on land, so it could not have come from ``p_data`` (breaks Rule 1).
      A sample off the map altogether is also ``"sea"``.
    - ``"copy"``: on land, but within ``radius`` degrees (straight-line distance in the lon/lat
      plane, edge included) of some training point: a near copy (breaks Rule 2).
    - ``"new"``: on land and farther than ``radius`` from every training point.

    Returns a str array of shape ``(M,)`` with values from :data:`VERDICTS`. ``mask`` defaults
    to :func:`land_mask`. With ``rule1=False`` (points whose ``p_data`` nobody knows, such as
    uploaded ones) Rule 1 is not judged: no sample is ``"sea"``, each is ``"copy"`` or
    ``"new"`` by Rule 2 alone. Raises ValueError if ``radius`` is negative or not a number.
    """
    samples = as_points(samples, "samples")
    training = as_points(training, "training")
    radius = as_finite_number(radius, "radius")
    if radius < 0:
        raise ValueError(f"radius must be ≥ 0, got {radius:g}")
    if rule1:
        mask = land_mask() if mask is None else mask
        lon, lat = samples[:, 0], samples[:, 1]
        west, east, south, north = EXTENT
        on_map = (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
        on_land = np.zeros(len(samples), dtype=bool)
        on_land[on_map] = mask.is_land(lon[on_map], lat[on_map])
    else:
        on_land = np.ones(len(samples), dtype=bool)

    codes = np.zeros(len(samples), dtype=np.intp)  # 0 = sea
    land_idx = np.flatnonzero(on_land)
    near = nearest_distance(samples[land_idx], training) <= radius
    codes[land_idx] = np.where(near, 1, 2)  # 1 = copy, 2 = new
    return np.array(VERDICTS)[codes]


@dataclass(frozen=True, eq=False)
class JudgedSamples:
    """Samples ``(M, 2)``, their verdicts ``(M,)`` from :func:`judge`, and ``counts``: how
    many samples got each verdict, in :data:`VERDICTS` order. The arrays are made read-only,
    so one object can be shared; so are :attr:`table` and :attr:`positions`, each made on
    first use."""

    samples: np.ndarray
    verdicts: np.ndarray
    counts: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        for array in (self.samples, self.verdicts):
            array.flags.writeable = False
        counts = {verdict: int(np.count_nonzero(self.verdicts == verdict))
                  for verdict in VERDICTS}
        object.__setattr__(self, "counts", counts)

    @cached_property
    def table(self) -> pd.DataFrame:
        """:func:`samples_table` of these samples, verdicts included: made once, shared
        (do not modify it)."""
        return samples_table(self)

    @cached_property
    def positions(self) -> pd.DataFrame:
        """:func:`samples_table` of these samples without their verdicts (what a page shows
        before the samples are judged): made once, shared (do not modify it)."""
        return samples_table(self, verdicts=False)


def judge_samples(
    box: Box, m: int, seed: Seed, training, radius: float, *, rule1: bool = True
) -> JudgedSamples:
    """Draw ``m`` samples from ``box`` (``p_model``) and :func:`judge` them against the
    ``training`` points with ``radius`` (by Rule 2 alone with ``rule1=False``)."""
    samples = box.sample(m, seed)
    return JudgedSamples(samples, judge(samples, training, radius, rule1=rule1))


def examples(verdicts) -> dict[str, int]:
    """One sample of each verdict to show as the book's points A, B and C: verdict -> the
    index of its first sample, in :data:`VERDICTS` order; a verdict no sample got is left
    out."""
    verdicts = np.asarray(verdicts, dtype=str).reshape(-1)
    found = {}
    for verdict in VERDICTS:
        where = np.flatnonzero(verdicts == verdict)
        if len(where):
            found[verdict] = int(where[0])
    return found


def samples_table(judged: JudgedSamples, verdicts: bool = True) -> pd.DataFrame:
    """The samples as a table: ``longitude`` and ``latitude`` (degrees) and, with
    ``verdicts``, each one's ``verdict`` (``"sea"``, ``"copy"`` or ``"new"``); one row per
    sample, numbered from 1."""
    columns = {"longitude": judged.samples[:, 0], "latitude": judged.samples[:, 1]}
    if verdicts:
        columns["verdict"] = judged.verdicts
    # One constructor call: adding the verdicts to a made table afterwards takes twice as long.
    return pd.DataFrame(columns, index=pd.RangeIndex(1, len(judged.samples) + 1, name="sample"))
