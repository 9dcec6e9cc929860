"""A table as points on the world map: :func:`points_dataset` finds the longitude and
latitude columns and turns their text into numbers, with its own strict pattern."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from gdl_core.uploads.cells import PLAIN_NUMBER, column_text, row_label
from gdl_core.uploads.messages import UploadError, inline_code

__all__ = ["LATITUDE_NAMES", "LONGITUDE_NAMES", "MAX_POINTS", "points_dataset"]

#: Most points for the world map: the world page's own largest N.
MAX_POINTS = 5_000

#: Column names that mean longitude and latitude, most specific first (case ignored).
LONGITUDE_NAMES: tuple[str, ...] = ("longitude", "lon", "lng", "long", "x")
LATITUDE_NAMES: tuple[str, ...] = ("latitude", "lat", "y")
_RANGES = {"longitude": 180.0, "latitude": 90.0}
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]+)?")


def _number(value: str, decimal_comma: bool) -> float | None:
    """The number a cell holds, or None if it is not a plain decimal number. A true minus
    sign (U+2212, as the app writes numbers) counts as ``-``; with ``decimal_comma`` a comma
    between digits is the decimal mark (``48,85``). Never NaN; an infinity only for a
    number too large to hold (``1e999``)."""
    if value.startswith("\u2212"):
        value = "-" + value[1:]
    if decimal_comma and _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")
    return float(value) if PLAIN_NUMBER.fullmatch(value) else None


def _uses_decimal_comma(text: np.ndarray) -> bool:
    """Whether a column writes decimals with a comma: some value has a comma, none a point."""
    return not any("." in value for value in text) and any("," in value for value in text)


def _is_numeric_column(text: np.ndarray) -> bool:
    decimal_comma = _uses_decimal_comma(text)
    filled = [value for value in text if value]
    return bool(filled) and all(_number(value, decimal_comma) is not None for value in filled)


def _find_coordinates(table: pd.DataFrame) -> tuple[int, int]:
    """Positions of the longitude and latitude columns."""
    keys = [str(name).strip().casefold() for name in table.columns]

    def first(candidates: tuple[str, ...]) -> int | None:
        return next((keys.index(name) for name in candidates if name in keys), None)

    lon, lat = first(LONGITUDE_NAMES), first(LATITUDE_NAMES)
    if lon is not None and lat is not None:
        return lon, lat
    if lon is not None or lat is not None:
        found, missing = ("longitude", "latitude") if lat is None else ("latitude", "longitude")
        name = table.columns[lon if lat is None else lat]
        raise UploadError(
            f"The column {inline_code(name)} holds the {found}, but no column holds the "
            f"{missing}. Name the two columns lon and lat, and upload again."
        )
    numeric = [
        j for j in range(table.shape[1]) if _is_numeric_column(column_text(table.iloc[:, j]))
    ]
    if len(numeric) >= 2:
        return numeric[0], numeric[1]
    if table.shape[1] == 2 and numeric:
        return 0, 1  # the values are checked one by one below, with a message naming a row
    raise UploadError(
        "This table has no longitude and latitude columns. Name the two columns lon and lat "
        "(longitude from -180 to 180, latitude from -90 to 90) and upload again."
    )


def _coordinates(
    table: pd.DataFrame, column: int, what: str
) -> tuple[np.ndarray, UploadError | None]:
    """One column as floats, and the UploadError for its first bad value (or None)."""
    text = column_text(table.iloc[:, column])
    name = inline_code(table.columns[column])
    limit = _RANGES[what]
    decimal_comma = _uses_decimal_comma(text)
    numbers = np.full(len(text), np.nan)
    for i, value in enumerate(text):
        where = row_label(table, i).capitalize()
        number = _number(value, decimal_comma)
        if not value:
            problem = f"{where} has no {what} (column {name}). Fill it in or delete the row"
        elif number is None:
            problem = (f"{where}: the {what} {inline_code(value)} (column {name}) is not a "
                       "number. Write it with digits and a decimal point, like -3.25,")
        elif not math.isfinite(number):
            problem = (f"{where}: the {what} {inline_code(value)} (column {name}) is too "
                       f"large to be a number; a {what} lies between -{limit:g} and {limit:g}. "
                       "Correct it")
        elif abs(number) > limit:
            problem = (f"{where}: the {what} {inline_code(value)} (column {name}) is outside "
                       f"-{limit:g} to {limit:g}. Correct it")
        else:
            numbers[i] = number
            continue
        return numbers, UploadError(f"{problem} and upload again.")
    return numbers, None


def points_dataset(table: pd.DataFrame, *, max_points: int = MAX_POINTS) -> np.ndarray:
    """The table's points as a float array of shape (N, 2): (longitude, latitude) in
    degrees, ready for :class:`gdl_core.world.Box` and the world map (read-only).

    The columns are found by name (case ignored): longitude is ``longitude``, ``lon``,
    ``lng``, ``long`` or ``x``; latitude is ``latitude``, ``lat`` or ``y``. With no such
    names, the first two columns holding only numbers are taken as longitude, then
    latitude; other columns are ignored. A number is a plain decimal (``-3.25``, ``1e-3``,
    ``+7``), with a true minus sign ``−`` allowed, and a comma as the decimal mark in a
    column that has no points (``48,85``, as a semicolon-separated file from a French or
    German spreadsheet writes it).

    Raises :class:`UploadError` naming the row and the value for a value that is not a
    number (``abc``, ``NaN``, ``inf``, ``١٢``, ``1,234.5``), a missing value, a number too
    large to hold (``1e999``), a longitude outside −180 … 180 or a latitude outside
    −90 … 90 (adding "are the columns swapped?" when they look it); and for no points,
    more than ``max_points`` points, or no longitude and latitude columns.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"points_dataset expects a DataFrame, got {type(table).__name__}")
    n_points = len(table)
    if n_points < 1:
        raise UploadError(
            "This table has no points. Add rows of longitude and latitude and upload again."
        )
    lon, lat = _find_coordinates(table)
    if n_points > max_points:
        raise UploadError(
            f"This file has {n_points:,} points; the map takes at most {max_points:,}. Keep "
            f"the first {max_points:,} rows or sample them, and upload again."
        )
    longitude, lon_error = _coordinates(table, lon, "longitude")
    if lon_error is not None:
        raise lon_error
    latitude, lat_error = _coordinates(table, lat, "latitude")
    if lat_error is not None:
        _, swapped_error = _coordinates(table, lat, "longitude")
        if swapped_error is None and np.all(np.abs(longitude) <= 90):
            # Every latitude is a number, so lat_error says one is out of range.
            first_bad = str(lat_error).split(" is outside")[0]
            raise UploadError(
                f"{first_bad} is outside -90 to 90, but every value of that column would fit "
                "as a longitude (-180 to 180). Are the longitude and latitude columns swapped?"
            )
        raise lat_error
    points = np.column_stack([longitude, latitude])
    points.flags.writeable = False
    return points
