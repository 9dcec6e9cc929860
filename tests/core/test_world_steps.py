"""The hint above the world map: which step comes next from each state of the example."""

from __future__ import annotations

import math

import pytest

from gdl_core.world import Box, Training, sample_land
from gdl_core.world.steps import STEPS, UPLOAD_STEPS, next_hint

POINTS = sample_land(50, 0)
DATA = Training(POINTS)


def _hint(box: Box, **state):
    return next_hint(DATA.score(box), len(POINTS), **state)


def test_there_are_five_steps_in_the_books_order():
    assert STEPS == ("Draw a box around the points", "Shrink it until ℓ stops rising",
                     "Fit the MLE", "Reveal the land", "Sample and judge")


def test_the_whole_map_asks_for_a_box():
    hint = _hint(Box(-180, 180, -90, 90), whole_map=True)
    assert (hint.step, hint.kind) == (1, "info")
    assert hint.text.startswith("**Step 1 of 5 · Draw a box around the points.**")


def test_a_box_holding_every_point_asks_to_shrink_it_then_to_fit_the_mle():
    box = Box(-179, 179, -89, 89)
    assert all(box.contains(POINTS))
    assert _hint(box).step == 2
    hint = _hint(box, missed_before=True)  # once ℓ = −∞ has been seen
    assert hint.step == 3 and "**Fit the MLE**" in hint.text


@pytest.mark.parametrize("box", [Box(-100, 100, -50, 60), Box(0, 10, 0, 10)])
def test_a_box_missing_points_says_how_many_and_why_the_score_is_minus_infinity(box):
    missed = int((~box.contains(POINTS)).sum())
    for state in ({}, {"land": True}, {"land": True, "counts": {"sea": 1, "copy": 0,
                                                                  "new": 0}}):
        hint = _hint(box, **state)
        assert hint.kind == "error"
        assert f"{missed} of the 50 points lie outside your box" in hint.text
        assert "density 0" in hint.text and "−∞" in hint.text


def test_at_the_mle_the_next_step_is_the_reveal():
    hint = _hint(Box.fit(POINTS))
    assert (hint.step, hint.kind) == (4, "success")
    assert "maximum-likelihood box" in hint.text and "**Reveal p_data**" in hint.text


def test_samples_before_the_reveal_ask_for_the_reveal_to_judge_them():
    hint = _hint(Box.fit(POINTS), counts={"sea": 5, "copy": 1, "new": 4})
    assert hint.step == 4
    for word in ("sea", "near-copies", "%"):
        assert word not in hint.text  # no verdict before the land is known


def test_after_the_reveal_sample_and_then_read_the_verdicts():
    assert _hint(Box.fit(POINTS), land=True).step == 5
    hint = _hint(Box.fit(POINTS), land=True, counts={"sea": 130, "copy": 6, "new": 64})
    assert (hint.step, hint.kind) == (5, "success")
    assert "65% of the samples fell in the sea" in hint.text
    assert "3% are near-copies" in hint.text and "32% are new points on land" in hint.text


def test_points_without_a_best_box_say_why_and_what_to_change():
    one = Training(POINTS[:1])
    hint = next_hint(one.score(Box(-180, 180, -90, 90)), 1, no_mle_reason=one.no_mle_reason,
                     whole_map=True)
    assert (hint.step, hint.kind) == (1, "warning")
    assert one.no_mle_reason in hint.text and "Points N** to 2 or more" in hint.text
    line = Training([[10.0, 5.0], [10.0, 8.0]])
    hint = next_hint(line.score(Box(0, 20, 0, 20)), 2, no_mle_reason=line.no_mle_reason)
    assert "New data" in hint.text
    assert math.isnan(line.score(Box(0, 20, 0, 20)).gap)


# --------------------------------------------------------------------------- a person's own points


def test_own_points_have_the_same_steps_but_the_fourth_asks_instead_of_revealing():
    assert UPLOAD_STEPS[:3] == STEPS[:3] and UPLOAD_STEPS[4] == STEPS[4]
    assert UPLOAD_STEPS[3] == "Ask where the points came from"


def test_own_points_at_the_mle_lead_to_the_question_not_the_reveal():
    hint = _hint(Box.fit(POINTS), uploaded=True)
    assert (hint.step, hint.kind) == (4, "success")
    assert "**Step 4 of 5 · Ask where the points came from.**" in hint.text
    assert "Reveal" not in hint.text


def test_own_points_samples_are_read_by_rule2_alone_without_any_reveal():
    # The land switch of the built-in data does not apply to an upload.
    for land in (False, True):
        hint = _hint(Box.fit(POINTS), uploaded=True, land=land,
                     counts={"sea": 0, "copy": 30, "new": 170})
        assert (hint.step, hint.kind) == (5, "success")
        assert "15% of the samples are near-copies" in hint.text and "85% are new" in hint.text
        assert "sea" not in hint.text and "Rule 1" in hint.text
    box = Box(-179, 179, -89, 89)
    assert _hint(box, uploaded=True, land=True) == _hint(box)  # step 2 as for built-in data


def test_own_points_without_a_best_box_ask_for_another_file():
    one = Training(POINTS[:1])
    hint = next_hint(one.score(Box(-180, 180, -90, 90)), 1, no_mle_reason=one.no_mle_reason,
                     uploaded=True)
    assert hint.kind == "warning" and "Points N" not in hint.text
    assert "Upload a file with two or more points" in hint.text
    line = Training([[10.0, 5.0], [10.0, 8.0]])
    hint = next_hint(line.score(Box(0, 20, 0, 20)), 2, no_mle_reason=line.no_mle_reason,
                     uploaded=True)
    assert "New data" not in hint.text and "upload the file again" in hint.text
