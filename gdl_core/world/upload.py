"""The world map on a student's own points: an uploaded table → :class:`Training`, and the
points described in words.

    data, notes = read_points([("sightings.csv", content)])   # data.points, data.mle, …

The file is read by :func:`gdl_core.uploads.read_table` and
:func:`gdl_core.uploads.points_dataset` (at most :data:`~gdl_core.uploads.MAX_POINTS`
points); any problem is an :class:`~gdl_core.uploads.UploadError` whose message is safe to
show. The maximum-likelihood box is fitted once, here, so a page never refits it.

Nobody knows the rule ``p_data`` that made uploaded points, so Rule 1 ("looks as if p_data
made it") cannot be judged for them; Rule 2 can (``judge(..., rule1=False)``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from gdl_core.numbers import plural
from gdl_core.uploads import UploadError, points_dataset, read_table
from gdl_core.world.attempts import Training
from gdl_core.world.points import as_points, degrees

__all__ = ["date_line_widths", "points_description", "read_points"]



def points_description(points) -> str:
    """How many points and where: ``"40 points from longitude 5.1°W to 9.5°E and latitude
    42°N to 51.05°N"``; for points all at one spot, that spot (``"3 points, all at
    longitude 10°E and latitude 20°N"``)."""
    points = as_points(points)
    if len(points) == 0:
        return "no points"
    (west, south), (east, north) = points.min(axis=0), points.max(axis=0)
    if west == east and south == north:
        return (f"{plural(len(points), 'point')}, {'' if len(points) == 1 else 'all '}at "
                f"longitude {degrees(west, 'E', 'W')} and latitude {degrees(south, 'N', 'S')}")
    return (f"{plural(len(points), 'point')} from longitude {degrees(west, 'E', 'W')} to "
            f"{degrees(east, 'E', 'W')} and latitude {degrees(south, 'N', 'S')} to "
            f"{degrees(north, 'N', 'S')}")


def date_line_widths(points) -> tuple[float, float] | None:
    """``(flat, wrapped)`` when a band of longitude across the 180° line holds every point
    and is narrower than the flat map's narrowest one, else ``None``.

    ``flat`` is ``max(lon) − min(lon)``, the width of the narrowest box on the flat map (which
    cannot wrap round). ``wrapped`` is ``360° − g``, with ``g`` the widest gap between
    longitudes that are neighbours when sorted: the narrowest band round the globe, cut
    along that gap. It crosses the 180° line exactly when that gap is not the one the flat
    map already leaves out (from ``max(lon)`` round to ``min(lon)``).
    """
    lon = np.unique(as_points(points)[:, 0])
    if len(lon) < 2:
        return None
    flat = float(lon[-1] - lon[0])
    inner_gap = float(np.max(np.diff(lon)))
    wrapped = 360.0 - inner_gap
    return (flat, wrapped) if wrapped < flat else None


def _notes(points: np.ndarray) -> list[str]:
    """What the page should say about uploaded points: where they are, repeats, and the
    180° line when a band across it would be at most half as wide as the flat map's box
    (Markdown-safe sentences: only numbers of our own making)."""
    notes = [f"Your file gives {points_description(points)}."]
    repeats = len(points) - len(np.unique(points, axis=0))
    if repeats and repeats < len(points) - 1:
        notes.append(f"{plural(repeats, 'row')} repeat{'s' if repeats == 1 else ''} the "
                     "exact position of an earlier one; N and ℓ count every row.")
    widths = date_line_widths(points)
    if widths is not None and widths[1] <= widths[0] / 2:  # not points all round the globe
        flat, wrapped = widths
        notes.append(
            f"Your points lie on both sides of the 180° line. A box on this flat map cannot "
            f"wrap round it, so the smallest box holding them is {flat:,.1f}° wide; on a "
            f"globe a band {wrapped:,.1f}° wide across that line would do."
        )
    return notes


def read_points(files: Sequence[tuple[str, bytes]]) -> tuple[Training, list[str]]:
    """One uploaded table ``[(name, bytes)]`` as :class:`Training` (its points and their
    maximum-likelihood box, fitted here once), and notes on the points for the page."""
    if len(files) != 1:
        raise UploadError("Upload one table of points (a CSV file) at a time.")
    ((name, content),) = files
    points = points_dataset(read_table(content, name))
    return Training(points), _notes(points)
