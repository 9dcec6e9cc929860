"""The simplest ``p_model`` of the world-map example: a box, uniform inside and zero outside,
with its likelihood, its samples and its maximum-likelihood fit (:meth:`Box.fit`).

Areas are in square degrees of the flat lon/lat plane: a 10° × 10° box has area 100
wherever it sits, and density 1/100 per square degree inside.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gdl_core.rng import Seed, as_generator, check_count
from gdl_core.world.points import EXTENT, as_finite_number, as_points

__all__ = ["Box"]


@dataclass(frozen=True)
class Box:
    """The box model ``p_model``: uniform density inside a closed rectangle, zero outside.

    The corners can be given in either order; they are sorted so that ``lon_min ≤ lon_max``
    and ``lat_min ≤ lat_max``. The box must lie on the map (longitude −180…180, latitude
    −90…90) and have a width and a height above zero, otherwise ValueError.

    A point on the edge counts as inside. Areas are in square degrees of the lon/lat plane.
    """

    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float

    def __post_init__(self) -> None:
        lon_a = as_finite_number(self.lon_min, "Each corner's longitude")
        lon_b = as_finite_number(self.lon_max, "Each corner's longitude")
        lat_a = as_finite_number(self.lat_min, "Each corner's latitude")
        lat_b = as_finite_number(self.lat_max, "Each corner's latitude")
        west, east, south, north = EXTENT
        for lon in (lon_a, lon_b):
            if not west <= lon <= east:
                raise ValueError(
                    f"The box must lie inside the map: longitude from {west:g} to {east:g}, "
                    f"got {lon:g}"
                )
        for lat in (lat_a, lat_b):
            if not south <= lat <= north:
                raise ValueError(
                    f"The box must lie inside the map: latitude from {south:g} to {north:g}, "
                    f"got {lat:g}"
                )
        if lon_a == lon_b:
            raise ValueError(
                f"The box has zero width: both sides are at longitude {lon_a:g}. "
                "Its area would be zero, so it could not hold any probability."
            )
        if lat_a == lat_b:
            raise ValueError(
                f"The box has zero height: top and bottom are both at latitude {lat_a:g}. "
                "Its area would be zero, so it could not hold any probability."
            )
        object.__setattr__(self, "lon_min", min(lon_a, lon_b))
        object.__setattr__(self, "lon_max", max(lon_a, lon_b))
        object.__setattr__(self, "lat_min", min(lat_a, lat_b))
        object.__setattr__(self, "lat_max", max(lat_a, lat_b))

    # ----------------------------------------------------------------- basic geometry

    @property
    def width(self) -> float:
        """East–west size in degrees of longitude."""
        return self.lon_max - self.lon_min

    @property
    def height(self) -> float:
        """North–south size in degrees of latitude."""
        return self.lat_max - self.lat_min

    @property
    def area(self) -> float:
        """Area in square degrees (lon/lat plane)."""
        return self.width * self.height

    def as_tuple(self) -> tuple[float, float, float, float]:
        """``(lon_min, lon_max, lat_min, lat_max)``."""
        return (self.lon_min, self.lon_max, self.lat_min, self.lat_max)

    def contains(self, points) -> np.ndarray:
        """Bool array (N,): True where a point is inside the box or on its edge."""
        points = as_points(points)
        lon, lat = points[:, 0], points[:, 1]
        return (
            (lon >= self.lon_min)
            & (lon <= self.lon_max)
            & (lat >= self.lat_min)
            & (lat <= self.lat_max)
        )

    # ----------------------------------------------------------------- probability

    def log_likelihood(self, points) -> float:
        """``ℓ = Σ log p_model(x) = −N·log(area)`` if every point is inside, else ``-inf``.

        This is the number to compare boxes by: it never underflows. With no points it is 0.
        """
        points = as_points(points)
        if not np.all(self.contains(points)):
            return -math.inf
        return -len(points) * math.log(self.area)

    def likelihood(self, points) -> float:
        """``L = Π p_model(x) = (1/area)^N`` if every point is inside, else ``0.0``.

        Beware: as a plain float this leaves the representable range quickly. For a box of
        100 square degrees, N = 162 points give 1e-324, which rounds to 0.0 even though the
        box contains every point; for a box smaller than one square degree the value grows
        instead and overflows to ``inf`` once N is large enough. Compare boxes with
        :meth:`log_likelihood`, which stays exact; this method is for showing small cases.
        """
        log_l = self.log_likelihood(points)
        with np.errstate(over="ignore", under="ignore"):
            return float(np.exp(log_l))

    def sample(self, n: int, seed: Seed) -> np.ndarray:
        """``n`` points drawn uniformly inside the box, shape ``(n, 2)``."""
        n = check_count(n)
        rng = as_generator(seed)
        u = rng.random((n, 2))
        points = np.empty((n, 2))
        points[:, 0] = self.lon_min + u[:, 0] * self.width
        points[:, 1] = self.lat_min + u[:, 1] * self.height
        return points

    # ----------------------------------------------------------------- fitting

    @classmethod
    def fit(cls, points) -> Box:
        """The maximum-likelihood box: the smallest box holding every point.

        A box that misses a point has likelihood 0, and among the boxes that hold them all,
        ``(1/area)^N`` is largest for the smallest one: the points' bounding box.

        Raises ValueError when there are no points, or when all points share one longitude
        or one latitude (for example a single point): then the tightest box is a line or a
        dot with zero area, where the density 1/area would be infinite, so there is no best
        box with an area above zero.
        """
        points = as_points(points)
        if len(points) == 0:
            raise ValueError("Fitting a box needs at least one point; got none.")
        lon_min, lat_min = points.min(axis=0)
        lon_max, lat_max = points.max(axis=0)
        if len(points) == 1:
            raise ValueError(
                "A single point has no best box: the tightest box around it is a single dot "
                "with no area, and a box around one point scores higher the smaller it "
                "gets, without limit."
            )
        for lo, hi, what, where in (
            (lon_min, lon_max, "longitude", "a vertical line"),
            (lat_min, lat_max, "latitude", "a horizontal line"),
        ):
            if lo == hi:
                raise ValueError(
                    f"The best box cannot be fitted: every point has the same {what} "
                    f"({lo:g}), so the tightest box around them shrinks to {where} with no "
                    "area. A smaller box always scores higher, without limit. Add a point "
                    f"with a different {what}."
                )
        return cls(float(lon_min), float(lon_max), float(lat_min), float(lat_max))

    # ----------------------------------------------------------------- editing

    def shifted(self, d_lon: float, d_lat: float) -> Box:
        """The same box moved ``d_lon`` degrees east and ``d_lat`` north (negative: west,
        south), stopping at the map's edge: the box keeps its size and stays on the map, so
        a move past an edge goes only as far as the edge (possibly nowhere)."""
        d_lon = as_finite_number(d_lon, "The move east")
        d_lat = as_finite_number(d_lat, "The move north")
        west, east, south, north = EXTENT
        d_lon = min(max(d_lon, west - self.lon_min), east - self.lon_max)
        d_lat = min(max(d_lat, south - self.lat_min), north - self.lat_max)
        return Box(self.lon_min + d_lon, self.lon_max + d_lon,
                   self.lat_min + d_lat, self.lat_max + d_lat)

    def resized(self, by: float) -> Box:
        """The box with each of its four sides moved ``by`` degrees outwards (a negative
        ``by`` moves them inwards). A side stops at the map's edge. Raises ValueError when
        shrinking would leave no width or no height."""
        by = as_finite_number(by, "The change of size")
        west, east, south, north = EXTENT
        if by < 0 and (self.width <= -2 * by or self.height <= -2 * by):
            raise ValueError(
                f"The box is {self.width:g}° wide and {self.height:g}° tall: moving each "
                f"side in by {-by:g}° would leave nothing of it. Use a smaller step."
            )
        return Box(max(self.lon_min - by, west), min(self.lon_max + by, east),
                   max(self.lat_min - by, south), min(self.lat_max + by, north))
