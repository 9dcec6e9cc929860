"""Reading an uploaded table: bytes → a DataFrame of text (:func:`read_table`).

The bytes are checked against the size limit, refused if they are a known kind of non-text
file, decoded (UTF-8, else Windows-1252), split into records by the standard library's
``csv`` module under the separator that fits best, and checked against the row, column and
cell limits. Every value stays the text it was.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator

import numpy as np
import pandas as pd

from gdl_core.numbers import plural
from gdl_core.uploads.messages import UploadError, file_size, inline_code

__all__ = [
    "ENCODING_NAMES",
    "MAX_BYTES",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "SEPARATORS",
    "read_table",
]

#: Largest file accepted, in bytes (2 MB). Checked before anything is decoded, so a huge
#: file costs nothing but its bytes (the page should also set ``server.maxUploadSize``, in
#: MB, so that Streamlit refuses bigger files before they reach Python at all).
MAX_BYTES = 2_000_000
#: Most rows of data (the header not counted). With :data:`MAX_COLUMNS`, at most 200,000
#: cells, about 15 MB as Python strings, so even thirty students uploading at once stay
#: well inside the memory left over. 10,000 rows is 200 times the 50 Wrodlers: plenty to
#: see counting and smoothing at work.
MAX_ROWS = 10_000
#: Most columns (see :data:`MAX_ROWS` for the cells they make together).
MAX_COLUMNS = 20
#: Longest value or column name, in characters: a value becomes a label in a chart or a
#: table, and a longer one is free text, not a category.
MAX_CELL_CHARS = 200

#: The separators :func:`read_table` tries, in order of preference when two fit equally.
SEPARATORS: tuple[str, ...] = (",", ";", "\t")

#: How :func:`read_table` reports the encoding it used (``frame.attrs["encoding"]``).
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "cp1252": "Windows-1252 (Latin-1)",
}

#: Records looked at to choose the separator.
_SNIFF_RECORDS = 50


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
        size, limit = file_size(len(data)), file_size(max_bytes)
        if size == limit:
            size, limit = plural(len(data), "byte"), plural(max_bytes, "byte")
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
        f"Row {row:,} has {plural(n_values, 'value')}, but the header names "
        f"{plural(width, 'column')}. Check that row for a missing or extra separator ({mark}) "
        "and upload again."
    )

