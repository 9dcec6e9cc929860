"""The Wrodl reconstruction against the facts the book publishes (BOOK_FACTS.md).

Tables 1-1 and 1-2 are written out here again, on purpose: they are the independent
source the shipped CSV is checked against.
"""

from __future__ import annotations

import csv
import itertools
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from gdl_core import wrodl

ROOT = Path(__file__).resolve().parents[2]

TABLE_1_1 = pd.DataFrame(
    [
        (0, "Round", "White", "ShirtScoopNeck", "Red", "ShortHairShortFlat"),
        (1, "Round", "White", "Overall", "SilverGray", "ShortHairFrizzle"),
        (2, "Sunglasses", "White", "ShirtScoopNeck", "Blonde", "ShortHairShortFlat"),
        (3, "Round", "White", "ShirtScoopNeck", "Red", "LongHairStraight"),
        (4, "Round", "White", "Overall", "SilverGray", "NoHair"),
        (5, "Blank", "White", "Overall", "Black", "LongHairStraight"),
        (6, "Sunglasses", "White", "Overall", "SilverGray", "LongHairStraight"),
        (7, "Round", "White", "ShirtScoopNeck", "SilverGray", "ShortHairShortFlat"),
        (8, "Round", "Pink", "Hoodie", "SilverGray", "LongHairStraight"),
        (9, "Round", "PastelOrange", "ShirtScoopNeck", "Blonde", "LongHairStraight"),
    ],
    columns=["face_id", "accessoriesType", "clothingColor", "clothingType", "hairColor",
             "topType"],
).set_index("face_id")

TABLE_1_2 = {
    "topType": {"NoHair": 7, "LongHairBun": 0, "LongHairCurly": 1, "LongHairStraight": 23,
                "ShortHairShortWaved": 1, "ShortHairShortFlat": 11, "ShortHairFrizzle": 7},
    "hairColor": {"Black": 7, "Blonde": 6, "Brown": 2, "PastelPink": 3, "Red": 8,
                  "SilverGray": 24},
    "clothingColor": {"Black": 0, "Blue01": 4, "Gray01": 10, "PastelGreen": 5,
                      "PastelOrange": 2, "Pink": 4, "Red": 3, "White": 22},
    "accessoriesType": {"Blank": 11, "Round": 22, "Sunglasses": 17},
    "clothingType": {"Hoodie": 7, "Overall": 18, "ShirtScoopNeck": 19, "ShirtVNeck": 6},
}

COMBINATION_1 = {"topType": "LongHairStraight", "hairColor": "Red", "accessoriesType": "Round",
                 "clothingType": "ShirtScoopNeck", "clothingColor": "White"}
COMBINATION_2 = {**COMBINATION_1, "clothingColor": "Blue01"}


def count_face(df: pd.DataFrame, face: dict[str, str]) -> int:
    return int((df[list(face)].astype(str) == pd.Series(face)).all(axis=1).sum())


def pairwise_mutual_information(df: pd.DataFrame) -> float:
    """Σ over the 10 feature pairs of the empirical mutual information, in nats."""
    n, total = len(df), 0.0
    for a, b in itertools.combinations(df.columns, 2):
        joint = Counter(zip(df[a], df[b], strict=True))
        left, right = Counter(df[a]), Counter(df[b])
        total += sum(c / n * math.log(c * n / (left[x] * right[y])) for (x, y), c in joint.items())
    return total


@pytest.fixture(scope="module")
def faces() -> pd.DataFrame:
    return wrodl.load()


def test_shape_index_and_columns(faces):
    assert faces.shape == (50, 5)
    assert faces.index.name == "face_id"
    assert faces.index.tolist() == list(range(50))
    assert list(faces.columns) == list(wrodl.FEATURES)


def test_first_ten_rows_are_table_1_1(faces):
    pd.testing.assert_frame_equal(
        faces.head(10).astype(str), TABLE_1_1, check_index_type=False
    )


@pytest.mark.parametrize("feature", list(TABLE_1_2))
def test_counts_are_table_1_2(faces, feature):
    counts = faces[feature].value_counts().to_dict()
    assert counts == TABLE_1_2[feature]
    assert sum(TABLE_1_2[feature].values()) == 50


def test_combination_counts(faces):
    assert wrodl.COMBINATION_1 == COMBINATION_1
    assert wrodl.COMBINATION_2 == COMBINATION_2
    assert count_face(faces, COMBINATION_1) == 2
    assert count_face(faces.loc[[3]], COMBINATION_1) == 1
    assert count_face(faces, COMBINATION_2) == 0


def test_worked_example_from_the_counts(faces):
    """Naive Bayes p(combination 1) = 0.46 × 0.16 × 0.44 × 0.38 × 0.44 ≈ 0.0054."""
    p = math.prod((faces[f] == v).mean() for f, v in COMBINATION_1.items())
    assert p == pytest.approx(23 * 8 * 22 * 19 * 22 / 50**5)
    assert round(p, 4) == 0.0054


def test_categorical_with_full_vocabulary(faces):
    for feature, values in wrodl.FEATURES.items():
        assert isinstance(faces[feature].dtype, pd.CategoricalDtype)
        assert tuple(faces[feature].cat.categories) == values
        assert not faces[feature].cat.ordered
    assert "LongHairBun" in faces["topType"].cat.categories  # never seen, still a category


def test_load_returns_a_copy(faces):
    first = wrodl.load()
    first.loc[0, "topType"] = "LongHairBun"
    assert wrodl.load().loc[0, "topType"] == "ShortHairShortFlat"


def test_encode_decode_round_trip(faces):
    codes = wrodl.encode(faces)
    assert codes.shape == (50, 5)
    assert np.issubdtype(codes.dtype, np.integer)
    assert codes[3].tolist() == [1, 7, 2, 4, 3]  # Round, White, ShirtScoopNeck, Red, LHS
    back = wrodl.decode(codes)
    pd.testing.assert_frame_equal(back, faces.reset_index(drop=True))
    # plain strings encode the same as categoricals
    np.testing.assert_array_equal(wrodl.encode(faces.astype(str)), codes)
    np.testing.assert_array_equal(wrodl.encode(COMBINATION_1), codes[[3]])


def test_encode_rejects_unknown_value(faces):
    bad = faces.astype(str)
    bad.loc[7, "hairColor"] = "SilverGrey"  # the book's misspelling
    with pytest.raises(ValueError, match=r"'hairColor'.*'SilverGrey'"):
        wrodl.encode(bad)
    with pytest.raises(ValueError, match="topType"):
        wrodl.encode(faces.drop(columns="topType"))


@pytest.mark.parametrize(
    "codes, match",
    [
        (np.zeros((3, 4), dtype=int), "5 columns"),
        (np.zeros(5, dtype=int), "5 columns"),
        (np.array([[0, 8, 0, 0, 0]]), "clothingColor"),
        (np.array([[0, 0, 0, 0, -1]]), "topType"),
        (np.array([[0.5, 0, 0, 0, 0]]), "whole numbers"),
    ],
)
def test_decode_rejects_bad_codes(codes, match):
    with pytest.raises(ValueError, match=match):
        wrodl.decode(codes)


def test_all_combinations():
    grid = wrodl.all_combinations()
    assert wrodl.N_COMBINATIONS == 4032 == 3 * 8 * 4 * 6 * 7
    assert grid.shape == (4032, 5)
    assert len(np.unique(grid, axis=0)) == 4032
    assert (grid >= 0).all()
    assert (grid < np.array([3, 8, 4, 6, 7])).all()
    decoded = wrodl.decode(grid)
    assert count_face(decoded, COMBINATION_1) == 1


def test_combination_index_is_the_row_in_all_combinations(faces):
    grid = wrodl.all_combinations()
    assert wrodl.combination_index(grid).tolist() == list(range(4032))
    row_of = {tuple(row): i for i, row in enumerate(grid.tolist())}
    codes = wrodl.encode(faces)
    assert wrodl.combination_index(codes).tolist() == [row_of[tuple(r)] for r in codes.tolist()]
    one = wrodl.encode(COMBINATION_1)
    assert int(wrodl.combination_index(one[0])) == row_of[tuple(one[0].tolist())]
    assert wrodl.combination_index(one).tolist() == [row_of[tuple(one[0].tolist())]]
    with pytest.raises(ValueError, match="between 0 and"):
        wrodl.combination_index([[3, 0, 0, 0, 0]])
    with pytest.raises(ValueError, match="5 columns"):
        wrodl.combination_index(grid[:, :4])


def csv_faces() -> list[tuple[str, ...]]:
    """The 50 faces read with the csv module, values in FEATURES order."""
    with wrodl.CSV_PATH.open(newline="") as file:
        return [tuple(row[f] for f in wrodl.FEATURES) for row in csv.DictReader(file)]


def test_the_book_orders_of_the_features():
    assert tuple(TABLE_1_2) == wrodl.TABLE_ORDER
    assert tuple(COMBINATION_1) == wrodl.EXAMPLE_ORDER  # p(LongHairStraight, Red, Round, ...)


def test_training_codes_are_the_50_faces_and_read_only():
    assert wrodl.face_tuples(wrodl.training_codes()) == csv_faces()
    with pytest.raises(ValueError, match="read-only"):
        wrodl.training_codes()[0, 0] = 2


def test_twins_are_every_face_with_the_same_five_values():
    rows = csv_faces()
    for face_id, row in enumerate(rows):
        assert wrodl.twins(face_id) == tuple(i for i, other in enumerate(rows) if other == row)
    assert len(wrodl.twins(3)) == 2  # combination 1 occurs twice (row 3 is one)
    with pytest.raises(ValueError, match="between 0 and 49"):
        wrodl.twins(50)


def test_face_tuples_and_describe_follow_all_combinations():
    every = wrodl.all_combinations()
    assert wrodl.face_tuples(every) == list(itertools.product(*wrodl.FEATURES.values()))
    text = wrodl.describe(every)
    assert len(set(text)) == 4032
    one = int(wrodl.combination_index(wrodl.encode(COMBINATION_1))[0])
    assert text[one] == "LongHairStraight, Red, Round, ShirtScoopNeck, White"
    assert wrodl.describe(wrodl.encode(COMBINATION_2), ("clothingColor", "topType")) == [
        "Blue01, LongHairStraight"
    ]


def test_features_close_to_independent(faces):
    """Rows 10-49 are less dependent than random rearrangements with the same counts."""
    shipped = pairwise_mutual_information(faces)
    rng = np.random.default_rng(12345)
    values = faces.astype(str).to_numpy()
    shuffled_scores = []
    for _ in range(200):
        tail = rng.permuted(values[10:], axis=0)  # each column shuffled on its own
        shuffle = pd.DataFrame(np.vstack([values[:10], tail]), columns=faces.columns)
        shuffled_scores.append(pairwise_mutual_information(shuffle))
    assert shipped < np.median(shuffled_scores)
    assert shipped < np.min(shuffled_scores)


def test_build_script_reproduces_the_shipped_csv(tmp_path):
    out = tmp_path / "wrodl.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_wrodl.py"), "--out", str(out),
         "--shuffles", "0"],
        check=True, capture_output=True,
    )
    assert out.read_bytes() == (ROOT / "gdl_core" / "data" / "wrodl.csv").read_bytes()
