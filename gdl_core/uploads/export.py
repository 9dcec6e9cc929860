"""A DataFrame → CSV bytes that a spreadsheet opens as data, never as formulas
(:func:`safe_csv`)."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd

from gdl_core.uploads.cells import PLAIN_NUMBER

__all__ = ["FORMULA_STARTS", "safe_csv"]

#: A cell whose first character is one of these is read as a formula by Excel, LibreOffice
#: and Google Sheets (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(text: str) -> str:
    """``'`` before text that a spreadsheet would take for a formula; plain numbers such as
    ``-3.5``, ``+1`` or ``-1e-5`` are left alone (a spreadsheet reads them as the numbers they
    are, and they run nothing)."""
    first = text.lstrip(" ")[:1]
    if first and first in FORMULA_STARTS and not PLAIN_NUMBER.fullmatch(text.strip()):
        return "'" + text
    return text


def _export_cell(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return "" if math.isnan(value) else _neutralise(repr(float(value)))
    return _neutralise(str(value))


def safe_csv(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV bytes that a spreadsheet opens as data, never as formulas.

    The header row and then one line per row, without the index; UTF-8 with a byte-order
    mark (so that Excel reads accents correctly), comma-separated, CRLF line endings,
    quotes only where needed (RFC 4180).

    CSV injection: a text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return (after any spaces) gets a leading apostrophe, so ``=HYPERLINK(…)`` is written
    ``'=HYPERLINK(…)`` and a spreadsheet shows it as text (with the apostrophe visible in
    some). A cell that is a plain number stays a number: a numeric column's ``-3.5`` and a
    text ``"-3.5"`` are both written ``-3.5``, because a spreadsheet reads that as the
    number −3.5 and nothing runs; ``-3+5`` or ``-A1`` are not plain numbers and get the
    apostrophe. Missing values are written empty; booleans TRUE and FALSE.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"safe_csv expects a DataFrame, got {type(frame).__name__}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_neutralise(str(name)) for name in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_export_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
