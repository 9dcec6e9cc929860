"""Tables a student uploads: read them safely, and turn them into what the models need.

Issue 15 ("Bring your own data") lets a student replace a demo's data with a file of their
own. This module is the part with no Streamlit in it: a page hands it the uploaded bytes
and shows either the result or the :class:`UploadError`'s message.

- :func:`read_table` bytes → a DataFrame of text (CSV with a comma, semicolon or tab).
- :func:`categorical_dataset` a table → integer codes for the Counting and Naive Bayes pages
  (:class:`~gdl_core.naive_bayes.CategoricalNB`, :class:`~gdl_core.multinomial.JointMultinomial`).
- :func:`points_dataset` a table → an (N, 2) array of (longitude, latitude) for the world map.
- :func:`safe_csv` a DataFrame → CSV bytes that a spreadsheet opens without running formulas.
- :func:`inline_code` a piece of uploaded text, made safe to put in a Markdown message.

**Limits, and why.** The app runs on Streamlit Community Cloud: one process with about
1 GB (690 MB guaranteed) shared by every student of a class, and the README measures the
app itself at up to ~730 MB when every page's cache is full. An upload lives in its
session for as long as the student keeps it, so each must stay small:

- :data:`MAX_BYTES` 2 MB. Checked before anything is decoded, so a huge file costs nothing
  but its bytes (the page should also set ``server.maxUploadSize``, in MB, so that Streamlit
  refuses bigger files before they reach Python at all).
- :data:`MAX_ROWS` 10,000 rows and :data:`MAX_COLUMNS` 20 columns: at most 200,000 cells,
  about 15 MB as Python strings, so even thirty students uploading at once stay well
  inside the memory left over. 10,000 rows is 200 times the 50 Wrodlers: plenty to see
  counting and smoothing at work.
- :data:`MAX_CELL_CHARS` 200 characters a cell or column name: a value becomes a label in a
  chart or a table, and a longer one is free text, not a category.
- :data:`MAX_CATEGORIES` 50 values a column: the Naive Bayes page draws one bar per value,
  and a column with more different values is nearly always an id, a name or a free-text
  answer, where every value is seen once or twice and counting teaches nothing.
- :data:`MAX_COMBINATIONS` 100,000 combinations (Π L_k; 4,032 for Wrodl): the two pages
  list every combination, so the code table is at most 100,000 × 20 int64 = 16 MB.
- :data:`MAX_POINTS` 5,000 points: the world page's own largest N.

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

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

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

#: Largest file accepted, in bytes (2 MB).
MAX_BYTES = 2_000_000
#: Most rows of data (the header not counted).
MAX_ROWS = 10_000
#: Most columns.
MAX_COLUMNS = 20
#: Longest value or column name, in characters.
MAX_CELL_CHARS = 200
#: Most different values in one column of a categorical dataset.
MAX_CATEGORIES = 50
#: Most combinations Π L_k of a categorical dataset.
MAX_COMBINATIONS = 100_000
#: Most points for the world map.
MAX_POINTS = 5_000

#: The separators :func:`read_table` tries, in order of preference when two fit equally.
SEPARATORS: tuple[str, ...] = (",", ";", "\t")
_SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

#: How :func:`read_table` reports the encoding it used (``frame.attrs["encoding"]``).
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "cp1252": "Windows-1252 (Latin-1)",
}

#: Records looked at to choose the separator.
_SNIFF_RECORDS = 50


class UploadError(ValueError):
    """An uploaded file cannot be used. The message, one or two plain sentences, says what
    is wrong with the file and what to do; pieces of the file in it are Markdown-safe."""


# --------------------------------------------------------------------------------------
# Quoting pieces of a file in a message
# --------------------------------------------------------------------------------------

_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def inline_code(text: object, max_chars: int = 40) -> str:
    """``text`` as a Markdown code span, safe to show with ``st.markdown`` or ``st.error``.

    Inside a code span Markdown shows every character as itself: ``**bold**``,
    ``[x](javascript:…)``, ``![](http://…)`` and ``<script>`` stay text, never formatting,
    links, pictures or HTML. The fence is one backtick longer than the longest run of
    backticks in the text, so no value can close it early. Characters that would not show
    (control, format and bidirectional characters such as U+202E, line separators) are
    written as ``\\u202e``; text longer than ``max_chars`` characters is cut and ends in "…".
    An empty text is written "(empty)".
    """
    text = str(text)
    if not text:
        return "(empty)"
    cut = len(text) > max_chars
    text = text[:max_chars]
    text = "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _INVISIBLE else ch for ch in text
    )
    if cut:
        text += "…"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text[0] in "` " or text[-1] in "` ":
        text = f" {text} "  # CommonMark strips exactly one space from each side
    return f"{fence}{text}{fence}"


def _count(n: int, noun: str) -> str:
    """``_count(1, "row")`` → "1 row", ``_count(12000, "row")`` → "12,000 rows"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _size(n_bytes: int) -> str:
    if n_bytes < 1_000:
        return _count(n_bytes, "byte")
    if n_bytes < 1_000_000:
        return f"{n_bytes / 1_000:.1f} KB".replace(".0 ", " ")
    return f"{n_bytes / 1_000_000:.1f} MB".replace(".0 ", " ")


# --------------------------------------------------------------------------------------
# Bytes → text
# --------------------------------------------------------------------------------------

#: Magic numbers of files that are often picked by mistake: (prefix, what it is, advice).
_SAVE_AS_CSV = "Save the table as CSV (comma-separated values) and upload that file."
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "Upload a table saved as CSV instead."),
    (b"\xff\xd8\xff", "a JPEG image", "Upload a table saved as CSV instead."),
    (b"GIF87a", "a GIF image", "Upload a table saved as CSV instead."),
    (b"GIF89a", "a GIF image", "Upload a table saved as CSV instead."),
    (b"%PDF-", "a PDF document", _SAVE_AS_CSV),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Excel or Office file (.xls)",
     "In Excel choose File › Save As › CSV UTF-8, and upload that file."),
    (b"\x1f\x8b", "a compressed (gzip) file", "Unpack it and upload the CSV file inside."),
    (b"\xfd7zXZ\x00", "a compressed (xz) file", "Unpack it and upload the CSV file inside."),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "Unpack it and upload the CSV file inside."),
    (b"Rar!\x1a\x07", "a RAR archive", "Unpack it and upload the CSV file inside."),
    (b"SQLite format 3\x00", "an SQLite database", _SAVE_AS_CSV),
    (b"\x7fELF", "a program", _SAVE_AS_CSV),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
#: C0 and C1 control characters other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MARKUP = re.compile(r"<(?:!doctype|html|\?xml|head|body|table|svg|!--)", re.IGNORECASE)


def _refuse_binary(data: bytes, shown_name: str) -> None:
    """Raise UploadError if the bytes are a known kind of non-text file."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if b"xl/" in data[:65536] or b"[Content_Types].xml" in data[:65536]:
            kind = "an Excel workbook (.xlsx)"
            advice = "In Excel choose File › Save As › CSV UTF-8, and upload that file."
        else:
            kind, advice = "a ZIP archive", "Unpack it and upload the CSV file inside."
        raise UploadError(f"The file {shown_name} is {kind}, not a table in text. {advice}")
    for prefix, kind, advice in _MAGIC:
        if data.startswith(prefix):
            raise UploadError(f"The file {shown_name} is {kind}, not a table in text. {advice}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise UploadError(
                f"The file {shown_name} is text saved as {encoding}, which this page does not "
                "read. Save it as CSV UTF-8 (in Excel: File › Save As › CSV UTF-8) and upload "
                "it again."
            )
    if b"\x00" in data:
        raise UploadError(
            f"The file {shown_name} contains NUL bytes, so it is not a text file (a picture, a "
            f"program or a spreadsheet's own format?). {_SAVE_AS_CSV}"
        )


def _decode(data: bytes, shown_name: str) -> tuple[str, str]:
    """Text of the file and the codec used: UTF-8 (with or without a BOM), else cp1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" and not data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8"
        return text, encoding
    raise UploadError(
        f"The file {shown_name} is not text in UTF-8 or Windows-1252 (Latin-1), so it is "
        f"probably not a table. {_SAVE_AS_CSV}"
    )


def _refuse_non_table_text(text: str, shown_name: str) -> None:
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise UploadError(
            f"The file {shown_name} contains a control character (U+{ord(control[0]):04X}, "
            f"on line {line:,}), so it is not a plain text table. {_SAVE_AS_CSV}"
        )
    head = text.lstrip()
    if _MARKUP.match(head):
        raise UploadError(
            f"The file {shown_name} looks like a web page or other markup (HTML, XML, SVG), "
            f"not a table. {_SAVE_AS_CSV}"
        )
    if head[:1] in ("{", "["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict | list):
            raise UploadError(
                f"The file {shown_name} is JSON, not a table of rows and columns. "
                f"{_SAVE_AS_CSV}"
            )


# --------------------------------------------------------------------------------------
# Text → rows
# --------------------------------------------------------------------------------------


def _records(text: str, separator: str) -> Iterator[list[str]]:
    """The CSV records of ``text``; a blank line gives ``[]``. Any line ending (LF, CRLF,
    CR) ends a line; a quoted value may hold line breaks."""
    return csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)


def _width(record: list[str]) -> int:
    """The number of fields, not counting empty ones at the end (Excel's phantom columns)."""
    width = len(record)
    while width > 0 and not record[width - 1].strip():
        width -= 1
    return width


def _sniff(text: str) -> str:
    """The separator under which the first records agree on their number of fields, the
    most fields winning; if none agrees, the one splitting the header most; else a comma."""
    best, best_score = ",", (False, 0)
    for separator in SEPARATORS:
        widths = []
        try:
            for record in _records(text, separator):
                if record and any(value.strip() for value in record):
                    widths.append(_width(record))
                    if len(widths) == _SNIFF_RECORDS:
                        break
        except csv.Error:
            widths = widths[:1]
        if not widths or widths[0] < 2:
            continue
        score = (len(set(widths)) == 1, widths[0])
        if score > best_score:  # strictly better: earlier separators win ties
            best, best_score = separator, score
    return best


def _csv_problem(error: csv.Error, row: int, max_cell_chars: int) -> UploadError:
    """An UploadError for what the csv module found wrong in spreadsheet row ``row``."""
    reason = str(error)
    if "field larger than field limit" in reason:
        return UploadError(
            f"Row {row:,} has a value longer than {csv.field_size_limit():,} characters; the "
            f"limit is {max_cell_chars:,}. Shorten it and upload again."
        )
    if "unexpected end of data" in reason or "EOF" in reason:
        return UploadError(
            f'A quote mark (") that opens a value in row {row:,} is never closed, so the rest '
            "of the file would be one value. Close or remove that quote mark and upload again."
        )
    if "expected after" in reason:
        return UploadError(
            f'In row {row:,} a quoted value has more text after its closing quote mark ("). '
            'Put the whole value in quotes, write each quote mark inside it twice (""), and '
            "upload again."
        )
    return UploadError(
        f"Row {row:,} cannot be read as CSV ({reason}). Check that row and upload again."
    )


def read_table(
    data: bytes,
    name: str = "upload.csv",
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
    max_cell_chars: int = MAX_CELL_CHARS,
) -> pd.DataFrame:
    """Read an uploaded table: a DataFrame whose every cell is a ``str``.

    ``data`` is the file's bytes (``st.file_uploader(...).getvalue()``), ``name`` its name,
    used only in messages: what the file is is decided by its content, not its name. The
    text is decoded as UTF-8 (a byte-order mark is dropped) or, failing that, as Windows-1252
    (Latin-1); the separator is a comma, a semicolon or a tab, whichever splits the first
    rows into equally many columns. The first non-blank row names the columns.

    What the file says is kept as text: nothing is converted to numbers, dates or missing
    values. Leading and trailing spaces are removed from every name and value; blank rows
    are skipped; empty columns at the right end with no name (as Excel writes them) are
    dropped. The index, named ``"row"``, holds each row's number as a spreadsheet shows it
    (the header is row 1). ``frame.attrs`` holds ``"encoding"`` (``"utf-8"``,
    ``"utf-8-sig"`` or ``"cp1252"``; :data:`ENCODING_NAMES` says them in words),
    ``"separator"`` and ``"name"``.

    Raises :class:`UploadError` for an empty file, a header with no rows, a file that is
    not text (an image, an archive, a workbook, NUL bytes, bytes valid in neither
    encoding), more than ``max_bytes`` bytes, ``max_rows`` rows or ``max_columns``
    columns, a value or name longer than ``max_cell_chars``, a column with no name, two
    columns with the same name (ignoring case), a row with more or fewer values than
    the header has names, and an unclosed quote.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"read_table expects the file's bytes, got {type(data).__name__}")
    data = bytes(data)
    shown_name = inline_code(name, max_chars=60)
    if not data:
        raise UploadError(f"The file {shown_name} is empty. Choose a file with a table in it.")
    if len(data) > max_bytes:
        size, limit = _size(len(data)), _size(max_bytes)
        if size == limit:
            size, limit = _count(len(data), "byte"), _count(max_bytes, "byte")
        raise UploadError(
            f"The file {shown_name} is {size}; the limit is {limit}. Keep fewer rows or "
            "columns, and upload again."
        )
    _refuse_binary(data, shown_name)
    text, encoding = _decode(data, shown_name)
    if not text.strip():
        what = "is empty" if not text else "contains only blank space"
        raise UploadError(f"The file {shown_name} {what}. Choose a file with a table in it.")
    _refuse_non_table_text(text, shown_name)
    separator = _sniff(text)
    header, rows, row_numbers = _parse(
        text, separator, max_rows=max_rows, max_columns=max_columns,
        max_cell_chars=max_cell_chars,
    )
    index = pd.Index(row_numbers, name="row", dtype=np.int64)
    frame = pd.DataFrame(
        {column: pd.Series([row[j] for row in rows], index=index, dtype=object)
         for j, column in enumerate(header)},
        index=index,
    )
    frame.attrs.update(encoding=encoding, separator=separator, name=str(name))
    return frame


def _parse(
    text: str, separator: str, *, max_rows: int, max_columns: int, max_cell_chars: int
) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the rows of data (stripped, as wide as the header) and their numbers."""
    header: list[str] | None = None
    width = 0
    rows: list[list[str]] = []
    row_numbers: list[int] = []
    n_rows = 0
    row = 0  # the spreadsheet row of the record being read
    records = _records(text, separator)
    while True:
        row += 1
        try:
            record = next(records)
        except StopIteration:
            break
        except csv.Error as error:
            raise _csv_problem(error, row, max_cell_chars) from None
        record = [value.strip() for value in record]
        if not any(record):
            continue  # a blank row (or one of only separators)
        if header is None:
            header, width = _check_header(record, row, max_columns, max_cell_chars)
            continue
        n_rows += 1
        if n_rows > max_rows:
            continue  # only counted, so that the message can say how many there are
        if len(record) < width or (len(record) > width and any(record[width:])):
            raise _ragged(record, width, len(header), row, separator)
        for j, value in enumerate(record[:width]):
            if len(value) > max_cell_chars:
                raise UploadError(
                    f"Row {row:,} has a value of {len(value):,} characters in column "
                    f"{inline_code(header[j])}; the limit is {max_cell_chars:,}. Shorten it "
                    "and upload again."
                )
        rows.append(record[:width])
        row_numbers.append(row)
    if header is None:  # every row was blank or separators only
        raise UploadError(
            "The file holds only separators and line breaks, no values. Choose a file with "
            "a table in it."
        )
    if n_rows == 0:
        raise UploadError(
            "The file has a header but no rows of data below it. Add the rows and upload again."
        )
    if n_rows > max_rows:
        raise UploadError(
            f"This file has {n_rows:,} rows; the limit is {max_rows:,}. Keep the first "
            f"{max_rows:,} rows or sample them, and upload again."
        )
    return header[:width], rows, row_numbers


def _check_header(
    record: list[str], row: int, max_columns: int, max_cell_chars: int
) -> tuple[list[str], int]:
    width = _width(record)
    if width > max_columns:
        raise UploadError(
            f"This file has {width:,} columns; the limit is {max_columns:,}. Keep the columns "
            "you need and upload again."
        )
    names = record[:width]
    seen: dict[str, int] = {}
    for j, name in enumerate(names, start=1):
        if not name:
            raise UploadError(
                f"Column {j} has no name in the header (row {row:,}). Give every column a "
                "name and upload again."
            )
        if len(name) > max_cell_chars:
            raise UploadError(
                f"The name of column {j} has {len(name):,} characters; the limit is "
                f"{max_cell_chars:,}. Shorten it and upload again."
            )
        key = name.casefold()
        if key in seen:
            raise UploadError(
                f"Columns {seen[key]} and {j} are both called {inline_code(name)}. Give each "
                "column its own name and upload again."
            )
        seen[key] = j
    return record, width


def _ragged(
    record: list[str], width: int, header_width: int, row: int, separator: str
) -> UploadError:
    n_values = _width(record) if len(record) > width else len(record)
    if width < n_values <= header_width:
        return UploadError(
            f"Row {row:,} has a value in column {n_values}, which has no name in the header. "
            "Give every column a name and upload again."
        )
    mark = {"\t": "tab"}.get(separator, separator)
    return UploadError(
        f"Row {row:,} has {_count(n_values, 'value')}, but the header names "
        f"{_count(width, 'column')}. Check that row for a missing or extra separator ({mark}) "
        "and upload again."
    )


# --------------------------------------------------------------------------------------
# Table → categorical dataset
# --------------------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_ID_NAME = re.compile(r"(?:id|index|row|#|unnamed: ?\d+|.*[ _-]id)", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class CategoricalDataset:
    """A table as categorical features: what :class:`~gdl_core.naive_bayes.CategoricalNB`
    and :class:`~gdl_core.multinomial.JointMultinomial` fit directly::

        model = CategoricalNB(alpha).fit(dataset.codes, dataset.n_values)

    ``features`` the column names (K); ``values[k]`` feature k's values, the code of a value
    being its position there; ``codes`` the (N, K) int64 code table (read-only), so that
    ``values[k][codes[i, k]]`` is row i's value of feature k; ``rows`` each row's number in
    the file; ``dropped`` the identifier columns left out (see :func:`categorical_dataset`);
    ``is_wrodl`` whether the features are exactly the five Wrodl features with Wrodl values,
    so that faces can be drawn (then ``features`` is ``wrodl.FEATURES``'s order,
    ``values`` its full vocabulary and ``codes`` equal ``wrodl.encode`` of the table);
    ``notes`` sentences a page may show (why a Wrodl-like table is not drawn as faces).
    An empty value is the value ``""``: a page should show it as "(empty)".
    """

    features: tuple[str, ...]
    values: tuple[tuple[str, ...], ...]
    codes: np.ndarray
    rows: tuple[int, ...]
    is_wrodl: bool
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (f"CategoricalDataset(n_obs={self.n_obs}, features={self.features!r}, "
                f"n_values={self.n_values}, is_wrodl={self.is_wrodl}, dropped={self.dropped!r})")

    @property
    def n_values(self) -> tuple[int, ...]:
        """L_k, the number of values of each feature: the models' ``n_values``."""
        return tuple(len(values) for values in self.values)

    @property
    def n_obs(self) -> int:
        """N, the number of rows."""
        return int(self.codes.shape[0])

    @property
    def n_combinations(self) -> int:
        """d = Π L_k, the number of possible combinations."""
        return math.prod(self.n_values)

    @property
    def vocabulary(self) -> dict[str, tuple[str, ...]]:
        """Feature → its values, shaped like ``wrodl.FEATURES``."""
        return dict(zip(self.features, self.values, strict=True))

    def decode(self, codes: np.ndarray) -> pd.DataFrame:
        """Rows of codes (a model's samples) as a DataFrame of values, one column a feature."""
        codes = np.asarray(codes)
        if codes.ndim != 2 or codes.shape[1] != len(self.features):
            raise ValueError(
                f"codes must be a table with {len(self.features)} columns (one per feature), "
                f"got shape {codes.shape}"
            )
        return pd.DataFrame({
            feature: np.asarray(values, dtype=object)[codes[:, k]] if len(codes) else []
            for k, (feature, values) in enumerate(self.vocabulary.items())
        }, dtype=object)


def _column_text(column: pd.Series) -> np.ndarray:
    """A column's values as stripped strings; missing values (NaN, None) become ""."""
    values = column.astype(object).where(column.notna(), "")
    return np.array([str(value).strip() for value in values], dtype=object)


def _sorted_values(values: set[str]) -> tuple[str, ...]:
    """The values in order: "" first; numerically if every other value is a plain number
    ("2" before "10"), otherwise alphabetically ignoring case."""
    filled = [value for value in values if value]
    if filled and all(_NUMBER.fullmatch(value) for value in filled):
        ordered = sorted(filled, key=lambda value: (float(value), value))
    else:
        ordered = sorted(filled, key=lambda value: (value.casefold(), value))
    return ("",) * ("" in values) + tuple(ordered)


def _row_label(table: pd.DataFrame, position: int) -> str:
    """How a message names the row at ``position``: its number in the file when the table
    came from :func:`read_table`, else its position among the rows of data."""
    if table.index.name == "row":
        return f"row {table.index[position]:,}"
    return f"data row {position + 1:,}"


def categorical_dataset(
    table: pd.DataFrame,
    *,
    max_categories_per_column: int = MAX_CATEGORIES,
    max_combinations: int | None = MAX_COMBINATIONS,
) -> CategoricalDataset:
    """Every column of ``table`` as a categorical feature (see :class:`CategoricalDataset`).

    A column whose name says it is an identifier (``id``, ``face_id``, ``index``, ``row``,
    ``Unnamed: 0`` …) and whose values are all different is left out and listed in
    ``dropped``: an id is not a feature. Values are compared as text after removing
    surrounding spaces, so ``Red`` and ``red`` are two values.

    Raises :class:`UploadError` for fewer than two rows, a column that is empty in every
    row, a column with more than ``max_categories_per_column`` different values, or
    features whose combinations number more than ``max_combinations`` (``None``: no limit).
    """
    from gdl_core.wrodl.data import FEATURES as WRODL_FEATURES

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"categorical_dataset expects a DataFrame, got {type(table).__name__}")
    n_rows = len(table)
    if n_rows < 2:
        raise UploadError(
            f"This table has {_count(n_rows, 'row')} of data; counting needs at least two. "
            "Add more rows and upload again."
        )
    names = [str(name).strip() for name in table.columns]
    if len({name.casefold() for name in names}) < len(names):
        raise UploadError("Two columns have the same name. Rename one and upload again.")
    columns: dict[str, np.ndarray] = {}
    dropped = []
    for j, name in enumerate(names):
        text = _column_text(table.iloc[:, j])
        distinct = set(text.tolist())
        if distinct == {""}:
            raise UploadError(
                f"Column {inline_code(name)} is empty in every row. Delete it, or fill it in, "
                "and upload again."
            )
        if _ID_NAME.fullmatch(name) and len(distinct) == n_rows:
            dropped.append(name)
            continue
        if len(distinct) > max_categories_per_column:
            raise UploadError(
                f"Column {inline_code(name)} has {len(distinct):,} different values; the "
                f"limit is {max_categories_per_column:,}. A column like an id, a name or a "
                "free-text answer cannot be counted: remove it, or group its values into "
                f"at most {max_categories_per_column:,} categories, and upload again."
            )
        columns[name] = text
    if not columns:
        raise UploadError(
            "Every column of this table is an identifier (all its values differ), so there "
            "is nothing to count. Add columns of categories and upload again."
        )

    notes: list[str] = []
    is_wrodl = set(columns) == set(WRODL_FEATURES)
    if is_wrodl:
        for feature, allowed in WRODL_FEATURES.items():
            allowed_set = set(allowed)
            unknown = [i for i, value in enumerate(columns[feature]) if value not in allowed_set]
            if unknown:
                is_wrodl = False
                position = unknown[0]
                notes.append(
                    f"The columns are the five Wrodl features, but "
                    f"{inline_code(columns[feature][position])} in "
                    f"{_row_label(table, position)} is not one of the values of "
                    f"{inline_code(feature)}, so the rows cannot be drawn as faces."
                )
                break
    if is_wrodl:
        features = tuple(WRODL_FEATURES)
        values = tuple(WRODL_FEATURES.values())
    else:
        features = tuple(columns)
        values = tuple(_sorted_values(set(columns[name].tolist())) for name in features)

    d = math.prod(len(v) for v in values)
    if max_combinations is not None and d > max_combinations:
        product = " × ".join(str(len(v)) for v in values)
        raise UploadError(
            f"Together these {len(features)} columns make {d:,} possible combinations "
            f"({product}); the limit is {max_combinations:,}. Remove a column or merge rare "
            "values, and upload again."
        )
    codes = np.empty((n_rows, len(features)), dtype=np.int64)
    for k, name in enumerate(features):
        codes[:, k] = pd.Categorical(columns[name], categories=list(values[k])).codes
    codes.flags.writeable = False
    if table.index.name == "row":
        rows = tuple(int(row) for row in table.index)
    else:
        rows = tuple(range(2, n_rows + 2))
    return CategoricalDataset(
        features=features, values=values, codes=codes, rows=rows, is_wrodl=is_wrodl,
        dropped=tuple(dropped), notes=tuple(notes),
    )


# --------------------------------------------------------------------------------------
# Table → points on the world map
# --------------------------------------------------------------------------------------

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
    return float(value) if _NUMBER.fullmatch(value) else None


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
        j for j in range(table.shape[1]) if _is_numeric_column(_column_text(table.iloc[:, j]))
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
    text = _column_text(table.iloc[:, column])
    name = inline_code(table.columns[column])
    limit = _RANGES[what]
    decimal_comma = _uses_decimal_comma(text)
    numbers = np.full(len(text), np.nan)
    for i, value in enumerate(text):
        where = _row_label(table, i).capitalize()
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


# --------------------------------------------------------------------------------------
# DataFrame → CSV a spreadsheet opens safely
# --------------------------------------------------------------------------------------

#: A cell whose first character is one of these is read as a formula by Excel, LibreOffice
#: and Google Sheets (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(text: str) -> str:
    """``'`` before text that a spreadsheet would take for a formula; plain numbers such as
    ``-3.5``, ``+1`` or ``-1e-5`` are left alone (a spreadsheet reads them as the numbers they
    are, and they run nothing)."""
    first = text.lstrip(" ")[:1]
    if first and first in FORMULA_STARTS and not _NUMBER.fullmatch(text.strip()):
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
