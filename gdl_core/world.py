"""The world-map example: points on land, a box model, its likelihood, and Rule 1 / Rule 2.

Every point is a pair ``(longitude, latitude)`` in degrees, and a set of points is a float
array of shape ``(N, 2)``. All densities live in the flat longitude/latitude plane (the map as
drawn, an equirectangular projection), not on the sphere: a box of 10° × 10° has area 100
square degrees wherever it sits, and its density is 1/100 per square degree inside.

- :func:`land_mask` reads the committed 0.25° land raster (``assets/land_mask.png``).
- :func:`sample_land` draws points uniformly over land: this is the hidden ``p_data``.
- :class:`Box` is the simplest ``p_model``: uniform inside a rectangle, zero outside. It has a
  likelihood, a log-likelihood, samples, and a maximum-likelihood fit (:meth:`Box.fit`).
- :func:`judge` labels generated points by the two rules of a generative model: ``"sea"``
  (off land, breaks Rule 1), ``"copy"`` (too close to a training point, breaks Rule 2) or
  ``"new"`` (on land and new: what we want).
"""

from __future__ import annotations

import functools
import math
import numbers
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from gdl_core.rng import Seed, as_generator, check_count

__all__ = [
    "LAND_MASK_PATH",
    "VERDICTS",
    "Box",
    "LandMask",
    "judge",
    "land_mask",
    "nearest_distance",
    "sample_land",
]

LAND_MASK_PATH = Path(__file__).resolve().parent.parent / "assets" / "land_mask.png"

VERDICTS: tuple[str, str, str] = ("sea", "copy", "new")

_ROWS, _COLS = 720, 1440
_RESOLUTION = 0.25
_EXTENT = (-180.0, 180.0, -90.0, 90.0)

# Jitter inside a cell stays this far (as a share of the cell) below the cell's far edge, so
# rounding can never push a sample into the neighbouring cell. 1e-9 of 0.25° is about 0.03 mm.
_EDGE_MARGIN = 1e-9

# judge(): how many sample–training distances to hold in memory at once.
_CHUNK_ELEMENTS = 1 << 20


# --------------------------------------------------------------------------- input checks


def _as_points(points, name: str = "points") -> np.ndarray:
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


def _as_finite_number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{what} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value}")
    return value


# --------------------------------------------------------------------------- the land raster


@dataclass(frozen=True, eq=False)
class LandMask:
    """A 0.25° land/sea raster of the whole world.

    ``raster[i, j]`` is True where cell (i, j) is land. Row 0 touches 90°N and column 0
    touches 180°W; cell (i, j) covers longitudes ``-180 + 0.25·j`` to ``-180 + 0.25·(j+1)``
    and latitudes ``90 - 0.25·(i+1)`` to ``90 - 0.25·i``. The raster is read-only.
    """

    raster: np.ndarray

    def __post_init__(self) -> None:
        raster = np.array(self.raster, dtype=bool)  # a private copy nobody else can write to
        if raster.shape != (_ROWS, _COLS):
            raise ValueError(
                f"The land raster must have {_ROWS} rows and {_COLS} columns, "
                f"got shape {raster.shape}."
            )
        raster.flags.writeable = False
        object.__setattr__(self, "raster", raster)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """``(lon_min, lon_max, lat_min, lat_max)`` of the map: the whole world."""
        return _EXTENT

    @property
    def resolution(self) -> float:
        """Side of one cell, in degrees."""
        return _RESOLUTION

    @functools.cached_property
    def land_fraction(self) -> float:
        """Share of the map's cells that are land (equal to the land share of the map's area
        in the lon/lat plane, since every cell there has the same area)."""
        return float(self.raster.mean())

    @functools.cached_property
    def land_cells(self) -> np.ndarray:
        """Flat indices ``i * 1440 + j`` of the land cells, ascending (read-only)."""
        cells = np.flatnonzero(self.raster)
        cells.flags.writeable = False
        return cells

    def cell_index(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of the cell holding each point (arrays broadcast together).

        Points exactly on the east edge (lon = 180) or the south edge (lat = -90) belong to
        the last column or row. Raises ValueError for a point off the map or not finite.
        """
        lon = np.asarray(lon, dtype=float)
        lat = np.asarray(lat, dtype=float)
        bad_lon = ~((lon >= -180.0) & (lon <= 180.0))  # also catches NaN
        if np.any(bad_lon):
            value = lon[bad_lon].flat[0] if lon.ndim else float(lon)
            raise ValueError(f"Longitude must be between -180 and 180, got {value}")
        bad_lat = ~((lat >= -90.0) & (lat <= 90.0))
        if np.any(bad_lat):
            value = lat[bad_lat].flat[0] if lat.ndim else float(lat)
            raise ValueError(f"Latitude must be between -90 and 90, got {value}")
        col = np.minimum(np.floor((lon + 180.0) / _RESOLUTION).astype(np.intp), _COLS - 1)
        row = np.minimum(np.floor((90.0 - lat) / _RESOLUTION).astype(np.intp), _ROWS - 1)
        return row, col

    def is_land(self, lon, lat) -> np.ndarray:
        """True where the point ``(lon, lat)`` lies in a land cell; vectorised.

        ``lon`` and ``lat`` are numbers or arrays that broadcast together; the result has
        their broadcast shape (a 0-d array for two numbers, which works in an ``if``).
        A point off the map (longitude outside [-180, 180] or latitude outside [-90, 90], or
        NaN) raises ValueError rather than quietly counting as sea.
        """
        row, col = self.cell_index(lon, lat)
        return self.raster[row, col]


@functools.cache
def land_mask() -> LandMask:
    """The world's land raster, read once from ``assets/land_mask.png`` and shared.

    The PNG is 1-bit, 1440 × 720, white (1) = land; see ``assets/README.md`` for its source.
    As in the source data (NOAA GLOBE), most lakes count as land, the Caspian Sea included.
    """
    with Image.open(LAND_MASK_PATH) as image:
        raster = np.array(image.convert("1"), dtype=bool)
    return LandMask(raster)


def sample_land(n: int, seed: Seed) -> np.ndarray:
    """Draw ``n`` points uniformly over land, in the lon/lat plane: the hidden ``p_data``.

    Uniform in the lon/lat plane means every square degree of land on the map is equally
    likely, which is the same plane in which a box's density 1/area is measured. (On the
    globe this favours land near the poles, whose square degrees are smaller.)

    Every cell has the same area in this plane, so a land cell is picked uniformly at random,
    then a point is placed uniformly inside it. Returns a float array of shape ``(n, 2)``.
    """
    n = check_count(n)
    rng = as_generator(seed)
    cells = land_mask().land_cells
    if cells.size == 0:
        raise ValueError("The land raster has no land cells to sample from.")
    picked = cells[rng.integers(0, cells.size, size=n)]
    row, col = np.divmod(picked, _COLS)
    offset = np.minimum(rng.random((n, 2)), 1.0 - _EDGE_MARGIN)
    points = np.empty((n, 2))
    points[:, 0] = -180.0 + (col + offset[:, 0]) * _RESOLUTION
    points[:, 1] = 90.0 - (row + offset[:, 1]) * _RESOLUTION
    return points


# --------------------------------------------------------------------------- the box model


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
        lon_a = _as_finite_number(self.lon_min, "Each corner's longitude")
        lon_b = _as_finite_number(self.lon_max, "Each corner's longitude")
        lat_a = _as_finite_number(self.lat_min, "Each corner's latitude")
        lat_b = _as_finite_number(self.lat_max, "Each corner's latitude")
        for lon in (lon_a, lon_b):
            if not -180.0 <= lon <= 180.0:
                raise ValueError(
                    f"The box must lie inside the map: longitude from -180 to 180, got {lon:g}"
                )
        for lat in (lat_a, lat_b):
            if not -90.0 <= lat <= 90.0:
                raise ValueError(
                    f"The box must lie inside the map: latitude from -90 to 90, got {lat:g}"
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
        points = _as_points(points)
        lon, lat = points[:, 0], points[:, 1]
        return (
            (lon >= self.lon_min)
            & (lon <= self.lon_max)
            & (lat >= self.lat_min)
            & (lat <= self.lat_max)
        )

    # ----------------------------------------------------------------- probability

    def density(self, points) -> np.ndarray:
        """``p_model(x)`` for each point: ``1/area`` inside the box, ``0`` outside."""
        return np.where(self.contains(points), 1.0 / self.area, 0.0)

    def log_likelihood(self, points) -> float:
        """``ℓ = Σ log p_model(x) = −N·log(area)`` if every point is inside, else ``-inf``.

        This is the number to compare boxes by: it never underflows. With no points it is 0.
        """
        points = _as_points(points)
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
        points = _as_points(points)
        if len(points) == 0:
            raise ValueError("Fitting a box needs at least one point; got none.")
        lon_min, lat_min = points.min(axis=0)
        lon_max, lat_max = points.max(axis=0)
        for lo, hi, what, where in (
            (lon_min, lon_max, "longitude", "a vertical line"),
            (lat_min, lat_max, "latitude", "a horizontal line"),
        ):
            if lo == hi:
                shape = "a single dot" if len(points) == 1 else where
                raise ValueError(
                    f"The best box cannot be fitted: every point has the same {what} "
                    f"({lo:g}), so the tightest box around them shrinks to {shape} with no "
                    "area. A smaller box always scores higher, without limit. Add a point "
                    f"with a different {what}."
                )
        return cls(float(lon_min), float(lon_max), float(lat_min), float(lat_max))


# --------------------------------------------------------------------------- Rule 1 / Rule 2


def nearest_distance(samples, training) -> np.ndarray:
    """For each sample, the distance (degrees, straight line in the lon/lat plane) to the
    nearest training point; ``inf`` when there are no training points. Shape ``(M,)``.

    Works in chunks of samples so memory stays small even for many thousands of each.
    """
    samples = _as_points(samples, "samples")
    training = _as_points(training, "training")
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


def judge(samples, training, radius: float, *, mask: LandMask | None = None) -> np.ndarray:
    """Label each generated sample by the two rules of a generative model.

    - ``"sea"``: not on land, so it could not have come from ``p_data`` (breaks Rule 1).
      A sample off the map altogether is also ``"sea"``.
    - ``"copy"``: on land, but within ``radius`` degrees (straight-line distance in the lon/lat
      plane, edge included) of some training point: a near copy (breaks Rule 2).
    - ``"new"``: on land and farther than ``radius`` from every training point.

    Returns a str array of shape ``(M,)`` with values from :data:`VERDICTS`. ``mask`` defaults
    to :func:`land_mask`. Raises ValueError if ``radius`` is negative or not a number.
    """
    samples = _as_points(samples, "samples")
    training = _as_points(training, "training")
    radius = _as_finite_number(radius, "radius")
    if radius < 0:
        raise ValueError(f"radius must be ≥ 0, got {radius:g}")
    mask = land_mask() if mask is None else mask

    lon, lat = samples[:, 0], samples[:, 1]
    on_map = (lon >= -180.0) & (lon <= 180.0) & (lat >= -90.0) & (lat <= 90.0)
    on_land = np.zeros(len(samples), dtype=bool)
    on_land[on_map] = mask.is_land(lon[on_map], lat[on_map])

    codes = np.zeros(len(samples), dtype=np.intp)  # 0 = sea
    land_idx = np.flatnonzero(on_land)
    near = nearest_distance(samples[land_idx], training) <= radius
    codes[land_idx] = np.where(near, 1, 2)  # 1 = copy, 2 = new
    return np.array(VERDICTS)[codes]
