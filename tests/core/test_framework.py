"""Generative or discriminative, on Wrodl: each model checked against an independent count
or against scikit-learn."""

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression as SklearnLogistic

from gdl_core import framework, wrodl
from gdl_core.logistic import LogisticRegression, one_hot


def test_one_hot_has_one_column_per_value_and_a_single_one_per_feature():
    codes = np.array([[0, 2], [1, 0]])
    np.testing.assert_array_equal(one_hot(codes, [2, 3]), [[1, 0, 0, 0, 1], [0, 1, 1, 0, 0]])


@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_logistic_regression_matches_scikit_learn(C):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(80, 4))
    y = (x @ [1.0, -2.0, 0.5, 0.0] + rng.normal(size=80) > 0).astype(int)
    ours = LogisticRegression(C).fit(x, y)
    theirs = SklearnLogistic(C=C, tol=1e-12, max_iter=100_000).fit(x, y)
    np.testing.assert_allclose(ours.predict_proba(x), theirs.predict_proba(x)[:, 1], atol=1e-6)


def test_the_sunglasses_question_matches_scikit_learn_on_the_wrodlers():
    faces = wrodl.load()
    # pandas' own one-hot encoding: one column per value of the full vocabulary.
    given = pd.get_dummies(faces[list(framework.GIVEN)], dtype=float).to_numpy()
    y = (faces[framework.ASKED] == framework.ASKED_VALUE).astype(int)
    reference = SklearnLogistic(tol=1e-12, max_iter=100_000).fit(given, y)
    expected = reference.predict_proba(given)[:, 1]
    ours = [framework.p_sunglasses(faces.loc[i].astype(str).to_dict()) for i in faces.index]
    np.testing.assert_allclose(ours, expected, atol=1e-6)


def test_faces_drawn_given_sunglasses_all_wear_them_and_follow_that_group():
    faces = wrodl.load()
    group = faces[faces[framework.ASKED] == framework.ASKED_VALUE]
    assert framework.group_size() == len(group) == 17  # Table 1-2: 17 of 50 wear sunglasses
    drawn = wrodl.decode(framework.sample_faces_with_sunglasses(20_000, seed=1, alpha=0.0))
    assert (drawn[framework.ASKED] == framework.ASKED_VALUE).all()
    for feature in framework.GIVEN:
        expected = group[feature].value_counts(normalize=True)
        seen = drawn[feature].value_counts(normalize=True)
        np.testing.assert_allclose(seen.reindex(expected.index), expected, atol=0.02)
        assert set(seen.index) <= set(expected.index)


def test_the_deterministic_face_is_each_features_most_common_value():
    faces = wrodl.load()
    expected = {feature: faces[feature].value_counts().idxmax() for feature in wrodl.FEATURES}
    (face,) = wrodl.decode(framework.most_likely_face()[None]).to_dict("records")
    assert {k: str(v) for k, v in face.items()} == expected


def test_the_generative_model_draws_many_different_faces():
    drawn = framework.sample_faces(10, seed=0)
    assert len({tuple(row) for row in drawn}) > 5
