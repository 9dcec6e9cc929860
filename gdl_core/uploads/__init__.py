"""Data a student brings: uploaded files read safely and turned into what a demo needs.

Issue 15 ("Bring your own data") lets a student replace a demo's data with a file of their
own. No Streamlit here: a page hands over the uploaded bytes and shows either the result or
the :class:`UploadError`'s message (safe to show with ``st.error``).

- :mod:`~gdl_core.uploads.tables` :func:`read_table` bytes → a DataFrame of text (CSV with
  a comma, semicolon or tab).
- :mod:`~gdl_core.uploads.categorical` :func:`categorical_dataset` a table → integer codes
  for the Counting and Naive Bayes pages (:class:`~gdl_core.naive_bayes.CategoricalNB`,
  :class:`~gdl_core.multinomial.JointMultinomial`).
- :mod:`~gdl_core.uploads.points` :func:`points_dataset` a table → an (N, 2) array of
  (longitude, latitude) for the world map.
- :mod:`~gdl_core.uploads.export` :func:`safe_csv` a DataFrame → CSV bytes that a
  spreadsheet opens without running formulas.
- :mod:`~gdl_core.uploads.messages` :class:`UploadError`, and :func:`inline_code`: a piece
  of uploaded text, made safe to put in a Markdown message.
- :mod:`~gdl_core.uploads.cells` what those modules share about a table's cells and rows.

**Limits, and why.** The app runs on Streamlit Community Cloud: one process with about
1 GB (690 MB guaranteed) shared by every student of a class, and the README measures the
app itself at up to ~730 MB when every page's cache is full. An upload lives in its
session for as long as the student keeps it, so each must stay small. Each limit's reason
is given next to it: :data:`MAX_BYTES` 2 MB, :data:`MAX_ROWS` 10,000 rows,
:data:`MAX_COLUMNS` 20 columns and :data:`MAX_CELL_CHARS` 200 characters a cell or column
name in :mod:`~gdl_core.uploads.tables`; :data:`MAX_CATEGORIES` 50 values a column and
:data:`MAX_COMBINATIONS` 100,000 combinations in :mod:`~gdl_core.uploads.categorical`;
:data:`MAX_POINTS` 5,000 points in :mod:`~gdl_core.uploads.points`.

**What is never done.** Nothing is written to disk, nothing is fetched, and nothing in a
file is executed or evaluated: the file is decoded and split by the standard library's
``csv`` module, and every value stays the text it was (``=1+1`` stays ``"=1+1"``,
``007`` stays ``"007"``, ``NA`` stays ``"NA"``). Only :func:`points_dataset` turns text into
numbers, with its own strict pattern (digits, one decimal point or comma, an exponent).

**Messages.** An :class:`UploadError` says in one or two sentences what is wrong and what
to do. Rows are numbered as a spreadsheet numbers them: the header is row 1, the first row
of data row 2. Any piece of the file quoted in a message (a value, a column name, the
file's name) goes through :func:`inline_code`, so the message is safe to show with
``st.error`` (which renders Markdown): a value such as ``![x](https://…)`` or
``<script>`` is shown as text, never as a link, a picture or HTML.
"""

from gdl_core.uploads.categorical import (
    MAX_CATEGORIES,
    MAX_COMBINATIONS,
    CategoricalDataset,
    categorical_dataset,
)
from gdl_core.uploads.export import safe_csv
from gdl_core.uploads.messages import UploadError, inline_code
from gdl_core.uploads.points import MAX_POINTS, points_dataset
from gdl_core.uploads.tables import (
    ENCODING_NAMES,
    MAX_BYTES,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    read_table,
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
