"""The hidden ``p_data`` of the world-map example: a 0.25° land raster and points drawn
uniformly over its land.

- :func:`land_mask` reads the committed raster (``gdl_core/data/land_mask.png``).
- :func:`sample_land` draws points uniformly over land, in the lon/lat plane.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PIL import Image

from gdl_core import data
from gdl_core.rng import Seed, as_generator, check_count
from gdl_core.world.points import EXTENT

__all__ = ["LAND_MASK_PATH", "LandMask", "land_mask", "sample_land"]

#: The committed land raster (provenance: ``gdl_core/data/README.md``).
LAND_MASK_PATH = data.path("land_mask.png")

_ROWS, _COLS = 720, 1440
_RESOLUTION = 0.25  # degrees: 1440 × 0.25 = 360 of longitude, 720 × 0.25 = 180 of latitude
_WEST, _EAST, _SOUTH, _NORTH = EXTENT

# Jitter inside a cell stays this far (as a share of the cell) below the cell's far edge, so
# rounding can never push a sample into the neighbouring cell. 1e-9 of 0.25° is about 0.03 mm.
_EDGE_MARGIN = 1e-9


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
        return EXTENT

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
        bad_lon = ~((lon >= _WEST) & (lon <= _EAST))  # also catches NaN
        if np.any(bad_lon):
            value = lon[bad_lon].flat[0] if lon.ndim else float(lon)
            raise ValueError(f"Longitude must be between {_WEST:g} and {_EAST:g}, got {value}")
        bad_lat = ~((lat >= _SOUTH) & (lat <= _NORTH))
        if np.any(bad_lat):
            value = lat[bad_lat].flat[0] if lat.ndim else float(lat)
            raise ValueError(f"Latitude must be between {_SOUTH:g} and {_NORTH:g}, got {value}")
        col = np.minimum(np.floor((lon - _WEST) / _RESOLUTION).astype(np.intp), _COLS - 1)
        row = np.minimum(np.floor((_NORTH - lat) / _RESOLUTION).astype(np.intp), _ROWS - 1)
        return row, col

    def land_share(self, lon_min: float, lon_max: float, lat_min: float,
                   lat_max: float) -> float:
        """The share of the rectangle ``lon_min..lon_max`` × ``lat_min..lat_max`` (degrees,
        on the map, ``min < max``) that is land, measured in the lon/lat plane: a cell the
        rectangle only partly covers counts with the part it covers.

        This is the probability that a point drawn uniformly from that rectangle lands on
        land, so ``1 − land_share`` is the share of a box model's samples expected in the sea.
        """
        if not (_WEST <= lon_min < lon_max <= _EAST and _SOUTH <= lat_min < lat_max <= _NORTH):
            raise ValueError(
                "The rectangle must lie on the map with lon_min < lon_max and "
                f"lat_min < lat_max, got {(lon_min, lon_max, lat_min, lat_max)}"
            )
        col_w = _overlaps(lon_min, lon_max, _WEST + _RESOLUTION * np.arange(_COLS + 1))
        row_w = _overlaps(-lat_max, -lat_min, -_NORTH + _RESOLUTION * np.arange(_ROWS + 1))
        cols, rows = np.flatnonzero(col_w), np.flatnonzero(row_w)
        block = self.raster[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
        land = row_w[rows[0] : rows[-1] + 1] @ block @ col_w[cols[0] : cols[-1] + 1]
        return float(land / ((lon_max - lon_min) * (lat_max - lat_min)))

    def is_land(self, lon, lat) -> np.ndarray:
        """True where the point ``(lon, lat)`` lies in a land cell; vectorised.

        ``lon`` and ``lat`` are numbers or arrays that broadcast together; the result has
        their broadcast shape (a 0-d array for two numbers, which works in an ``if``).
        A point off the map (longitude outside [-180, 180] or latitude outside [-90, 90], or
        NaN) raises ValueError rather than quietly counting as sea.
        """
        row, col = self.cell_index(lon, lat)
        return self.raster[row, col]


def _overlaps(lo: float, hi: float, edges: np.ndarray) -> np.ndarray:
    """How much of ``lo..hi`` falls in each interval ``edges[k]..edges[k + 1]``."""
    return np.clip(np.minimum(hi, edges[1:]) - np.maximum(lo, edges[:-1]), 0.0, None)


@functools.cache
def land_mask() -> LandMask:
    """The world's land raster, read once from ``gdl_core/data/land_mask.png`` and shared.

    The PNG is 1-bit, 1440 × 720, white (1) = land; see ``gdl_core/data/README.md`` for its source.
    As in the source data (NOAA GLOBE), most lakes count as land, the Caspian Sea included.
    """
    with LAND_MASK_PATH.open("rb") as file, Image.open(file) as image:
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
    points[:, 0] = _WEST + (col + offset[:, 0]) * _RESOLUTION
    points[:, 1] = _NORTH - (row + offset[:, 1]) * _RESOLUTION
    return points
