"""Cells and rows of a table, for the modules that use one: a column's values as text
(:func:`column_text`), whether a cell is a plain number (:data:`PLAIN_NUMBER`), and how a
message names a row (:func:`row_label`)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["PLAIN_NUMBER", "column_text", "row_label"]

#: A plain decimal number (``-3.25``, ``1e-3``, ``+7``, ``.5``): a sign, digits with at most
#: one decimal point, an exponent.
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def column_text(column: pd.Series) -> np.ndarray:
    """A column's values as stripped strings; missing values (NaN, None) become ""."""
    values = column.astype(object).where(column.notna(), "")
    return np.array([str(value).strip() for value in values], dtype=object)


def row_label(table: pd.DataFrame, position: int) -> str:
    """How a message names the row at ``position``: its number in the file when the table
    came from :func:`~gdl_core.uploads.tables.read_table` (its index is named ``"row"``),
    else its position among the rows of data."""
    if table.index.name == "row":
        return f"row {table.index[position]:,}"
    return f"data row {position + 1:,}"

