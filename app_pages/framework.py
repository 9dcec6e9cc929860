"""Generative or discriminative: what it means for a model to be generative, on Planet Wrodl.

Thin page: widgets, layout and state. The models come from ``gdl_core.framework``, the rows
of faces and the question's answer, cached, from ``ui.framework_sheets``.
"""

from __future__ import annotations

import streamlit as st

from gdl_core import framework, wrodl
from gdl_core.report import ReportSection
from ui.controls import seed_row
from ui.framework_sheets import FIRST_GIVEN, deterministic_sheet, p_sunglasses, sample_sheets
from ui.guide import next_page_link, reset_to_defaults, step, steps_overview
from ui.images import avatar_png, face_key
from ui.report import record
from ui.state import Param, publish, restore

PAGE = "app_pages/framework.py"
SEED_MAX = 999_999
STEPS = (
    "Ask a question about a face",
    "Draw new faces",
    "Draw faces of one kind",
    "Return the same face every time",
)
# The face asked about starts as face #0's four other features.
GIVEN = {
    feature: Param(f"fw_{feature}", feature, wrodl.FEATURES[feature].index(FIRST_GIVEN[feature]),
                   0, len(wrodl.FEATURES[feature]) - 1)
    for feature in framework.GIVEN
}
SEED = Param("fw_seed", "seed", 0, 0, SEED_MAX)
PARAMS = (*GIVEN.values(), SEED)


def _given_face() -> dict[str, str]:
    """The four features chosen in step 1, by name."""
    return {feature: wrodl.FEATURES[feature][st.session_state[param.key]]
            for feature, param in GIVEN.items()}


def _record() -> None:
    """This page's part of the session report: the face asked about, its answer, and the
    three rows of faces (called by every run, the fragments' included)."""
    face = _given_face()
    seed = int(st.session_state[SEED.key])
    drawn, with_sunglasses = sample_sheets(seed)
    same = deterministic_sheet()
    record(PAGE, ReportSection(
        "Generative or discriminative?",
        settings=[*face.items(), ("seed", str(seed))],
        numbers=[("p(sunglasses | this face)", f"{p_sunglasses(tuple(face.values())):.0%}")],
        pictures=[(drawn.alt, drawn.png), (with_sunglasses.alt, with_sunglasses.png),
                  (same.alt, same.png)],
        tables=[("Ten faces drawn from p(x)", drawn.table)],
    ))


@st.fragment
def _question() -> None:
    """Step 1: choosing a feature reruns only this part."""
    choice_cols = st.columns(len(GIVEN))
    for column, (feature, param) in zip(choice_cols, GIVEN.items(), strict=True):
        values = wrodl.FEATURES[feature]
        column.selectbox(feature, range(len(values)), key=param.key,
                         format_func=values.__getitem__)
    face = _given_face()
    answer_col, picture_col = st.columns([2, 1], vertical_alignment="center")
    with answer_col:
        st.metric("p(sunglasses | this face)", f"{p_sunglasses(tuple(face.values())):.0%}")
        st.markdown(
            "A logistic regression learned this from the 50 faces. It can score any face you "
            "describe, but it has **no idea what faces look like**: ask it for a new face and "
            "it has nothing to draw from."
        )
    with picture_col:
        without = {**face, framework.ASKED: "Blank"}
        st.image(avatar_png(face_key(without), 256), width=160, output_format="PNG",
                 alt="The face you described, glasses left off (that is the question): "
                 + ", ".join(face.values()))
    publish(*PARAMS)  # a fragment's rerun does not reach the page's own publish()
    _record()


@st.fragment
def _samples_section() -> None:
    """Steps 2 and 3 share the seed: a new one reruns only them."""
    seed = seed_row(SEED, "fw_sample_again", SEED_MAX)
    drawn, with_sunglasses = sample_sheets(seed)
    drawn.show("fw_samples", download="generative-samples.png")
    st.markdown(
        "This is Naive Bayes on all five features (the next pages build it step by step): a "
        "model of p(x), the faces themselves, so it can **draw** them."
    )

    # 3 --------------------------------------------------------------------- class-conditional
    step(3, STEPS[2], "Ask the generative model for faces that wear sunglasses.")
    with_sunglasses.show("fw_conditional", download="sunglasses-samples.png")
    st.markdown(
        f"Fitted only to the {framework.group_size()} faces with sunglasses, the model "
        "p(x | sunglasses) draws faces of that kind: the question of step 1, turned around "
        "into a way to make examples."
    )
    publish(*PARAMS)
    _record()


notices = restore(*PARAMS)

st.title("Generative or discriminative?", anchor=False)
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
st.markdown(
    "Most models you may have met answer a question about an example they are given: is "
    "this email spam, does this face wear sunglasses? They are **discriminative**: they "
    "learn p(answer | example). A **generative** model learns p(example) itself, and can "
    "therefore make new examples. Here are both, on the 50 faces of Planet Wrodl."
)
steps_overview(STEPS, "fw_steps", lambda: reset_to_defaults(*PARAMS), "fw_reset")

# 1 --------------------------------------------------------------------- discriminative
step(1, STEPS[0], "Describe a face, and read how likely it is to wear sunglasses.")
_question()

# 2 --------------------------------------------------------------------- generative
step(2, STEPS[1], "Press Sample again: every press draws ten new faces.")
_samples_section()

# 4 --------------------------------------------------------------------- deterministic
step(4, STEPS[3], "Compare with a model that always gives the same answer.")
deterministic_sheet().show("fw_deterministic", download="deterministic-face.png")
st.markdown(
    "Taking each feature's most common value gives one sensible face, but **the same one "
    "every time**: however often you ask, nothing new appears. A generative model must be "
    "random, drawing from a probability distribution, to produce variety."
)

publish(*PARAMS)
_record()
next_page_link(PAGE)
