"""The two Planet Wrodl pages in Streamlit's AppTest: numbers, URL state, reproducible samples,
the guided steps, the reset and the way on."""

import csv
import json
import math
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from tests.app.helpers import open_page

COUNTING = "app_pages/wrodl_counting.py"
NAIVE_BAYES = "app_pages/wrodl_naive_bayes.py"
ALPHA = "wrodl_alpha"
ROOT = Path(__file__).resolve().parents[2]

# Table 1-2 of the book, counts n out of N = 50 (BOOK_FACTS.md, with the data's spellings).
TABLE_1_2 = {
    "topType": {
        "NoHair": 7, "LongHairBun": 0, "LongHairCurly": 1, "LongHairStraight": 23,
        "ShortHairShortWaved": 1, "ShortHairShortFlat": 11, "ShortHairFrizzle": 7,
    },
    "hairColor": {
        "Black": 7, "Blonde": 6, "Brown": 2, "PastelPink": 3, "Red": 8, "SilverGray": 24,
    },
    "clothingColor": {
        "Black": 0, "Blue01": 4, "Gray01": 10, "PastelGreen": 5, "PastelOrange": 2, "Pink": 4,
        "Red": 3, "White": 22,
    },
    "accessoriesType": {"Blank": 11, "Round": 22, "Sunglasses": 17},
    "clothingType": {"Hoodie": 7, "Overall": 18, "ShirtScoopNeck": 19, "ShirtVNeck": 6},
}
THETA_1_2 = {  # θ̂ = n / 50 as the book prints it
    "topType": [0.14, 0.00, 0.02, 0.46, 0.02, 0.22, 0.14],
    "hairColor": [0.14, 0.12, 0.04, 0.06, 0.16, 0.48],
    "clothingColor": [0.00, 0.08, 0.20, 0.10, 0.04, 0.08, 0.06, 0.44],
    "accessoriesType": [0.22, 0.44, 0.34],
    "clothingType": [0.14, 0.36, 0.38, 0.12],
}


def metric(app, label_start: str) -> str:
    (found,) = [m for m in app.metric if m.label.startswith(label_start)]
    return found.value


def texts(app) -> str:
    return "\n".join(m.value for m in app.markdown)


def table(app, key: str):
    """The one static table (st.table) inside the container ``key``."""
    (found,) = app.get_by_key(key).table
    return found.value


def sample_table(app):
    (found,) = app.get_by_key("wrodl_nb_faces_table").dataframe
    return found.value


def picture(app, key: str) -> str:
    """The address of the wide picture in the container ``key`` (it names the PNG's bytes)."""
    (found,) = app.get_by_key(f"{key}-sheet-wide").image
    return found.proto.imgs[0].url


#: How the text alternatives name the features (written out here, not imported).
WORDS = {"topType": "hairstyle", "hairColor": "hair colour", "accessoriesType": "glasses",
         "clothingType": "clothes", "clothingColor": "clothing colour"}


def verdicts_shown(app, key: str) -> list[str]:
    """The samples' verdicts ("new" / "copy of #i") in the container ``key``: the row of
    faces with their badges as one picture (cropped in two rows of five for a phone), and the
    verdicts as text under it."""
    row = app.get_by_key(key)
    (wide,) = app.get_by_key(f"{key}-sheet-wide").image
    # a phone: the same picture twice, cropped to its halves; the first half's alt describes
    # the row, the second is decorative
    left, right = app.get_by_key(f"{key}-sheet-narrow").image
    assert {left.proto.imgs[0].url, right.proto.imgs[0].url} == {wide.proto.imgs[0].url}
    assert (left.proto.imgs[0].alt, right.proto.imgs[0].alt) == (wide.proto.imgs[0].alt, "")
    (line,) = row.caption
    head, verdicts = line.value.rstrip(".").split(": ")
    assert head == "Samples 1 to 10, left to right"
    return verdicts.split(", ")


def training_rows() -> list[dict[str, str]]:
    """Independent of gdl_core: the CSV read with the csv module."""
    with open(ROOT / "gdl_core" / "data" / "wrodl.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 50
    return rows


def face_of(row) -> tuple[str, ...]:
    return tuple(row[feature] for feature in TABLE_1_2)


def distinct_training_faces() -> int:
    return len({face_of(row) for row in training_rows()})


# --- counting and smoothing ---------------------------------------------------------------


def test_without_pseudocount_combination_1_is_0_04_and_combination_2_is_0(app):
    open_page(app, COUNTING)
    assert app.select_slider(key=ALPHA).value == 0
    assert metric(app, "θ̂ combination 1") == "0.04"
    assert metric(app, "θ̂ combination 2") == "0"
    assert metric(app, "Total for all 3,984 unseen") == "0"
    assert metric(app, "Possible faces") == "4,032"
    assert metric(app, "Free parameters") == "4,031"
    assert metric(app, "Combinations in the data") == f"{distinct_training_faces()} of 4,032"
    # All ten samples are copies: the unsmoothed multinomial never invents a face.
    assert metric(app, "New faces in this batch") == "0 of 10"
    found = verdicts_shown(app, "wrodl_mn_samples")
    assert len(found) == 10
    assert all(v.startswith("copy of #") for v in found)


def test_unseen_mass_follows_the_formula_as_alpha_moves(app):
    open_page(app, COUNTING)
    unseen = 4032 - distinct_training_faces()
    readings = []
    for alpha in (0.01, 0.1, 1.0, 10.0):
        app.select_slider(key=ALPHA).set_value(alpha).run()
        assert not app.exception
        expected = unseen * alpha / (50 + 4032 * alpha)
        reading = metric(app, f"Total for all {unseen:,} unseen")
        assert float(reading) == pytest.approx(expected, rel=5e-3)
        each = float(metric(app, "θ̂ of one unseen face"))
        assert each == pytest.approx(alpha / (50 + 4032 * alpha), rel=5e-3)
        assert float(metric(app, "θ̂ combination 2")) == pytest.approx(each, rel=5e-3)
        readings.append(float(reading))
        assert app.query_params["alpha"] == f"{alpha:g}"
    assert readings == sorted(readings)


def test_the_50_faces_are_one_picture_with_their_ids_in_text(app):
    open_page(app, COUNTING)
    grid = app.get_by_key("wrodl_faces_grid")
    assert len(grid.image) == 2  # ten to a row, and five to a row for a phone
    assert len(app.get_by_key("wrodl_faces_grid-sheet-narrow").image) == 1
    (line,) = grid.caption
    assert line.value.startswith("Faces #0 to #49, ten to a row")
    (download,) = grid.get("download_button")
    assert download.proto.label == "Save as PNG"


def test_face_selector_shows_the_five_features_of_a_face(app):
    open_page(app, COUNTING)
    app.selectbox(key="wrodl_face").set_value(8).run()
    table = texts(app)
    for value in ("Round", "Pink", "Hoodie", "SilverGray", "LongHairStraight"):  # Table 1-1
        assert f"**{value}**" in table
    assert app.query_params["face"] == "8"
    assert "This exact face occurs **once** in the data." in table


def test_a_face_seen_twice_names_its_twin(app):
    rows = [face_of(row) for row in training_rows()]
    twin = next(i for i in range(4, 50) if rows[i] == rows[3])  # combination 1: rows 3 and twin
    open_page(app, COUNTING, face="3")
    assert f"This exact face occurs **twice** in the data (also #{twin})." in texts(app)
    app.selectbox(key="wrodl_face").set_value(twin).run()
    assert "This exact face occurs **twice** in the data (also #3)." in texts(app)


# --- Naive Bayes --------------------------------------------------------------------------


def test_table_1_2_matches_the_book(app):
    open_page(app, NAIVE_BAYES)
    assert metric(app, "Naive Bayes parameters") == "23"
    assert "(7 − 1) + (6 − 1) + (8 − 1) + (3 − 1) + (4 − 1) = **23**" in texts(app)
    for feature, counts in TABLE_1_2.items():
        block = table(app, f"wrodl_table_{feature}")
        assert block[feature].tolist() == [*counts, "total"]
        assert block["n"].tolist() == [*counts.values(), 50]
        # As the book prints them: two decimals, so 0.20, 0.10, 0.00 and 1.00 (not 0.2 …).
        assert block["θ̂"].tolist() == [f"{t:.2f}" for t in THETA_1_2[feature]] + ["1.00"]
    colours = table(app, "wrodl_table_clothingColor")["θ̂"].tolist()
    assert colours[:4] == ["0.00", "0.08", "0.20", "0.10"]


def test_calculator_writes_out_the_worked_example_next_to_the_multinomial(app):
    open_page(app, NAIVE_BAYES)
    page = texts(app)
    assert "p(x) = 0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054" in page
    assert metric(app, "Naive Bayes p(x)") == "0.005415"
    assert metric(app, "Multinomial θ̂") == "0.04"
    assert "this face occurs twice in the data" in [c.value for c in app.caption]
    rows = table(app, "wrodl_comparison_table")
    assert rows["face"].tolist() == ["combination 1", "combination 2", "your face"]
    assert rows["Naive Bayes p(x)"].tolist()[:2] == [
        "0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054",
        "0.46 × 0.16 × 0.44 × 0.38 × 0.08 = 0.00098",
    ]
    assert rows["times in the data"].tolist()[:2] == [2, 0]
    assert rows["multinomial θ̂"].tolist()[:2] == ["0.04", "0"]
    # Another colour: Blue01 is combination 2.
    app.selectbox(key="nb_calc_clothingColor").set_value(1).run()
    assert "p(x) = 0.46 × 0.16 × 0.44 × 0.38 × 0.08 = 0.00098" in texts(app)
    assert app.query_params["colour"] == "1"
    assert "this face never occurs in the data" in [c.value for c in app.caption]
    # Gray01 (10 of 50): each factor with two decimals, as the book writes them.
    app.selectbox(key="nb_calc_clothingColor").set_value(2).run()
    assert "p(x) = 0.46 × 0.16 × 0.44 × 0.38 × 0.20 = 0.0025" in texts(app)
    assert "θ̂ = 0.20  (n = 10)" in [c.value for c in app.caption]


def test_the_same_seed_gives_the_same_ten_faces(app):
    open_page(app, NAIVE_BAYES)
    seed = app.number_input(key="wrodl_nb_seed")
    seed.set_value(7).run()
    first, first_picture = sample_table(app), picture(app, "wrodl_nb_faces")
    assert len(first) == 10
    app.number_input(key="wrodl_nb_seed").set_value(8).run()
    other = sample_table(app)
    assert picture(app, "wrodl_nb_faces") != first_picture
    app.number_input(key="wrodl_nb_seed").set_value(7).run()
    assert sample_table(app).equals(first)
    assert picture(app, "wrodl_nb_faces") == first_picture
    assert not other.equals(first)
    # "Sample again" moves to the next seed, and the link carries it.
    app.button(key="wrodl_nb_again").click().run()
    assert app.number_input(key="wrodl_nb_seed").value == 8
    assert sample_table(app).equals(other)
    assert app.query_params["seed"] == "8"


def test_each_sample_is_judged_against_the_training_faces(app):
    open_page(app, NAIVE_BAYES, alpha="1", seed="2")  # a batch with new faces and copies
    first = {}
    for i, row in enumerate(training_rows()):
        first.setdefault(face_of(row), i)
    samples = sample_table(app)
    verdicts = [
        "new" if face not in first else f"copy of #{first[face]}"
        for face in (face_of(row) for row in samples.to_dict("records"))
    ]
    assert samples["copy or new"].tolist() == verdicts
    assert 0 < verdicts.count("new") < 10
    assert verdicts_shown(app, "wrodl_nb_faces") == verdicts
    assert metric(app, "New faces in this batch") == f"{verdicts.count('new')} of 10"
    # The picture's text alternative names every face and its verdict, in order.
    (image,) = app.get_by_key("wrodl_nb_faces-sheet-wide").image
    alt = image.proto.imgs[0].alt
    for number, (row, verdict) in enumerate(
        zip(samples.to_dict("records"), verdicts, strict=True), start=1
    ):
        face = ", ".join(f"{WORDS[f]} {row[f]}" for f in samples.columns[1:6])
        assert f"{number}. {face} ({verdict})" in alt


def test_the_chance_of_a_new_face_is_one_minus_the_training_faces_probability(app):
    """Exact fractions from the CSV: 1 − Σ over the distinct faces of Π_k n_k(value) / 50."""
    rows = training_rows()
    tally = {feature: Counter(row[feature] for row in rows) for feature in TABLE_1_2}
    chance_copy = sum(
        (math.prod((Fraction(tally[f][row[f]], 50) for f in TABLE_1_2), start=Fraction(1))
         for row in {face_of(r): r for r in rows}.values()),
        start=Fraction(0),
    )
    open_page(app, NAIVE_BAYES)
    assert metric(app, "Chance a sample is new") == f"{float(1 - chance_copy):.0%}"


def test_a_shared_link_reproduces_the_samples(app):
    from streamlit.testing.v1 import AppTest

    open_page(app, NAIVE_BAYES, seed="7", alpha="0.5")
    fresh = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    open_page(fresh, NAIVE_BAYES, seed="7", alpha="0.5")
    assert sample_table(fresh).equals(sample_table(app))
    assert fresh.select_slider(key=ALPHA).value == 0.5


def test_alpha_is_one_setting_for_both_pages(app):
    open_page(app, COUNTING)
    app.select_slider(key=ALPHA).set_value(2.0).run()
    app.switch_page(NAIVE_BAYES).run()
    assert app.select_slider(key=ALPHA).value == 2.0
    assert "LongHairBun hair and Black clothing are no longer impossible" in texts(app)
    app.number_input(key="wrodl_nb_seed").set_value(3).run()
    app.switch_page(COUNTING).run()
    app.switch_page(NAIVE_BAYES).run()
    assert app.number_input(key="wrodl_nb_seed").value == 3


@pytest.mark.parametrize(
    ("query", "notice", "alpha"),
    [
        ({"alpha": "0.3"}, "not one of the slider's stops; using 0.2", 0.2),
        ({"alpha": "banana"}, "expected a number", 0.0),
        ({"alpha": "-4"}, "out of range", 0.0),
        ({"alpha": "1e9"}, "out of range", 10.0),
        ({"seed": "-1"}, "out of range", 0.0),
        ({"top": "99"}, "out of range", 0.0),
        ({"glasses": "1.5"}, "expected a whole number", 0.0),
    ],
)
@pytest.mark.parametrize("page", [COUNTING, NAIVE_BAYES])
def test_bad_links_give_a_notice_not_an_exception(app, page, query, notice, alpha):
    open_page(app, page, **query)
    if page == COUNTING and set(query) & {"top", "glasses"}:
        assert not app.warning  # the calculator is not on this page
        return
    assert any(notice in w.value for w in app.warning), [w.value for w in app.warning]
    assert app.select_slider(key=ALPHA).value == alpha


# --- the guided flow ----------------------------------------------------------------------

STEPS = {
    COUNTING: ("wrodl_mn_steps", ["Meet the 50 Wrodlers", "Give every combination a probability",
                                  "Add a pseudocount", "Sample and judge"]),
    NAIVE_BAYES: ("wrodl_nb_steps", ["Count each feature on its own", "Score one face",
                                     "Add a pseudocount", "Sample and judge"]),
}


@pytest.mark.parametrize("page", [COUNTING, NAIVE_BAYES])
def test_each_page_is_four_numbered_steps_listed_at_the_top(app, page):
    open_page(app, page)
    key, titles = STEPS[page]
    steps = [h for h in app.header if h.proto.anchor.startswith("step-")]
    assert [h.proto.anchor for h in steps] == ["step-1", "step-2", "step-3", "step-4"]
    for number, (heading, title) in enumerate(zip(steps, titles, strict=True), start=1):
        assert heading.value.startswith(f"{number}. {title}")
    # The overview links to every step's anchor, in order.
    (overview,) = app.get_by_key(key).markdown
    for number, title in enumerate(titles, start=1):
        assert f"{number}. [{title}" in overview.value
        assert f"](#step-{number})" in overview.value
    # Each step says in bold what to do.
    todos = [m.value for m in app.markdown if m.value.startswith("**") and m.value.endswith("**")]
    assert len(todos) >= 4


@pytest.mark.parametrize(("page", "following"), [(COUNTING, "wrodl_naive_bayes"),
                                                 (NAIVE_BAYES, "planet_pixel")])
def test_each_page_ends_with_a_link_to_the_next_one(app, page, following):
    open_page(app, page)
    links = app.get("page_link")
    assert links[-1].proto.page == following
    assert links[-1].proto.label.startswith("Next: ")


def test_reset_puts_the_counting_page_back_to_its_start(app):
    open_page(app, COUNTING, alpha="2", seed="5", face="8")
    assert app.select_slider(key=ALPHA).value == 2.0
    app.button(key="wrodl_mn_reset").click().run()
    assert not app.exception
    assert app.select_slider(key=ALPHA).value == 0
    assert app.number_input(key="wrodl_mn_seed").value == 0
    assert app.selectbox(key="wrodl_face").value == 3
    assert (app.query_params["alpha"], app.query_params["seed"], app.query_params["face"]) == (
        "0", "0", "3"
    )
    assert metric(app, "θ̂ combination 2") == "0"


def test_reset_puts_the_naive_bayes_page_back_and_alpha_with_it_on_both_pages(app):
    open_page(app, NAIVE_BAYES, alpha="0.5", seed="4", colour="1", top="0")
    app.button(key="wrodl_nb_reset").click().run()
    assert not app.exception
    assert app.select_slider(key=ALPHA).value == 0
    assert app.number_input(key="wrodl_nb_seed").value == 0
    assert app.selectbox(key="nb_calc_clothingColor").value == 7  # White
    assert app.selectbox(key="nb_calc_topType").value == 3  # LongHairStraight
    assert "p(x) = 0.46 × 0.16 × 0.44 × 0.38 × 0.44 = 0.0054" in texts(app)
    app.switch_page(COUNTING).run()
    assert app.select_slider(key=ALPHA).value == 0  # one α for both pages


def test_table_1_2_bars_come_in_a_wide_and_a_phone_layout(app):
    open_page(app, NAIVE_BAYES)
    for layout, panels_a_row in (("wide", 3), ("narrow", 1)):
        (chart,) = app.get_by_key(f"wrodl_nb_bars-for-{layout}").get("plotly_chart")
        spec = json.loads(chart.proto.spec)
        left_edges = {round(spec["layout"][name]["domain"][0], 3) for name in spec["layout"]
                      if name.startswith("xaxis")}
        assert len(left_edges) == panels_a_row
        config = json.loads(chart.proto.config)
        assert config["toImageButtonOptions"]["filename"] == "wrodl_nb_bars"


def test_counts_are_written_in_words_that_agree_with_them(app):
    open_page(app, NAIVE_BAYES)
    page = texts(app)
    assert "At α = 0, **1,008 faces** of 4,032 get p(x) = 0" in page
    app.select_slider(key=ALPHA).set_value(0.1).run()
    assert "At α = 0.1, every one of the 4,032 faces has p(x) > 0." in texts(app)
    open_page(app, COUNTING)
    unseen = 4032 - distinct_training_faces()
    assert f"The other **{unseen:,} combinations** never occur" in texts(app)
    app.selectbox(key="wrodl_face").set_value(0).run()
    assert "This exact face occurs **once** in the data." in texts(app)


def test_counting_page_shows_two_unseen_faces_on_one_floor(app):
    open_page(app, "app_pages/wrodl_counting.py", alpha="1")
    text = next(m.value for m in app.markdown if "The multinomial gives the first" in m.value)
    first, second = (part.split("**")[1] for part in text.split("θ̂ = ")[1:3])
    assert first == second == "0.000245"  # 1 / (50 + 4,032)
    assert app.container(key="wrodl_odd_face").image
