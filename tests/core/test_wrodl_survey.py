"""The Planet Wrodl pages' maths on any table of categories (gdl_core.wrodl.survey).

Oracles independent of the code under test: every combination enumerated with
itertools.product and its probability computed with exact fractions from counts made by
collections.Counter over the file's text; scikit-learn's CategoricalNB for Naive Bayes' θ̂.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.naive_bayes import CategoricalNB as SklearnCategoricalNB

from gdl_core import wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.uploads import categorical_dataset, read_table
from gdl_core.wrodl import survey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "assets" / "example-survey.csv"
ALPHAS = ["0", "0.01", "1", "5"]  # as text: Fraction("0.01") is exactly 1/100


def dataset_of(text: str):
    return categorical_dataset(read_table(text.encode("utf-8"), "test.csv"))


@pytest.fixture(scope="module")
def example():
    return categorical_dataset(read_table(EXAMPLE.read_bytes(), EXAMPLE.name))


@pytest.fixture(scope="module")
def wrodl_upload():
    """The 50 Wrodlers as a student would upload them: values never seen (LongHairBun,
    Black clothing) are in the vocabulary, so some combinations are impossible at α = 0."""
    return categorical_dataset(read_table(wrodl.CSV_PATH.read_bytes(), "wrodl.csv"))


def rows_as_text(dataset) -> list[tuple[str, ...]]:
    """The rows as value tuples, read back from the file's text (not from the codes)."""
    return [tuple(row) for row in dataset.decode(dataset.codes).itertuples(index=False)]


class Oracle:
    """Both models by brute force, in exact fractions, from counts of the rows' text."""

    def __init__(self, dataset, alpha: str):
        self.alpha = Fraction(alpha)
        self.values = dataset.values
        self.rows = rows_as_text(dataset)
        self.n = len(self.rows)
        self.d = math.prod(len(v) for v in self.values)
        self.joint = Counter(self.rows)
        self.marginal = [Counter(row[k] for row in self.rows) for k in range(len(self.values))]

    def every(self):
        return itertools.product(*self.values)

    def theta(self, combination) -> Fraction:
        return (self.joint[combination] + self.alpha) / (self.n + self.d * self.alpha)

    def theta_k(self, k: int, value: str) -> Fraction:
        return (self.marginal[k][value] + self.alpha) / (self.n + len(self.values[k]) * self.alpha)

    def nb(self, combination) -> Fraction:
        return math.prod((self.theta_k(k, v) for k, v in enumerate(combination)), start=Fraction(1))


def close(value: float, exact: Fraction) -> bool:
    return value == pytest.approx(float(exact), rel=1e-12, abs=1e-300)


# --- the data, counted ----------------------------------------------------------------------


def test_the_example_file_is_a_small_survey_with_an_id_left_out(example):
    assert example.dropped == ("student_id",)
    assert 30 <= example.n_obs <= 60
    assert 3 <= len(example.features) <= 5
    assert all(2 <= n <= 5 for n in example.n_values)
    assert not example.is_wrodl


def test_combinations_are_counted_most_frequent_first(example):
    basis = survey.survey_basis(example)
    table = basis.combinations
    counted = Counter(rows_as_text(example))
    shown = {tuple(row[:-1]): row[-1] for row in table.itertuples(index=False)}
    assert shown == dict(counted)
    assert list(table["n"]) == sorted(counted.values(), reverse=True)
    assert table["n"].sum() == example.n_obs


def test_a_feature_named_n_keeps_its_values_and_the_count_column_moves_aside():
    dataset = dataset_of("n,colour\na,red\nb,red\na,blue\n")
    basis = survey.survey_basis(dataset)
    assert list(basis.combinations.columns) == ["n", "colour", "n_"]
    table = survey.survey_naive_bayes(basis, 0.0).tables["n"]
    assert list(table.columns) == ["n_", "n", "θ̂"]
    assert list(table["n_"]) == ["a", "b", "total"]
    assert list(table["n"]) == [2, 1, 3]


# --- the multinomial ------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", ALPHAS)
def test_counting_matches_brute_force_enumeration(example, alpha):
    oracle = Oracle(example, alpha)
    report = survey.survey_counting(survey.survey_basis(example), float(alpha))
    unseen = [c for c in oracle.every() if oracle.joint[c] == 0]
    assert report.d == oracle.d == 4 * 4 * 3 * 5
    assert report.sizes == " × ".join(str(len(v)) for v in example.values)
    assert report.n_params == oracle.d - 1
    assert report.n_distinct == len(oracle.joint)
    assert report.n_unseen == len(unseen)
    top, top_count = oracle.joint.most_common(1)[0]
    assert report.top_count == top_count
    assert close(report.top, oracle.theta(top))
    assert close(report.unseen_theta, oracle.theta(unseen[0]) if oracle.alpha else Fraction(0))
    assert close(report.unseen_mass, sum((oracle.theta(c) for c in unseen), Fraction(0)))
    assert sum((oracle.theta(c) for c in oracle.every()), Fraction(0)) == 1


@pytest.mark.parametrize("alpha", ALPHAS)
def test_the_contrast_is_the_rarest_values_and_the_likeliest_unseen(example, alpha):
    oracle = Oracle(example, alpha)
    report = survey.survey_counting(survey.survey_basis(example), float(alpha))
    rarest = tuple(min(values, key=lambda v, k=k: (oracle.marginal[k][v], values.index(v)))
                   for k, values in enumerate(example.values))
    unseen = [c for c in oracle.every() if oracle.joint[c] == 0]
    likeliest = max(unseen, key=oracle.nb)
    rows = report.contrast.to_dict("records")
    assert [row["values"] for row in rows] == [", ".join(rarest), ", ".join(likeliest)]
    assert rows[0]["times in the data"] == oracle.joint[rarest]
    assert rows[1]["times in the data"] == 0
    assert float(rows[1]["Naive Bayes p(x)"]) == pytest.approx(float(oracle.nb(likeliest)),
                                                               rel=1e-3)


def test_with_every_combination_seen_there_is_no_unseen_row():
    dataset = dataset_of("a,b\nx,1\nx,2\ny,1\ny,2\ny,2\n")
    report = survey.survey_counting(survey.survey_basis(dataset), 1.0)
    assert report.n_unseen == 0 and report.unseen_mass == 0
    assert list(report.contrast["combination"]) == ["each feature's rarest value"]


def test_the_theta_axis_holds_every_theta_at_every_alpha(example):
    basis = survey.survey_basis(example)
    low, high = basis.theta_range
    for alpha in basis.alphas:
        oracle = Oracle(example, str(alpha))
        values = {oracle.theta(c) for c in oracle.every()} - {0}
        assert low <= float(min(values)) and float(max(values)) <= high


def test_novelty_at_each_alpha_is_the_unseen_mass(example):
    basis = survey.survey_basis(example)
    for alpha, expected in zip(basis.alphas, basis.expected_new, strict=True):
        oracle = Oracle(example, str(alpha))
        mass = sum((oracle.theta(c) for c in oracle.every() if oracle.joint[c] == 0),
                   Fraction(0))
        assert expected == pytest.approx(float(mass), abs=1e-12)
    assert np.all(np.abs(basis.observed_new - basis.expected_new) < 0.06)  # 1,000 draws


# --- Naive Bayes ----------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.01, 1.0, 5.0])
def test_theta_tables_match_scikit_learn(example, alpha):
    report = survey.survey_naive_bayes(survey.survey_basis(example), alpha)
    oracle = SklearnCategoricalNB(alpha=alpha, min_categories=list(example.n_values))
    oracle.fit(example.codes, np.zeros(example.n_obs, dtype=int))
    for k, feature in enumerate(example.features):
        table = report.tables[feature]
        assert list(table[feature])[:-1] == list(example.values[k])
        shown = np.array([float(t) for t in table["θ̂"][:-1]])
        np.testing.assert_allclose(shown, np.exp(oracle.feature_log_prob_[k][0]), atol=5e-5)
        assert table["θ̂"].iloc[-1] == "1.0000"


def test_theta_tables_at_alpha_zero_are_hand_counts(example):
    report = survey.survey_naive_bayes(survey.survey_basis(example), 0.0)
    oracle = Oracle(example, "0")
    for k, feature in enumerate(example.features):
        table = report.tables[feature].iloc[:-1]
        for value, n, theta in table.itertuples(index=False):
            assert n == oracle.marginal[k][value]
            assert float(theta) == pytest.approx(float(oracle.theta_k(k, value)), abs=5e-5)


def test_parameters_are_counted_per_feature(example):
    report = survey.survey_naive_bayes(survey.survey_basis(example), 1.0)
    assert report.n_params == sum(n - 1 for n in example.n_values) == 12
    assert report.n_theta == sum(example.n_values)
    assert report.multinomial_n_params == math.prod(example.n_values) - 1
    assert report.parameter_terms == "(4 − 1) + (4 − 1) + (3 − 1) + (5 − 1)"


@pytest.mark.parametrize("alpha", ["0", "1"])
def test_impossible_combinations_and_the_chance_of_a_new_one(wrodl_upload, alpha):
    oracle = Oracle(wrodl_upload, alpha)
    report = survey.survey_naive_bayes(survey.survey_basis(wrodl_upload), float(alpha))
    every = list(oracle.every())
    assert report.n_impossible == sum(oracle.nb(c) == 0 for c in every)
    assert close(report.chance_new, 1 - sum((oracle.nb(c) for c in oracle.joint), Fraction(0)))
    never = {(f, v) for k, f in enumerate(wrodl_upload.features)
             for v in wrodl_upload.values[k] if oracle.marginal[k][v] == 0}
    assert set(report.never_seen) == never == {("topType", "LongHairBun"),
                                               ("clothingColor", "Black")}


def test_the_wrodl_upload_gives_the_books_numbers(wrodl_upload):
    report = survey.survey_naive_bayes(survey.survey_basis(wrodl_upload), 0.0)
    assert report.n_params == 23
    assert report.multinomial_n_params == 4031
    score = survey.score_row(wrodl_upload, 0.0, wrodl.encode(wrodl.COMBINATION_1)[0])
    assert score.naive_bayes == pytest.approx(0.46 * 0.16 * 0.44 * 0.38 * 0.44)
    assert score.times_seen == 2


@pytest.mark.parametrize("alpha", ["0", "0.5"])
def test_a_row_is_scored_as_by_hand(example, alpha):
    oracle = Oracle(example, alpha)
    for combination in [rows_as_text(example)[0], ("car", "winter", "dog", "fruit")]:
        row = [values.index(v) for values, v in zip(example.values, combination, strict=True)]
        score = survey.score_row(example, float(alpha), row)
        assert score.face == dict(zip(example.features, combination, strict=True))
        assert close(score.naive_bayes, oracle.nb(combination))
        assert close(score.multinomial, oracle.theta(combination))
        assert score.times_seen == oracle.joint[combination]
        assert score.value_counts == tuple(oracle.marginal[k][v]
                                           for k, v in enumerate(combination))
        assert score.product.count("×") == len(example.features) - 1


def test_the_comparison_chart_has_one_dot_per_combination_up_to_the_limit(example):
    report = survey.survey_naive_bayes(survey.survey_basis(example), 1.0)
    dots = [t for t in report.comparison.data if t.name and t.name.startswith("Naive Bayes")]
    assert len(dots[0].y) == 240
    assert "combination" in report.comparison.layout.xaxis.title.text
    assert "face" not in report.comparison.layout.xaxis.title.text
    wide = dataset_of("a,b,c\n" + "\n".join(f"{i % 50},{i % 47},{i % 5}" for i in range(200)))
    assert wide.n_combinations > survey.MAX_DRAWN
    assert survey.survey_naive_bayes(survey.survey_basis(wide), 1.0).comparison is None


# --- samples --------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [JointMultinomial, CategoricalNB])
def test_samples_are_judged_against_the_rows_of_the_file(example, model):
    drawn = survey.draw_samples(example, model, 1.0, 40, seed=3)
    again = survey.draw_samples(example, model, 1.0, 40, seed=3)
    pd.testing.assert_frame_equal(drawn.table, again.table)
    rows = rows_as_text(example)
    for sample, verdict in zip(drawn.faces, drawn.verdicts, strict=True):
        if sample in rows:
            assert verdict == f"copy of row {example.rows[rows.index(sample)]}"
        else:
            assert verdict == "new"
    assert list(drawn.table.columns) == ["sample", *example.features, "copy or new"]
    assert [tuple(r[1:-1]) for r in drawn.table.itertuples(index=False)] == list(drawn.faces)
    assert drawn.n_new == drawn.verdicts.count("new")


def test_without_a_pseudocount_the_multinomial_only_copies(example):
    drawn = survey.draw_samples(example, JointMultinomial, 0.0, 200, seed=0)
    assert drawn.n_new == 0


def test_added_columns_never_clash_with_a_feature():
    dataset = dataset_of("sample,copy or new\nx,y\nx,z\nw,y\n")
    drawn = survey.draw_samples(dataset, CategoricalNB, 1.0, 5, seed=0)
    assert list(drawn.table.columns) == ["sample_", "sample", "copy or new", "copy or new_"]


# --- uploaded text in charts ----------------------------------------------------------------


def test_uploaded_text_reaches_a_chart_escaped():
    dataset = dataset_of('<b>q</b>,x\n"<a href=""javascript:alert(1)"">go</a>",1\n**y**,2\n')
    report = survey.survey_naive_bayes(survey.survey_basis(dataset), 1.0)
    labels = [str(v) for trace in report.bars.data for v in (trace.y or ())]
    titles = [a.text for a in report.bars.layout.annotations]
    assert "&lt;a href=\"javascript:alert(1)\"&gt;go&lt;/a&gt;" in labels
    assert "&lt;b&gt;q&lt;/b&gt;" in titles
    assert not any("<a" in text or "<b>" in text for text in labels + titles)
    hover = [h for trace in report.comparison.data for h in (trace.hovertext or ())]
    assert not any("<a" in str(h) for h in hover)
    assert survey.plot_text("a & <b>") == "a &amp; &lt;b&gt;"


def test_an_empty_value_is_shown_as_empty_in_words():
    dataset = dataset_of("colour,size\nred,\nblue,S\nred,S\n")
    report = survey.survey_naive_bayes(survey.survey_basis(dataset), 0.0)
    assert list(report.tables["size"]["size"]) == ["(empty)", "S", "total"]
    assert survey.value_label("") == "(empty)" and survey.value_label("x") == "x"


HOSTILE_CELLS = ["**bold**", "[x](javascript:alert(1))", "![i](http://example.com/x.png)",
                 "https://example.com", "www.example.com", "me@example.com",
                 "<img src=x onerror=alert(1)>", "$x^2$", "1. first", "- item", "# head",
                 "a\\*b", "`code`", ":red[x]", "plain words", ""]


def test_table_text_escapes_every_markdown_character_and_loses_nothing():
    """CommonMark: a backslash before an ASCII punctuation mark stands for that mark alone.
    Read back that way (and without the invisible word joiners that keep addresses from
    becoming links), every cell and name is what it was, and no mark is left bare."""
    import string

    table = pd.DataFrame({"a_*b*": HOSTILE_CELLS, "n": range(len(HOSTILE_CELLS))})
    shown = survey.table_text(table)

    def read_back(text: str) -> str:
        text = text.replace(survey.WORD_JOINER, "").replace(survey.NAME_BREAK, "")
        out, i = [], 0
        while i < len(text):
            if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in string.punctuation:
                out.append(text[i + 1])
                i += 2
            else:
                assert text[i] not in string.punctuation, (text, i)  # no bare mark
                out.append(text[i])
                i += 1
        return "".join(out)

    assert [read_back(c) for c in shown.columns] == list(table.columns)
    (cells,) = [name for name in shown.columns if read_back(name) == "a_*b*"]
    assert [read_back(v) for v in shown[cells]] == HOSTILE_CELLS
    assert list(shown["n"]) == list(table["n"])  # numbers untouched
    assert table.iloc[0, 0] == "**bold**"  # the original is not changed
    for address in ("https://example.com", "www.example.com", "me@example.com"):
        (shown_address,) = survey.table_text(pd.DataFrame({"a": [address]}))["a"]
        plain = shown_address.replace("\\", "")
        assert address not in plain  # split by a word joiner: no bare address to link
        assert plain.replace(survey.WORD_JOINER, "") == address
