"""The chapter's path through the demos, used by both the navigation and the home page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One stop on the chapter's path; ``page`` is ``None`` until its demo exists."""

    title: str
    idea: str
    page: str | None = None
    icon: str = ":material/arrow_forward:"
    nav_title: str | None = None  # a shorter name for the sidebar, where space is tight

    @property
    def label(self) -> str:
        """The name shown in the navigation."""
        return self.nav_title or self.title


PATH: tuple[Step, ...] = (
    Step(
        "The generative modelling framework",
        "The examples we hold were produced by a rule nobody shows us, p_data. We build our "
        "own stand-in, p_model, and judge it on two counts: what it draws should pass for "
        "something p_data could have made, and it should not just hand back the examples.",
    ),
    Step(
        "Likelihood and maximum likelihood",
        "Propose a box on a world map as p_model and score it by how probable it makes the "
        "observed points. The smallest box that still holds every point wins.",
        page="app_pages/world.py",
        icon=":material/public:",
        nav_title="Likelihood and the MLE",
    ),
    Step(
        "Counting and smoothing",
        "On Planet Wrodl, 50 faces are described by five features. Giving every one of "
        "the 4,032 combinations its own probability either copies the data or, once a "
        "pseudocount is added, treats every unseen combination as equally likely.",
        page="app_pages/wrodl_counting.py",
        icon=":material/calculate:",
    ),
    Step(
        "Naive Bayes",
        "Assume the five features are independent: 23 numbers are enough, and new faces "
        "come out sensible and different from the training set.",
        page="app_pages/wrodl_naive_bayes.py",
        icon=":material/checkroom:",
    ),
    Step(
        "Planet Pixel",
        "The same model on 1,024 pixels instead of five features produces blurry, "
        "near-identical faces: the features of an image depend on each other, and that is "
        "why deep generative models learn a better representation first.",
        page="app_pages/planet_pixel.py",
        icon=":material/grid_on:",
    ),
)
