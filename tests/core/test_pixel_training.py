"""Planet Pixel's training set, held-out faces and Table 1-3, checked against direct
construction from the Wrodl data and :func:`gdl_core.pixels.make_dataset`."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from gdl_core import pixels, wrodl
from gdl_core.pixels import training as pt

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def faces() -> pd.DataFrame:
    return pt.training_faces(120)


@pytest.fixture(scope="module")
def codes(faces):
    return pixels.make_dataset(faces)[0]


def test_training_faces_start_with_the_50_wrodlers_then_draw_from_their_model():
    faces = pt.training_faces(80)
    assert len(faces) == 80
    assert list(faces.index) == list(range(80))
    observed = wrodl.load()
    np.testing.assert_array_equal(wrodl.encode(faces.iloc[:50]), wrodl.encode(observed))
    extra = wrodl.encode(pt.draw_wrodl_faces(30, pt.DATA_SEED))
    np.testing.assert_array_equal(wrodl.encode(faces.iloc[50:]), extra)
    # the same call gives the same faces: the data never moves
    np.testing.assert_array_equal(wrodl.encode(pt.training_faces(80)), wrodl.encode(faces))
    assert len(pt.training_faces(7)) == 7
    with pytest.raises(ValueError, match="at least one face"):
        pt.training_faces(0)


def test_faces_drawn_from_the_wrodl_model_never_use_values_unseen_in_the_50():
    drawn = pt.draw_wrodl_faces(2000, seed=3)
    assert not (drawn["topType"] == "LongHairBun").any()  # count 0 in Table 1-2
    assert not (drawn["clothingColor"] == "Black").any()
    # and their feature frequencies follow Table 1-2 (θ = n / 50) within sampling error
    share = (drawn["topType"] == "LongHairStraight").mean()
    assert abs(share - 23 / 50) < 5 * math.sqrt(0.46 * 0.54 / 2000)


def test_held_out_faces_are_new_combinations(faces):
    held_out = pt.held_out_faces(150, faces)
    assert len(held_out) == 150
    seen = {tuple(row) for row in wrodl.encode(faces)}
    assert all(tuple(row) not in seen for row in wrodl.encode(held_out))


def test_table_1_3_is_pixels_458_to_467_of_faces_0_to_9(codes):
    table = pt.table_1_3(codes)
    assert list(table.columns) == [f"px_{j}" for j in range(458, 468)]
    assert list(table.index) == list(range(10)) and table.index.name == "face_id"
    for face in range(10):
        picture = codes[face].reshape(32, 32)
        for column in range(10, 20):  # row 14, columns 10-19
            assert table.loc[face, f"px_{14 * 32 + column}"] == picture[14, column]
    assert table.to_numpy().dtype.kind == "i"


def test_naive_bayes_on_the_five_features_follows_their_frequencies(faces):
    features = wrodl.encode(faces)
    drawn = pt.feature_nb_faces(features, 4000, seed=3)
    assert drawn.shape == (4000, 5)
    np.testing.assert_array_equal(drawn, pt.feature_nb_faces(features, 4000, seed=3))
    for k, levels in enumerate(wrodl.N_VALUES):
        expected = np.bincount(features[:, k], minlength=levels) / len(features)
        observed = np.bincount(drawn[:, k], minlength=levels) / len(drawn)
        assert np.abs(observed - expected).max() < 0.03, k
        assert (observed[expected == 0] == 0).all()  # α = 0: never a value unseen


def test_pixels_of_reuses_known_rows_and_draws_only_new_faces(faces, codes):
    features = wrodl.encode(faces)
    new = wrodl.encode(pt.held_out_faces(3, faces))
    wanted = np.vstack([features[[5, 0, 77]], new, features[[5]]])
    expected, _ = pixels.make_dataset(wrodl.decode(wanted))
    np.testing.assert_array_equal(pt.pixels_of(wanted, features, codes), expected)
    # all known: nothing to draw
    np.testing.assert_array_equal(pt.pixels_of(features[:4], features, codes), codes[:4])
