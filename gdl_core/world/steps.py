"""The world-map example as five steps, and what to do next from where a person stands.

:data:`STEPS` names the steps; :func:`next_hint` reads the state of the example (the box's
score, whether the land is revealed, whether samples are drawn) and says which step comes
next and what to do in it, in a sentence or two for the person at the map.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gdl_core.world.attempts import Score

__all__ = ["STEPS", "UPLOAD_STEPS", "Hint", "next_hint"]

STEPS: tuple[str, ...] = (
    "Draw a box around the points",
    "Shrink it until ℓ stops rising",
    "Fit the MLE",
    "Reveal the land",
    "Sample and judge",
)

#: The steps on a person's own points: their ``p_data`` is nobody's to reveal, so step 4
#: asks where they came from instead.
UPLOAD_STEPS: tuple[str, ...] = (*STEPS[:3], "Ask where the points came from", STEPS[4])


@dataclass(frozen=True)
class Hint:
    """What to do next: the step (1-based, see :data:`STEPS`), how to show it (``"info"``,
    ``"success"``, ``"warning"`` or ``"error"``) and the text (Markdown)."""

    step: int
    kind: str
    text: str


def _heading(step: int, steps: tuple[str, ...] = STEPS) -> str:
    return f"**Step {step} of {len(steps)} · {steps[step - 1]}.**"


def _uploaded_hint(score: Score, counts: Mapping[str, int] | None) -> Hint | None:
    """The hints that differ on a person's own points (:data:`UPLOAD_STEPS`), or None where
    they are the built-in data's. Samples are judged by Rule 2 alone: nobody knows these
    points' p_data, so nothing can say whether a sample looks real (Rule 1)."""
    if counts is not None:
        total = sum(counts.values()) or 1
        copy, new = counts.get("copy", 0) / total, counts.get("new", 0) / total
        return Hint(
            5, "success",
            f"{_heading(5, UPLOAD_STEPS)} {copy:.0%} of the samples are near-copies of one "
            f"of your points (B) and {new:.0%} are new (C). Whether a new one could pass for "
            "real (Rule 1) depends on the rule that made your points, which only you can "
            "judge: look at where the samples fall on the map.",
        )
    if score.gap == 0:
        return Hint(
            4, "success",
            "**This is the maximum-likelihood box** (the star on the chart): no box gives "
            f"your points a higher ℓ. {_heading(4, UPLOAD_STEPS)} Read, under the map, why "
            "the page cannot reveal your p_data, then draw samples.",
        )
    return None


def next_hint(
    score: Score,
    n: int,
    *,
    no_mle_reason: str = "",
    whole_map: bool = False,
    missed_before: bool = False,
    land: bool = False,
    counts: Mapping[str, int] | None = None,
    uploaded: bool = False,
) -> Hint:
    """The hint for a box with ``score`` on ``n`` points.

    ``no_mle_reason`` is why the points have no best box (empty when they have one);
    ``whole_map`` says the box is still the whole map; ``missed_before`` that some box
    tried so far left a point outside; ``land`` that ``p_data`` is revealed; ``counts``
    the number of samples per verdict (``"sea"``, ``"copy"``, ``"new"``) when samples are
    shown, else ``None``. ``uploaded``: the points are a person's own (their steps are
    :data:`UPLOAD_STEPS`, ``land`` does not apply, and samples are judged by Rule 2 alone).
    """
    if no_mle_reason:
        if uploaded and n == 1:
            advice = ("Upload a file with two or more points that differ in longitude and in "
                      "latitude, or switch back to the built-in data.")
        elif uploaded:
            advice = "Then upload the file again, or switch back to the built-in data."
        elif n == 1:
            advice = "Set **Points N** to 2 or more."
        else:
            advice = "Press **New data** for another set of points."
        return Hint(1, "warning", f"{no_mle_reason} {advice}")
    if score.outside:
        verb = "lies" if score.outside == 1 else "lie"
        return Hint(
            2, "error",
            f"**{score.outside:,} of the {n:,} points {verb} outside your box.** The box "
            "gives them density 0: it says they could never happen. So the product L has a "
            "factor 0, **L = 0** and **ℓ = log 0 = −∞**, however small the box. Grow it "
            "back over every point, or press **Fit the MLE**.",
        )
    if uploaded:
        hint = _uploaded_hint(score, counts)
        if hint is not None:
            return hint
        land = False  # there is no p_data to reveal
    if counts is not None and not land:
        return Hint(
            4, "info",
            f"{_heading(4)} Your samples are on the map, but whether each one could have "
            "come from p_data depends on where p_data puts its points. Switch on "
            "**Reveal p_data** under the map to judge them.",
        )
    if land and counts is not None:
        total = sum(counts.values()) or 1
        share = {kind: counts.get(kind, 0) / total for kind in ("sea", "copy", "new")}
        return Hint(
            5, "success",
            f"{_heading(5)} {share['sea']:.0%} of the samples fell in the sea (A), "
            f"{share['copy']:.0%} are near-copies of a data point (B) and {share['new']:.0%} "
            "are new points on land (C). A box cannot follow a coastline, so even the best "
            "box spends much of its probability on water.",
        )
    if land:
        return Hint(
            5, "info",
            f"{_heading(5)} Press **New samples** under the map to draw points from your box "
            "and see which of them p_data could have produced.",
        )
    if score.gap == 0:
        return Hint(
            4, "success",
            "**This is the maximum-likelihood box** (the star on the chart): no box gives "
            f"these points a higher ℓ. {_heading(4)} Switch on **Reveal p_data** under the "
            "map to see the rule that made the points.",
        )
    if whole_map:
        return Hint(
            1, "info",
            f"{_heading(1)} Drag across the map to draw your box, p_model: every spot inside "
            "it is equally likely, nothing outside can happen. Then drag it, its sides or "
            "its corners, or use the arrow keys or the buttons above the map.",
        )
    if missed_before:
        return Hint(
            3, "info",
            f"{_heading(3)} The highest ℓ belongs to the smallest box that still holds every "
            "point. Press **Fit the MLE** to snap to it, and find it on the chart.",
        )
    return Hint(
        2, "info",
        f"{_heading(2)} Every point is inside, so ℓ = −N·log(area): make the box smaller "
        "(drag a tighter one, or use **Shrink** and the arrows) and watch ℓ climb on the "
        "chart. Cut off a point and ℓ drops to −∞.",
    )
