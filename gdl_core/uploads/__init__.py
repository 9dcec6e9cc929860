"""Data a student brings: uploaded files read safely and turned into what a demo needs.

Issue 15 ("Bring your own data"). No Streamlit here: a page passes the uploaded bytes and
shows the result, or the :class:`UploadError`'s message (safe to show with ``st.error``).

- :mod:`gdl_core.uploads.tables`  CSV tables: :func:`read_table`, then
  :func:`categorical_dataset` (Counting, Naive Bayes) or :func:`points_dataset` (the world
  map); :func:`safe_csv` writes a table back out without CSV injection. Its docstring
  gives the limits (2 MB, 10,000 rows, 20 columns, 50 values a column, ...) and why.
"""

from gdl_core.uploads.tables import (
    ENCODING_NAMES,
    MAX_BYTES,
    MAX_CATEGORIES,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_COMBINATIONS,
    MAX_POINTS,
    MAX_ROWS,
    CategoricalDataset,
    UploadError,
    categorical_dataset,
    inline_code,
    points_dataset,
    read_table,
    safe_csv,
)

__all__ = [
    "ENCODING_NAMES",
    "MAX_BYTES",
    "MAX_CATEGORIES",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_COMBINATIONS",
    "MAX_POINTS",
    "MAX_ROWS",
    "CategoricalDataset",
    "UploadError",
    "categorical_dataset",
    "inline_code",
    "points_dataset",
    "read_table",
    "safe_csv",
]
