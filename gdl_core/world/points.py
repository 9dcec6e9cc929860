"""Points on the map: ``(longitude, latitude)`` pairs in degrees, and the checks every
world-map function applies to what it is given.

A set of points is a float array of shape ``(N, 2)``. The map is the flat lon/lat plane
(an equirectangular projection) covering :data:`EXTENT`.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = ["EXTENT", "degrees"]

#: ``(lon_min, lon_max, lat_min, lat_max)`` of the map: the whole world.
EXTENT: tuple[float, float, float, float] = (-180.0, 180.0, -90.0, 90.0)


def as_points(points, name: str = "points") -> np.ndarray:
    """Return ``points`` as a finite float array of shape (N, 2), or raise ValueError."""
    try:
        array = np.asarray(points, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be numbers: pairs of (longitude, latitude).") from exc
    if array.ndim != 2 or array.shape[1] != 2:
        if array.size == 0:  # an empty list is a valid set of zero points
            return np.empty((0, 2))
        raise ValueError(
            f"{name} must be a table of (longitude, latitude) pairs, shape (N, 2); "
            f"got shape {array.shape}."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite numbers; found NaN or infinity.")
    return array


def as_finite_number(value, what: str) -> float:
    """Return ``value`` as a finite float; ValueError (naming ``what``) for a bool, a
    non-number, NaN or an infinity."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{what} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value}")
    return value


def degrees(value: float, positive: str, negative: str) -> str:
    """A longitude or latitude as a map writes it, to two decimals at most: ``60°E``,
    ``2.35°E``, ``33.9°S``, ``0°`` (``positive``/``negative``: "E"/"W" or "N"/"S")."""
    text = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    if text == "0":
        return "0°"
    return f"{text}°{positive if value > 0 else negative}"
