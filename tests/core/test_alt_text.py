"""Alternative texts are made from the data: a face's text names its real features and says
whether it is a training face (which) or new; a chart's text states its numbers."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from gdl_core import wrodl
from gdl_core.chart_text import describe_figure, plain
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.wrodl.alt_text import face_alt, face_words, faces_alt, training_matches


def _face(codes_row) -> dict[str, str]:
    return dict(zip(wrodl.FEATURES, wrodl.face_tuples(np.asarray([codes_row]))[0], strict=True))


def test_a_training_face_names_its_five_features_and_every_face_id_it_has():
    faces = wrodl.load()
    for face_id in (0, 3, 49):
        face = faces.loc[face_id].astype(str).to_dict()
        text = face_alt(face, f"Face #{face_id}")
        for feature in wrodl.FEATURES:
            assert face[feature] in text
        for twin in wrodl.twins(face_id):
            assert f"#{twin}" in text
        assert "new face" not in text


def test_combination_1_is_found_twice_and_combination_2_is_new():
    assert len(training_matches(wrodl.COMBINATION_1)) == 2
    assert training_matches(wrodl.COMBINATION_2) == ()
    assert "a new face, not in the data" in face_alt(wrodl.COMBINATION_2)
    assert face_words(wrodl.COMBINATION_1) == (
        "hairstyle LongHairStraight, hair colour Red, glasses Round, clothes ShirtScoopNeck, "
        "clothing colour White"
    )


def test_a_row_of_samples_says_copy_or_new_as_the_data_does():
    model = CategoricalNB(alpha=1.0).fit(wrodl.training_codes(), wrodl.N_VALUES)
    codes = model.sample(20, seed=7)
    faces = [_face(row) for row in codes]
    text = faces_alt(faces, "20 sampled faces")
    assert text.startswith("20 sampled faces, left to right: 1. ")
    reference = wrodl.training_codes()
    for i, (row, face) in enumerate(zip(codes, faces, strict=True), start=1):
        part = text.split(f"{i}. ", 1)[1].split(";", 1)[0].removesuffix(".")
        assert face_words(face) in part
        matches = np.flatnonzero((reference == row).all(axis=1))
        assert part.endswith(f"(copy of #{matches[0]})" if len(matches) else "(new)"), part


def test_an_unknown_value_is_refused_with_a_sentence():
    with pytest.raises(ValueError, match="known value"):
        face_alt({**wrodl.COMBINATION_1, "hairColor": "Green"})


def test_a_chart_is_described_by_its_axes_series_and_their_values():
    figure = go.Figure(
        [go.Bar(x=["a", "b", "c"], y=[0.5, 0.25, 0.25], name="θ̂"),
         go.Scatter(x=[1, 2], y=[-3.0, 7.0], name="points<br>drawn")],
        layout={"title": {"text": "<b>Shares</b>"}, "xaxis": {"title": {"text": "value"}},
                "yaxis": {"title": {"text": "share"}}},
    )
    text = describe_figure(figure)
    assert text.startswith("Chart: Shares. Horizontal axis: value; Vertical axis: share.")
    assert "θ̂: 3 bars, share from 0.25 to 0.5" in text
    assert "points drawn: 2 points, share from −3 to 7" in text


def test_a_heatmap_is_described_by_its_size_and_range():
    z = np.arange(12, dtype=float).reshape(3, 4)
    assert "a 3 × 4 grid of values from 0 to 11" in describe_figure(go.Figure(go.Heatmap(z=z)))


def test_plotly_rich_text_becomes_plain_words():
    assert plain("Training faces<br>(50)") == "Training faces (50)"
