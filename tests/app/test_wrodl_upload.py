"""The two Planet Wrodl pages on a student's own table (issue 15), in Streamlit's AppTest: a
good file shows every step on it, a bad one after it is refused without losing anything,
the table follows the student to the other page, "Forget my file" goes back to the 50
Wrodlers, and the session report records what was shown.

Numbers are checked against exact fractions counted here from the file's text.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from gdl_core import wrodl
from gdl_core.numbers import format_prob
from tests.app.helpers import open_page, uploader

COUNTING = "app_pages/wrodl_counting.py"
NAIVE_BAYES = "app_pages/wrodl_naive_bayes.py"
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "assets" / "example-survey.csv"
CHOICE = "upload_categorical_source"
HOSTILE = (b'<b>Q</b>,**pet**\n"[x](javascript:alert(1))",![i](http://e/x.png)\n'
           b"<script>alert(1)</script>,cat\n[x](javascript:alert(1)),dog\n")


def example_rows() -> list[tuple[str, ...]]:
    """The example file's rows, its id column left out, read with the csv module."""
    rows = list(csv.reader(io.StringIO(EXAMPLE.read_text("utf-8"))))
    return [tuple(row[1:]) for row in rows[1:]]


def upload(app, name: str, content: bytes):
    app.radio(key=CHOICE).set_value("Your own file").run()
    uploader(app, "categorical").set_value((name, content, "text/csv")).run()
    assert not app.exception, app.exception
    return app


def metric(app, label: str) -> str:
    (found,) = [m for m in app.metric if m.label == label]
    return found.value


def headers(app) -> list[str]:
    return [h.value for h in app.header]


def words(app) -> str:
    """Everything shown as Markdown: text, captions, messages, metric and widget labels."""
    return "\n".join(
        [e.value for kind in ("markdown", "caption", "success", "error", "info", "warning")
         for e in getattr(app, kind)]
        + [m.label for m in app.metric] + [s.label for s in app.selectbox]
    )


@pytest.fixture
def survey(app):
    open_page(app, COUNTING)
    return upload(app, EXAMPLE.name, EXAMPLE.read_bytes())


# --- a good file ----------------------------------------------------------------------------


def test_counting_shows_every_step_on_the_uploaded_table(survey):
    app, rows = survey, example_rows()
    counted = Counter(rows)
    d = math.prod(len({row[k] for row in rows}) for k in range(4))
    assert headers(app) == ["1. Meet your data", "2. Give every combination a probability",
                            "3. Add a pseudocount", "4. Sample and judge"]
    assert "`student_id`" in words(app)  # the id column, left out, is named as text
    assert metric(app, "Rows N") == str(len(rows))
    assert metric(app, "Possible combinations d") == f"{d:,}" == "240"
    assert metric(app, "Free parameters") == f"{d - 1:,}"
    assert metric(app, "Combinations in the data") == f"{len(counted)} of {d}"
    (data,) = app.get_by_key("wrodl_upload_data").dataframe
    assert [tuple(r) for r in data.value.itertuples(index=False)] == rows
    (counts,) = app.get_by_key("wrodl_upload_combinations").dataframe
    assert {tuple(r[:-1]): r[-1] for r in counts.value.itertuples(index=False)} == dict(counted)
    (top,) = app.get_by_key("wrodl_upload_top").table
    assert list(top.value["n"]) == sorted(counted.values(), reverse=True)[:10]
    assert "Face" not in words(app) and "Wrodler" not in words(app)
    assert not app.image  # no faces for a survey


@pytest.mark.parametrize("alpha", [0.01, 1.0, 10.0])
def test_the_unseen_mass_follows_the_formula_on_the_uploaded_table(survey, alpha):
    app, rows = survey, example_rows()
    app.select_slider(key="wrodl_alpha").set_value(alpha).run()
    a, n = Fraction(str(alpha)), len(rows)
    counted = Counter(rows)
    d, u = 240, len(counted)
    assert metric(app, "θ̂ of one unseen") == format_prob(float(a / (n + d * a)))
    assert metric(app, f"Total for all {d - u} unseen") == format_prob(
        float((d - u) * a / (n + d * a)))
    top = max(counted.values())
    assert metric(app, "θ̂ most frequent") == format_prob(float((top + a) / (n + d * a)))


def test_samples_are_a_table_with_verdicts_and_a_csv_download(survey):
    app, rows = survey, example_rows()
    app.select_slider(key="wrodl_alpha").set_value(1.0).run()
    (table,) = app.get_by_key("wrodl_mn_upload_samples_table").table
    samples = table.value
    assert list(samples["sample"]) == list(range(1, 11))
    for row in samples.itertuples(index=False):
        sample, verdict = tuple(row[1:-1]), row[-1]
        assert verdict == (f"copy of row {rows.index(sample) + 2}" if sample in rows else "new")
    new = (samples["copy or new"] == "new").sum()
    assert metric(app, "New in this batch") == f"{new} of 10"
    assert app.get_by_key("wrodl_mn_upload_samples_csv")
    app.button(key="wrodl_mn_again").click().run()
    (again,) = app.get_by_key("wrodl_mn_upload_samples_table").table
    assert not again.value.equals(samples)
    assert app.query_params["seed"] == "1"


def test_naive_bayes_shows_the_theta_table_and_scores_any_row(survey):
    app, rows = survey, example_rows()
    app.switch_page(NAIVE_BAYES).run()
    assert headers(app)[:2] == ["1. Count each feature on its own", "2. Score one combination"]
    assert metric(app, "Naive Bayes parameters") == "12"
    assert metric(app, "Multinomial parameters") == "239"
    (pets,) = app.get_by_key("wrodl_upload_table_2").table
    counted = Counter(row[2] for row in rows)
    assert {r[0]: r[1] for r in pets.value.itertuples(index=False) if r[0] != "total"} == counted
    # The calculator starts at the first row; pick another value and check p(x) by hand.
    assert [s.value for s in app.selectbox] == [
        sorted({r[k] for r in rows}, key=str.casefold).index(rows[0][k]) for k in range(4)]
    app.selectbox(key="wrodl_nb_upload_3").set_value(0).run()
    chosen = [sorted({r[k] for r in rows}, key=str.casefold)[s.value]
              for k, s in enumerate(app.selectbox)]
    p = math.prod(Fraction(sum(r[k] == v for r in rows), len(rows)) for k, v in enumerate(chosen))
    assert metric(app, "Naive Bayes p(x)") == format_prob(float(p), 4)
    seen = Counter(rows)[tuple(chosen)]
    assert metric(app, "Multinomial θ̂") == format_prob(seen / len(rows), 4)
    assert app.get_by_key("wrodl_nb_upload_samples_table")
    assert app.get_by_key("wrodl_comparison")


def test_a_table_of_the_five_wrodl_features_is_drawn_as_faces(app):
    open_page(app, COUNTING)
    upload(app, "mine.csv", wrodl.CSV_PATH.read_bytes())
    assert app.get_by_key("wrodl_upload_faces-sheet-wide").image
    assert app.get_by_key("wrodl_mn_upload_samples-sheet-wide").image
    assert metric(app, "Possible combinations d") == "4,032"
    app.switch_page(NAIVE_BAYES).run()
    assert metric(app, "Naive Bayes parameters") == "23"
    assert app.get_by_key("wrodl_calc_portrait").image
    assert app.get_by_key("wrodl_nb_upload_samples-sheet-wide").image
    assert "`LongHairBun`" in words(app)  # never in the data: named, as text


# --- a bad file, another page, forgetting ---------------------------------------------------


def test_a_bad_file_after_a_good_one_keeps_the_data_and_the_settings(survey):
    app = survey
    app.select_slider(key="wrodl_alpha").set_value(2.0).run()
    app.number_input(key="wrodl_mn_seed").set_value(7).run()
    before = app.get_by_key("wrodl_mn_upload_samples_table").table[0].value
    uploader(app, "categorical").set_value(("broken.csv", b"a,b\n1\n", "text/csv")).run()
    assert not app.exception
    (error,) = app.error
    assert "Could not use that file" in error.value and f"`{EXAMPLE.name}`" in error.value
    assert metric(app, "Possible combinations d") == "240"
    assert app.select_slider(key="wrodl_alpha").value == 2.0
    assert app.number_input(key="wrodl_mn_seed").value == 7
    after = app.get_by_key("wrodl_mn_upload_samples_table").table[0].value
    assert after.equals(before)


def test_the_upload_follows_to_the_other_page_and_back(survey):
    app = survey
    app.switch_page(NAIVE_BAYES).run()
    assert app.radio(key=CHOICE).value == "Your own file"
    assert metric(app, "Naive Bayes parameters") == "12"
    app.selectbox(key="wrodl_nb_upload_0").set_value(1).run()
    app.switch_page(COUNTING).run()
    assert metric(app, "Possible combinations d") == "240"
    app.switch_page(NAIVE_BAYES).run()
    assert app.selectbox(key="wrodl_nb_upload_0").value == 1  # the calculator's pick kept


def test_forget_my_file_goes_back_to_the_wrodlers(survey):
    app = survey
    app.button(key="wrodl_mn_data_forget").click().run()
    assert not app.exception
    assert headers(app)[0] == "1. Meet the 50 Wrodlers (Figure 1-7)"
    assert metric(app, "Possible faces d") == "4,032"
    app.switch_page(NAIVE_BAYES).run()
    assert metric(app, "Naive Bayes parameters") == "23"


def test_uploaded_text_is_shown_as_text_never_as_markdown(app):
    open_page(app, NAIVE_BAYES)
    upload(app, "**name**.csv", HOSTILE)
    shown = words(app)
    assert "`**name**.csv`" in shown and "`<b>Q</b>`" in shown and "`**pet**`" in shown
    for raw in ("**name**", "<b>Q</b>", "**pet**", "javascript:", "<script>", "![i]"):
        # Wherever the raw text appears in Markdown, it is inside a code span.
        code_free = "".join(shown.split("`")[0::2])
        assert raw not in code_free, raw
    app.switch_page(COUNTING).run()
    assert not app.exception


# --- the session report ---------------------------------------------------------------------


def test_both_pages_record_their_part_of_the_report_with_either_data(survey):
    app = survey
    app.select_slider(key="wrodl_alpha").set_value(0.5).run()
    section = app.session_state["_session_report"][COUNTING]
    settings = dict(section.settings)
    assert settings == {"Data": f"your file {EXAMPLE.name}", "Pseudocount α": "0.5",
                        "Seed": "0"}
    assert dict(section.numbers)["Possible combinations d"] == "240 (4 × 4 × 3 × 5)"
    ((caption, table),) = section.tables
    assert caption == "The 10 samples"
    shown = app.get_by_key("wrodl_mn_upload_samples_table").table[0].value
    assert table.astype(str).values.tolist() == shown.astype(str).values.tolist()
    assert not section.pictures  # no faces for a survey: the table is the record
    app.button(key="wrodl_mn_data_forget").click().run()
    app.switch_page(NAIVE_BAYES).run()
    section = app.session_state["_session_report"][NAIVE_BAYES]
    assert dict(section.settings)["Data"] == "the 50 Wrodlers (built in)"
    assert dict(section.numbers)["Naive Bayes parameters"] == "23"
    ((alt, png),) = section.pictures
    assert png.startswith(b"\x89PNG") and "sampled faces" in alt
